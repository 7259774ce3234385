package io.roam.kernel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roam.kernel.snapshot.ContainerFileTest.Frame;
import io.roam.kernel.snapshot.Fixtures.CountingKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A container read as it arrives ({@link SnapshotStream}) and a heap section decoded from it:
 * sections come in order; no byte of a chunk is handed out before the chunk is checked; the last
 * section reports its end only once the trailer is checked, so a decoder never fills its objects
 * (never runs process code) on a container whose end is damaged or missing; every cut and every
 * flipped bit is refused; a section that promises more than it delivers costs a bounded amount of
 * memory.
 */
class SnapshotStreamTest {
  private static final byte[] META = "process 7 on node-a".getBytes();
  private static final byte[] HEAP = new byte[(1 << 20) + 12345];

  static {
    new Random(2).nextBytes(HEAP);
  }

  /** meta, heap (five chunks of 256 KiB and one short one), and optionally an empty section after. */
  private static byte[] container(boolean emptyAfter) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SnapshotWriter w = new SnapshotWriter(bytes);
    w.writeSection("meta", META);
    try (OutputStream heap = w.openSection("heap")) {
      heap.write(HEAP);
    }
    if (emptyAfter) {
      w.writeSection("empty", new byte[0]);
    }
    w.finish();
    return bytes.toByteArray();
  }

  private static SnapshotStream open(byte[] c) throws Exception {
    return SnapshotStream.open(new ByteArrayInputStream(c), Long.MAX_VALUE);
  }

  /** Reads every section, the last one as the last; returns them in order. */
  private static List<byte[]> readAll(byte[] c) throws Exception {
    SnapshotStream s = open(c);
    List<String> names = new ArrayList<>();
    List<byte[]> out = new ArrayList<>();
    for (String n; (n = s.nextSection()) != null; ) {
      names.add(n);
      try (InputStream in = s.section(n.equals("heap"))) {
        out.add(in.readAllBytes());
      }
    }
    return out;
  }

  @Test
  void sectionsArriveInOrder() throws Exception {
    SnapshotStream s = open(container(true));
    assertThat(s.readSection("meta", 1 << 10)).isEqualTo(META);
    assertThat(s.nextSection()).isEqualTo("heap");
    try (InputStream in = s.section(false)) {
      assertThat(in.readAllBytes()).isEqualTo(HEAP);
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(s.nextSection()).isEqualTo("empty");
    assertThat(s.section(true).readAllBytes()).isEmpty();
    assertThat(s.nextSection()).isNull();
    assertThat(s.nextSection()).isNull();
  }

  @Test
  void aSectionNotReadIsStillChecked() throws Exception {
    byte[] bad = container(true);
    Frame heapChunk = ContainerFileTest.frames(bad).get(5);
    assertThat(heapChunk.type()).isEqualTo((byte) 'C');
    bad[heapChunk.at() + 100] ^= 4;
    SnapshotStream s = open(bad);
    assertThat(s.nextSection()).isEqualTo("meta");
    assertThat(s.nextSection()).isEqualTo("heap");
    assertThatThrownBy(s::nextSection).isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("chunk 2 of section 'heap'").hasMessageContaining("fails its check");
  }

  @Test
  void noByteOfADamagedChunkIsHandedOut() throws Exception {
    byte[] bad = container(false);
    List<Frame> frames = ContainerFileTest.frames(bad);
    // frames: S meta, C, E, S heap, C1..C5 (256 KiB), C6, E, T
    Frame third = frames.get(6);
    assertThat(third.type()).isEqualTo((byte) 'C');
    bad[third.at() + 5 + 1000] ^= 1;
    SnapshotStream s = open(bad);
    s.readSection("meta", 1 << 10);
    s.nextSection();
    InputStream in = s.section(true);
    byte[] got = new byte[HEAP.length];
    int n = 0;
    try {
      for (int r; (r = in.read(got, n, Math.min(4096, got.length - n))) > 0; ) {
        n += r;
      }
      throw new AssertionError("the damaged chunk was not noticed");
    } catch (IOException e) {
      assertThat(e).hasMessageContaining("chunk 3 of section 'heap'");
      assertThat(e.getCause()).isInstanceOf(SnapshotFormatException.class);
    }
    assertThat(n).as("bytes handed out").isEqualTo(2 * 256 << 10);
    assertThat(Arrays.equals(got, 0, n, HEAP, 0, n)).isTrue();
  }

  @Test
  void theLastSectionEndsOnlyOnceTheTrailerIsChecked() throws Exception {
    byte[] good = container(false);
    byte[] trailerDamaged = good.clone();
    trailerDamaged[good.length - 8] ^= 1;
    byte[] noTrailer = Arrays.copyOf(good, good.length - 21);
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    String[][] cases = {{"fails its check"}, {"truncated"}, {"follow the trailer"}};
    byte[][] inputs = {trailerDamaged, noTrailer, longer};
    for (int i = 0; i < inputs.length; i++) {
      SnapshotStream s = open(inputs[i]);
      s.readSection("meta", 1 << 10);
      s.nextSection();
      InputStream in = s.section(true);
      byte[] all = new byte[HEAP.length];
      assertThat(in.readNBytes(all, 0, all.length)).isEqualTo(HEAP.length);
      assertThat(all).isEqualTo(HEAP);
      // every byte of the section is there, but its end is not reported
      assertThatThrownBy(in::read).as(cases[i][0]).isInstanceOf(IOException.class)
          .hasMessageContaining(cases[i][0]);
    }
    // not opened as the last: its end is reported, and the next step finds the damage
    SnapshotStream s = open(trailerDamaged);
    s.readSection("meta", 1 << 10);
    s.nextSection();
    assertThat(s.section(false).readAllBytes()).isEqualTo(HEAP);
    assertThatThrownBy(s::nextSection).isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("trailer");
  }

  @Test
  void aSectionAfterTheLastIsRefused() throws Exception {
    SnapshotStream s = open(container(true));
    s.readSection("meta", 1 << 10);
    s.nextSection();
    InputStream in = s.section(true);
    in.readNBytes(HEAP.length);
    assertThatThrownBy(in::read).hasMessageContaining("a section after its last one ('empty')");
  }

  @Test
  void everyCutAndEveryFlippedBitIsRefused() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SnapshotWriter w = new SnapshotWriter(bytes);
    w.writeSection("meta", META);
    w.writeSection("heap", Arrays.copyOf(HEAP, 300));
    w.finish();
    byte[] c = bytes.toByteArray();
    assertThat(readAll(c)).hasSize(2);
    for (int len = 0; len < c.length; len++) {
      byte[] cut = Arrays.copyOf(c, len);
      assertThatThrownBy(() -> readAll(cut)).as("cut at " + len)
          .isInstanceOfAny(SnapshotFormatException.class, SnapshotStream.Failure.class);
    }
    for (int bit = 0; bit < c.length * 8; bit++) {
      byte[] bad = c.clone();
      bad[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThatThrownBy(() -> readAll(bad)).as("bit " + bit)
          .isInstanceOfAny(SnapshotFormatException.class, SnapshotStream.Failure.class);
    }
  }

  // ---- a heap section decoded as it arrives

  private static Object decode(byte[] c, HeapCodec codec) throws Exception {
    SnapshotStream s = open(c);
    s.readSection("meta", 1 << 10);
    assertThat(s.nextSection()).isEqualTo("heap");
    Object root = codec.decode(s.section(true));
    assertThat(s.nextSection()).isNull();
    return root;
  }

  @Test
  void aDamagedEndRunsNoProcessCode() throws Exception {
    TestPolicy policy = new TestPolicy();
    // 100 000 sets to fill: their fill order spans more than one chunk
    List<Set<CountingKey>> sets = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      sets.add(new HashSet<>(List.of(new CountingKey(i))));
    }
    byte[] good = ContainerFileTest.heapContainer(sets, policy);
    List<Frame> frames = ContainerFileTest.frames(good);
    byte[] lastChunkDamaged = good.clone();
    Frame last = frames.get(frames.size() - 3);
    assertThat(last.type()).isEqualTo((byte) 'C');
    lastChunkDamaged[last.end() - 10] ^= 1;
    byte[] trailerDamaged = good.clone();
    trailerDamaged[good.length - 8] ^= 1;
    for (byte[] bad : new byte[][] {lastChunkDamaged, trailerDamaged, Arrays.copyOf(good, good.length - 1)}) {
      CountingKey.HASHED.set(0);
      assertThatThrownBy(() -> decode(bad, new HeapCodec(policy)))
          .isInstanceOf(SnapshotFormatException.class);
      assertThat(CountingKey.HASHED.get()).as("hashCode calls").isZero();
    }
    assertThat(decode(good, new HeapCodec(policy))).isEqualTo(sets);
    assertThat(CountingKey.HASHED.get()).as("hashCode calls").isPositive();
  }

  @Test
  void largePrimitiveArraysAndStringsArriveInPieces() throws Exception {
    TestPolicy policy = new TestPolicy();
    Random rnd = new Random(3);
    long[] longs = rnd.longs(300_001).toArray();
    double[] doubles = rnd.doubles(70_000).toArray();
    char[] latin = new char[200_003];
    char[] wide = new char[100_001];
    for (int i = 0; i < latin.length; i++) {
      latin[i] = (char) rnd.nextInt(256);
    }
    for (int i = 0; i < wide.length; i++) {
      wide[i] = (char) (256 + rnd.nextInt(60_000));
    }
    Object[] graph = {longs, new String(latin), doubles, new String(wide), new int[] {1, 2}};
    // a stream may promise 64 KiB ahead: everything larger is read in pieces first
    HeapLimits tight = new HeapLimits(1000, 100, Integer.MAX_VALUE - 16, Integer.MAX_VALUE - 16, 100, 64 << 10);
    Object[] back = (Object[]) decode(ContainerFileTest.heapContainer(graph, policy), new HeapCodec(policy, tight));
    assertThat(Arrays.deepEquals(back, graph)).isTrue();
  }

  /** A heap section with one class and one object: a header of class {@code type}, then {@code rest}. */
  private static byte[] hostile(String type, int objects, int length) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    HeapOutput out = new HeapOutput(bytes);
    out.writeInt(HeapFormat.MAGIC);
    out.writeVarInt(1);
    out.writeString(type);
    out.writeByte(ClassLayout.Kind.ARRAY.code());
    out.writeVarInt(objects);
    out.writeVarInt(1); // the root: object 0
    out.writeVarInt(HeapFormat.FIRST_CLASS);
    out.writeVarInt(length);
    for (int i = 0; i < 1000; i++) {
      out.writeLong(i);
    }
    out.flush();
    return bytes.toByteArray();
  }

  @Test
  void promisesBeyondWhatArrivesCostABoundedAmount() throws Exception {
    TestPolicy policy = new TestPolicy();
    HeapLimits limits = new HeapLimits(200_000_000, 100, Integer.MAX_VALUE - 16, 1000, 100, 1 << 20);
    HeapCodec codec = new HeapCodec(policy, limits);
    // a primitive array of 16 GiB: read in pieces as its bytes arrive; they stop after 8 000
    assertThatThrownBy(() -> codec.decode(new ByteArrayInputStream(hostile("[J", 1, Integer.MAX_VALUE - 100))))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("ended early");
    // a reference array of 10 million elements, promised by a stream that has sent 8 KB
    assertThatThrownBy(() -> codec.decode(new ByteArrayInputStream(hostile("[Ljava.lang.Object;", 1, 10_000_000))))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("restore it from a file");
    // a million objects (a byte each would fit what may be promised): the decoder's tables for them
    // would be 24 MB, more than 8 times that
    assertThatThrownBy(() -> codec.decode(new ByteArrayInputStream(hostile("[J", 1_000_000, 1))))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("restore it from a file");
    // the same sections of known length are refused by the bytes they lack
    assertThatThrownBy(() -> codec.decode(hostile("[Ljava.lang.Object;", 1, 10_000_000)))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("exceeds the");
  }
}
