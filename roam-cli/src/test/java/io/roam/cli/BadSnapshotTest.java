package io.roam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.snapshot.SnapshotReader;
import io.roam.kernel.snapshot.SnapshotWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged or hostile snapshot is refused with one clear line on standard error and exit code 2,
 * and nothing of the program runs (its standard output stays empty).
 */
class BadSnapshotTest {
  @TempDir static Path dir;
  static Path good;
  static byte[] goodBytes;

  @BeforeAll
  static void freezeScimark() throws Exception {
    good = dir.resolve("good.roam");
    String jar = Path.of(jnt.scimark2.commandline.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    Jvm.Run r = Jvm.roam("local", "run", "--cp", jar, "--freeze-after", "1500ms", "--snapshot", good.toString(),
        "jnt.scimark2.commandline");
    assertThat(r.exit()).as(r.errText()).isZero();
    goodBytes = Files.readAllBytes(good);
  }

  static Jvm.Run resume(byte[] snapshot, String name) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, snapshot);
    return Jvm.roam("local", "resume", f.toString());
  }

  static void assertRefused(Jvm.Run r, String... mentions) {
    assertThat(r.exit()).as(r.errText()).isEqualTo(2);
    assertThat(r.out()).as("program output").isEmpty();
    String err = r.errText().strip();
    assertThat(err.lines().count()).as("one line: " + err).isEqualTo(1);
    assertThat(err).startsWith("roam: ");
    for (String m : mentions) {
      assertThat(err).contains(m);
    }
  }

  @Test
  void truncatedSnapshotIsRefused() throws Exception {
    for (int len : new int[] {0, 10, goodBytes.length / 2, goodBytes.length - 1}) {
      byte[] cut = java.util.Arrays.copyOf(goodBytes, len);
      assertRefused(resume(cut, "cut" + len + ".roam"), "snapshot");
    }
  }

  @Test
  void flippedBitsAreRefused() throws Exception {
    for (int at : new int[] {3, 13, 40, goodBytes.length / 3, goodBytes.length / 2, goodBytes.length - 3}) {
      byte[] b = goodBytes.clone();
      b[at] ^= 0x10;
      assertRefused(resume(b, "flip" + at + ".roam"), "snapshot");
    }
  }

  @Test
  void unknownFormatVersionIsRefused() throws Exception {
    byte[] b = goodBytes.clone();
    java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(8, 99);
    CRC32C crc = new CRC32C();
    crc.update(b, 0, 12);
    java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(12, (int) crc.getValue());
    assertRefused(resume(b, "v99.roam"), "version 99");
  }

  @Test
  void classOutsideTheAllowlistIsRefusedBeforeAnythingRuns() throws Exception {
    SnapshotReader r = SnapshotReader.read(new java.io.ByteArrayInputStream(goodBytes));
    byte[] heap = r.readSection("heap");
    byte[] from = "java.lang.String".getBytes(StandardCharsets.ISO_8859_1);
    byte[] to = "java.lang.Thread".getBytes(StandardCharsets.ISO_8859_1);
    int at = indexOf(heap, from);
    assertThat(at).as("the heap names java.lang.String").isPositive();
    System.arraycopy(to, 0, heap, at, to.length);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    SnapshotWriter w = new SnapshotWriter(out);
    for (String s : r.sectionNames()) {
      try (OutputStream o = w.openSection(s)) {
        o.write(s.equals("heap") ? heap : r.readSection(s));
      }
    }
    w.finish();
    assertRefused(resume(out.toByteArray(), "hostile.roam"), "java.lang.Thread");
  }

  @Test
  void missingFileIsRefused() throws Exception {
    Jvm.Run r = Jvm.roam("local", "resume", dir.resolve("nope.roam").toString());
    assertRefused(r, "does not exist");
  }

  @Test
  void theGoodSnapshotResumes() throws Exception {
    Jvm.Run r = resume(goodBytes, "again.roam");
    assertThat(r.exit()).as(r.errText()).isZero();
    assertThat(r.outText()).contains("LU (100x100):");
  }

  private static int indexOf(byte[] h, byte[] n) {
    outer:
    for (int i = 0; i + n.length <= h.length; i++) {
      for (int k = 0; k < n.length; k++) {
        if (h[i + k] != n[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
