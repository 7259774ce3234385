package io.roam.kernel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roam.kernel.snapshot.Fixtures.CountingKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container read from a file in one pass: open checks the structure and the checksum chain
 * up to the trailer without reading chunk payloads; each chunk is handed out only after its own
 * check, linked to the chain; a file damaged before, or changed, shrunk or replaced after it was
 * opened never yields an unchecked byte; chunks out of place (each valid on its own) are refused;
 * a heap section damaged anywhere, even in the last chunk of its fill order, is refused before
 * any process code (a key's hashCode) runs.
 */
class ContainerFileTest {
  @TempDir Path dir;

  private static final byte[] META = "process 7 on node-a".getBytes();
  /** Five chunks of 256 KiB and a short sixth one. */
  private static final byte[] HEAP = new byte[5 * (256 << 10) + 1000];
  private static final int CHUNK = 256 << 10;

  static {
    new Random(2).nextBytes(HEAP);
  }

  private static byte[] container() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SnapshotWriter w = new SnapshotWriter(bytes);
    w.writeSection("meta", META);
    w.writeSection("heap", HEAP);
    w.finish();
    return bytes.toByteArray();
  }

  /** A container of a "meta" section and a "heap" section holding {@code graph}. */
  static byte[] heapContainer(Object graph, TestPolicy policy) throws IOException, SnapshotCaptureException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SnapshotWriter w = new SnapshotWriter(bytes);
    w.writeSection("meta", META);
    try (OutputStream s = w.openSection("heap")) {
      new HeapCodec(policy).encode(graph, s);
    }
    w.finish();
    return bytes.toByteArray();
  }

  /** A frame of a container: offset, type and payload length. */
  record Frame(int at, byte type, int len) {
    int end() {
      return at + 5 + len + 4;
    }
  }

  static List<Frame> frames(byte[] c) {
    List<Frame> out = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN);
    for (int at = 16; at < c.length; ) {
      Frame f = new Frame(at, c[at], b.getInt(at + 1));
      out.add(f);
      at = f.end();
    }
    return out;
  }

  /** The {@code n}th chunk frame (0-based) of the heap section. */
  private static Frame heapChunk(byte[] c, int n) {
    List<Frame> chunks = new ArrayList<>();
    boolean inHeap = false;
    for (Frame f : frames(c)) {
      if (f.type() == 'S') {
        inHeap = new String(c, f.at() + 5, f.len()).equals("heap");
      } else if (inHeap && f.type() == 'C') {
        chunks.add(f);
      }
    }
    return chunks.get(n);
  }

  /** Re-seals frame {@code f} of {@code c} after a change, with the link it has in {@code c}. */
  private static void reseal(byte[] c, Frame f) {
    ByteBuffer b = ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN);
    CRC32C crc = new CRC32C();
    crc.update(c, f.at() - 4, 4 + 5 + f.len());
    b.putInt(f.at() + 5 + f.len(), (int) crc.getValue());
  }

  private Path file(byte[] c) throws IOException {
    Path p = dir.resolve("snap-" + System.nanoTime());
    Files.write(p, c);
    return p;
  }

  /** Reads a stream until it fails or ends; returns what it handed out and the failure. */
  private static Object[] drain(InputStream in) {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] b = new byte[10_000];
    try {
      for (int n; (n = in.read(b)) > 0; ) {
        got.write(b, 0, n);
      }
      return new Object[] {got.toByteArray(), null};
    } catch (IOException e) {
      return new Object[] {got.toByteArray(), e};
    }
  }

  @Test
  void sectionsReadInAnyOrderEqualWhatWasWritten() throws Exception {
    try (SnapshotReader r = SnapshotReader.open(file(container()))) {
      assertThat(r.readSection("heap")).isEqualTo(HEAP);
      assertThat(r.readSection("meta")).isEqualTo(META);
      assertThat(r.readSection("heap")).isEqualTo(HEAP);
    }
  }

  @Test
  void corruptChunkIsNotHandedOutNorAnythingAfterIt() throws Exception {
    byte[] c = container();
    c[heapChunk(c, 3).at() + 5 + 777] ^= 0x04;
    try (SnapshotReader r = SnapshotReader.open(file(c))) {
      assertThat(r.readSection("meta")).isEqualTo(META);
      Object[] got = drain(r.openSection("heap"));
      assertThat((byte[]) got[0]).isEqualTo(Arrays.copyOf(HEAP, 3 * CHUNK));
      assertThat((IOException) got[1]).hasMessageContaining("snapshot corrupt: chunk 4 of"
          + " section 'heap' at byte offset " + heapChunk(c, 3).at() + " fails its check");
    }
  }

  @Test
  void swappedChunksEachValidOnTheirOwnAreRefused() throws Exception {
    byte[] c = container();
    Frame a = heapChunk(c, 1);
    Frame b = heapChunk(c, 2);
    byte[] first = Arrays.copyOfRange(c, a.at(), a.end());
    System.arraycopy(c, b.at(), c, a.at(), b.end() - b.at());
    System.arraycopy(first, 0, c, b.at(), first.length);
    try (SnapshotReader r = SnapshotReader.open(file(c))) {
      Object[] got = drain(r.openSection("heap"));
      assertThat((byte[]) got[0]).isEqualTo(Arrays.copyOf(HEAP, CHUNK));
      assertThat((IOException) got[1]).hasMessageContaining("chunk 2 of section 'heap'");
    }
    assertThatThrownBy(() -> SnapshotReader.read(new ByteArrayInputStream(c)))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("chunk 2 of section"
            + " 'heap'");
  }

  @Test
  void damagedOrForeignTrailerAndTruncatedFileAreRefusedAtOpen() throws Exception {
    byte[] c = container();
    Frame trailer = frames(c).get(frames(c).size() - 1);
    byte[] flipped = c.clone();
    flipped[trailer.at() + 6] ^= 1;
    byte[] resealed = flipped.clone();
    reseal(resealed, trailer);
    byte[] otherHeap = HEAP.clone();
    otherHeap[otherHeap.length - 1] ^= 1;
    ByteArrayOutputStream otherBytes = new ByteArrayOutputStream();
    SnapshotWriter w = new SnapshotWriter(otherBytes);
    w.writeSection("meta", META);
    w.writeSection("heap", otherHeap);
    w.finish();
    byte[] other = otherBytes.toByteArray();
    // the heap's end and the trailer of a snapshot that differs in its last byte only
    byte[] foreign = c.clone();
    System.arraycopy(other, trailer.at() - 21, foreign, trailer.at() - 21, 21 + 21);
    for (byte[] bad : new byte[][] {flipped, resealed, foreign}) {
      assertThatThrownBy(() -> SnapshotReader.open(file(bad)))
          .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("snapshot corrupt:");
    }
    for (int len : new int[] {heapChunk(c, 2).at() + 100, c.length - 1}) {
      assertThatThrownBy(() -> SnapshotReader.open(file(Arrays.copyOf(c, len))))
          .as("cut at " + len)
          .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("snapshot truncated");
    }
  }

  @Test
  void fileShrunkAfterOpenIsRefused() throws Exception {
    byte[] c = container();
    Path p = file(c);
    try (SnapshotReader r = SnapshotReader.open(p)) {
      try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
        ch.truncate(heapChunk(c, 2).at() + 100);
      }
      Object[] got = drain(r.openSection("heap"));
      assertThat((byte[]) got[0]).isEqualTo(Arrays.copyOf(HEAP, 2 * CHUNK));
      assertThat((IOException) got[1]).hasMessageContaining("shrank after it was opened");
    }
  }

  @Test
  void snapshotRenamedOverTheFileAfterOpenIsNotSeen() throws Exception {
    Path p = file(container());
    try (SnapshotReader r = SnapshotReader.open(p)) {
      byte[] other = container();
      other[heapChunk(other, 0).at() + 5] ^= 1;
      Files.move(file(other), p, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      assertThat(r.readSection("meta")).isEqualTo(META);
      assertThat(r.readSection("heap")).isEqualTo(HEAP);
    }
  }

  @Test
  void primitiveArraysAcrossChunkBoundariesDecodeFromTheFileBuffers() throws Exception {
    Random rnd = new Random(3);
    int[] ints = rnd.ints(300_001).toArray();
    long[] longs = rnd.longs(100_003).toArray();
    double[] doubles = rnd.doubles(100_005).toArray();
    byte[] bytes = new byte[700_001];
    rnd.nextBytes(bytes);
    char[] chars = new char[200_003];
    short[] shorts = new short[200_001];
    float[] floats = new float[150_007];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) rnd.nextInt();
      shorts[Math.min(i, shorts.length - 1)] = (short) rnd.nextInt();
      floats[Math.min(i, floats.length - 1)] = rnd.nextFloat();
    }
    boolean[] flags = {true, false, true};
    Object[] graph = {new byte[] {7}, ints, longs, "x", doubles, bytes, chars, shorts, floats,
        flags};
    TestPolicy policy = new TestPolicy();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SnapshotWriter w = new SnapshotWriter(out);
    try (OutputStream s = w.openSection("heap")) {
      new HeapCodec(policy).encode(graph, s);
    }
    w.finish();
    try (SnapshotReader r = SnapshotReader.open(file(out.toByteArray()));
        InputStream in = r.openSection("heap")) {
      Object back = new HeapCodec(policy).decode(in, r.sectionLength("heap"));
      assertThat(Arrays.deepEquals((Object[]) back, graph)).isTrue();
    }
  }

  @Test
  void damagedLastChunkOfTheFillOrderRunsNoProcessCode() throws Exception {
    TestPolicy policy = new TestPolicy();
    // 100 000 sets to fill: their fill order (≈ 300 KB of ids) spans more than one chunk
    List<Set<CountingKey>> sets = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      sets.add(new HashSet<>(List.of(new CountingKey(i))));
    }
    byte[] good = heapContainer(sets, policy);
    byte[] bad = good.clone();
    Frame last = frames(bad).get(frames(bad).size() - 3);
    assertThat(last.type()).isEqualTo((byte) 'C');
    bad[last.end() - 10] ^= 1;

    CountingKey.HASHED.set(0);
    try (SnapshotReader r = SnapshotReader.open(file(bad));
        InputStream in = r.openSection("heap")) {
      assertThatThrownBy(() -> new HeapCodec(policy).decode(in, r.sectionLength("heap")))
          .isInstanceOf(IOException.class).hasMessageContaining("fails its check");
    }
    assertThat(CountingKey.HASHED.get()).as("hashCode calls").isZero();

    try (SnapshotReader r = SnapshotReader.open(file(good));
        InputStream in = r.openSection("heap")) {
      assertThat(new HeapCodec(policy).decode(in, r.sectionLength("heap"))).isEqualTo(sets);
    }
    assertThat(CountingKey.HASHED.get()).as("hashCode calls").isPositive();
  }
}
