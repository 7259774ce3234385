package io.roam.kernel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container: sections of any size round-trip through a stream and a file; every kind of
 * damage (truncation, a flipped bit in header, chunk payload, chunk checksum or trailer, wrong
 * magic, unknown version, trailing bytes) is refused — from a stream before any section is
 * handed out, from a file while its sections are read (what a file reader hands out and when is
 * in {@link ContainerFileTest}).
 */
class ContainerTest {
  @TempDir Path dir;

  private static final byte[] META = "process 7 on node-a".getBytes();
  private static final byte[] HEAP = new byte[(3 << 20) + 12345];

  static {
    new Random(1).nextBytes(HEAP);
  }

  private static byte[] container() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SnapshotWriter w = new SnapshotWriter(bytes);
    w.writeSection("meta", META);
    try (OutputStream heap = w.openSection("heap")) {
      heap.write(HEAP, 0, 100);
      heap.write(HEAP, 100, HEAP.length - 100);
    }
    w.writeSection("empty", new byte[0]);
    w.finish();
    return bytes.toByteArray();
  }

  private static SnapshotReader readStream(byte[] b) throws Exception {
    return SnapshotReader.read(new ByteArrayInputStream(b));
  }

  /** Opens a file and reads every section, as a restore does. */
  private SnapshotReader readFile(byte[] b) throws Exception {
    Path p = dir.resolve("snap-" + System.nanoTime());
    Files.write(p, b);
    SnapshotReader r = SnapshotReader.open(p);
    try {
      for (String s : r.sectionNames()) {
        r.readSection(s);
      }
    } catch (IOException | RuntimeException e) {
      r.close();
      throw e;
    }
    return r;
  }

  @Test
  void sectionsRoundTripThroughStreamAndFile() throws Exception {
    byte[] c = container();
    for (SnapshotReader r : new SnapshotReader[] {readStream(c), readFile(c)}) {
      assertThat(r.sectionNames()).containsExactly("meta", "heap", "empty");
      assertThat(r.readSection("meta")).isEqualTo(META);
      assertThat(r.sectionLength("heap")).isEqualTo(HEAP.length);
      try (InputStream in = r.openSection("heap")) {
        assertThat(in.readAllBytes()).isEqualTo(HEAP);
      }
      assertThat(r.readSection("empty")).isEmpty();
      assertThatThrownBy(() -> r.openSection("code"))
          .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("no section 'code'");
    }
  }

  /**
   * How a section is cut: the heap encoder flushes its 256 KiB buffer a few bytes short of full
   * (the next value did not fit); such a write becomes a chunk as it is, not copied into the
   * section's buffer and cut again. A write larger than a chunk is cut into whole chunks; small
   * writes are gathered.
   */
  @Test
  void largeWritesAreChunksOfTheirOwnAndSmallOnesAreGathered() throws Exception {
    int chunk = SnapshotWriter.SectionStream.WRITE_CHUNK;
    int[] writes = {chunk - 5, chunk - 3, 10, 20, 30, 2 * chunk + 1000};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SnapshotWriter w = new SnapshotWriter(bytes);
    int at = 0;
    try (OutputStream heap = w.openSection("heap")) {
      for (int n : writes) {
        heap.write(HEAP, at, n);
        at += n;
      }
    }
    w.finish();
    byte[] c = bytes.toByteArray();
    java.util.List<Integer> chunks = new java.util.ArrayList<>();
    for (ContainerFileTest.Frame f : ContainerFileTest.frames(c)) {
      if (f.type() == 'C') {
        chunks.add(f.len());
      }
    }
    // 10, 20 and 30 are gathered and the large write fills their chunk; of the rest, a whole
    // chunk goes out as it is and the last 1 060 bytes are the section's last chunk
    assertThat(chunks).containsExactly(chunk - 5, chunk - 3, chunk, chunk, 1060);
    assertThat(readStream(c).readSection("heap")).isEqualTo(Arrays.copyOf(HEAP, at));
  }

  @Test
  void heapSectionThroughTheContainer() throws Exception {
    TestPolicy policy = new TestPolicy();
    Object[] graph = {new double[500_000], "x", new java.util.ArrayList<>(java.util.List.of(1))};
    Path p = dir.resolve("heap.snap");
    try (OutputStream out = Files.newOutputStream(p)) {
      SnapshotWriter w = new SnapshotWriter(out);
      try (OutputStream s = w.openSection("heap")) {
        new HeapCodec(policy).encode(graph, s);
      }
      w.finish();
    }
    SnapshotReader r = SnapshotReader.open(p);
    try (InputStream in = r.openSection("heap")) {
      Object[] back = (Object[]) new HeapCodec(policy).decode(in, r.sectionLength("heap"));
      assertThat(java.util.Arrays.deepEquals(back, graph)).isTrue();
    }
  }

  @Test
  void everyTruncationIsRefused() throws Exception {
    byte[] c = container();
    int[] cuts = {0, 7, 15, 16, 20, 30, 1000, (1 << 20) + 40, c.length / 2, c.length - 25,
        c.length - 1};
    for (int len : cuts) {
      byte[] t = Arrays.copyOf(c, len);
      assertThatThrownBy(() -> readStream(t)).as("cut at " + len)
          .isInstanceOf(SnapshotFormatException.class);
      assertThatThrownBy(() -> readFile(t)).as("cut at " + len)
          .isInstanceOf(SnapshotFormatException.class);
    }
    assertThatThrownBy(() -> readStream(Arrays.copyOf(c, c.length - 1)))
        .hasMessageContaining("snapshot truncated");
  }

  @Test
  void flippedBitInEachRegionIsRefused() throws Exception {
    byte[] c = container();
    int firstChunk = 16 + 5 + 4 + 4 + 5;
    int[][] regions = {
      {3, 0}, // magic
      {9, 0}, // version
      {13, 0}, // header checksum
      {firstChunk + 5, 1}, // chunk payload (first chunk of "meta")
      {firstChunk + META.length + 1, 2}, // that chunk's checksum
      {c.length / 2, 3}, // payload of a heap chunk
      {c.length - 10, 4}, // trailer payload
      {c.length - 2, 4}, // trailer checksum
    };
    for (int[] r : regions) {
      byte[] bad = c.clone();
      bad[r[0]] ^= 0x10;
      assertThatThrownBy(() -> readStream(bad)).as("byte " + r[0])
          .isInstanceOf(SnapshotFormatException.class)
          .hasMessageContaining(r[1] == 0 && r[0] < 8 ? "not a Roam snapshot"
              : "byte offset");
      assertThatThrownBy(() -> readFile(bad)).as("byte " + r[0])
          .isInstanceOfAny(SnapshotFormatException.class, IOException.class)
          .hasMessageContaining(r[1] == 0 && r[0] < 8 ? "not a Roam snapshot"
              : "byte offset");
    }
  }

  @Test
  void everySingleBitFlipOfASmallContainerIsRefused() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SnapshotWriter w = new SnapshotWriter(bytes);
    w.writeSection("meta", META);
    w.finish();
    byte[] c = bytes.toByteArray();
    for (int bit = 0; bit < c.length * 8; bit++) {
      byte[] bad = c.clone();
      bad[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThatThrownBy(() -> readStream(bad)).isInstanceOf(SnapshotFormatException.class);
      assertThatThrownBy(() -> readFile(bad)).as("bit " + bit)
          .isInstanceOfAny(SnapshotFormatException.class, IOException.class);
    }
  }

  @Test
  void otherVersionsAreRefusedWithAClearMessage() throws Exception {
    for (int version : new int[] {1, 99}) {
      byte[] c = container();
      ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(8, version);
      CRC32C crc = new CRC32C();
      crc.update(c, 0, 12);
      ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(12, (int) crc.getValue());
      assertThatThrownBy(() -> readStream(c))
          .isInstanceOf(SnapshotFormatException.class)
          .hasMessageContaining("snapshot format version " + version + " is not supported by"
              + " this Roam (supports 2)");
      assertThatThrownBy(() -> readFile(c))
          .isInstanceOf(SnapshotFormatException.class)
          .hasMessageContaining("snapshot format version " + version + " is not supported");
    }
  }

  @Test
  void wrongMagicAndTrailingBytesAreRefused() throws Exception {
    assertThatThrownBy(() -> readStream("PK\3\4 not a snapshot at all".getBytes()))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("not a Roam snapshot");
    byte[] c = container();
    byte[] longer = Arrays.copyOf(c, c.length + 1);
    assertThatThrownBy(() -> readStream(longer))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("follow the trailer");
    assertThatThrownBy(() -> readFile(longer))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("follow the trailer");
  }

  @Test
  void unfinishedContainerIsRefused() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SnapshotWriter w = new SnapshotWriter(bytes);
    OutputStream s = w.openSection("heap");
    s.write(HEAP, 0, 10);
    assertThatThrownBy(() -> w.finish()).isInstanceOf(IllegalStateException.class);
    s.close();
    assertThatThrownBy(() -> readStream(bytes.toByteArray()))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("truncated");
  }

  @Test
  void fileChangedAfterOpenIsNoticed() throws Exception {
    byte[] c = container();
    Path p = dir.resolve("changing.snap");
    Files.write(p, c);
    SnapshotReader r = SnapshotReader.open(p);
    c[c.length / 2] ^= 1;
    Files.write(p, c);
    assertThatThrownBy(() -> {
      try (InputStream in = r.openSection("heap")) {
        in.readAllBytes();
      }
    }).isInstanceOf(IOException.class).hasMessageContaining("changed after it was opened");
  }
}
