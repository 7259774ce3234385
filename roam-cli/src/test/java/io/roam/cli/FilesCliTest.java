package io.roam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Virtual files at the command line, in real JVMs. Each file corpus program (run with "keep", so
 * its files stay) gives, under {@code roam local run}, the standard output and the files of plain
 * {@code java}; frozen three times and resumed each time in a new JVM started in a different
 * working directory, it still writes its files where it started and gives the same output and
 * files. A resume whose open file was deleted or cut is refused with a message naming the file.
 */
class FilesCliTest {
  static final List<String> PROGRAMS =
      List.of("corpus.FileCopy", "corpus.FileAppend", "corpus.RandomAccess", "corpus.NioFiles", "corpus.FileErrors",
          "corpus.StreamReaders");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> runAndChainOfFreezesInOtherDirectoriesEqualPlainJava() {
    return PROGRAMS.stream().map(p -> DynamicTest.dynamicTest(p, () -> {
      Path plainDir = Files.createDirectory(tmp.resolve(p + "-plain"));
      long t0 = System.nanoTime();
      Jvm.Run base = Jvm.plainIn(plainDir, Corpus.classPath(), p, "keep");
      long millis = (System.nanoTime() - t0) / 1_000_000;
      assertThat(base.exit()).as(base.errText()).isZero();
      Map<String, String> files = tree(plainDir);
      assertThat(files).as("files written by plain java").isNotEmpty();

      Path runDir = Files.createDirectory(tmp.resolve(p + "-run"));
      Jvm.Run run = Jvm.roamIn(runDir, "local", "run", "--cp", Corpus.classPath(), p, "keep");
      assertThat(run.errText()).isEqualTo(base.errText());
      assertThat(run.out()).isEqualTo(base.out());
      assertThat(run.exit()).isZero();
      assertThat(tree(runDir)).isEqualTo(files);

      // Three freezes spread over the run; on a machine where the program ends before the third,
      // the chain is run again with shorter intervals (each run is checked in full).
      Chain c = null;
      for (long d = Math.max(millis, 300) / 6; d >= 5 && (c == null || c.freezes < 3); d /= 2) {
        c = chain(p, List.of(d, d, d));
        assertThat(new String(c.out, StandardCharsets.UTF_8)).as("stdout across %s", c.roamLines)
            .isEqualTo(base.outText());
        assertThat(c.err).isEqualTo(base.err());
        assertThat(c.exit).isZero();
        assertThat(tree(c.dirs.get(0))).as("files where the process started").isEqualTo(files);
        for (Path other : c.dirs.subList(1, c.dirs.size())) {
          assertThat(tree(other)).as("files in the resume JVM's directory " + other).isEmpty();
        }
      }
      assertThat(c.freezes).as("freezes: %s", c.roamLines).isEqualTo(3);
    }));
  }

  @Test
  void localCheckPassesTheFilePrograms() {
    for (String p : PROGRAMS) {
      Jvm.Run r = Jvm.roam("local", "check", "--cp", Corpus.classPath(), p);
      assertThat(r.exit()).as(p + ": " + r.outText() + r.errText()).isZero();
    }
  }

  @Test
  void localNodeReportsTheBytesEachProcessReadAndWrotePerFile() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("node-work"));
    Jvm.Run r = Jvm.roamIn(work, "local", "node", "--dir", tmp.resolve("node").toString(), "--cp",
        Corpus.classPath(), "--program", "corpus.FileCopy keep", "--checkpoint-every", "50ms");
    assertThat(r.exit()).as(r.errText()).isZero();
    Path dir = work.resolve("fileio-FileCopy").toAbsolutePath();
    assertThat(r.errText().lines().filter(l -> l.contains(" file ")).toList()).containsExactly(
        "roam: " + "n1.1" + " file " + dir.resolve("copy.bin") + ": read 3200021 bytes, wrote 1600013 bytes",
        "roam: " + "n1.1" + " file " + dir.resolve("source.bin") + ": read 3200000 bytes, wrote 1600000 bytes");
  }

  @Test
  void resumeWithAnOpenFileDeletedIsRefusedNamingIt() throws Exception {
    Path snapshot = frozenFileCopy();
    Path dir = tmp.resolve("start/fileio-FileCopy");
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
    Jvm.Run r = Jvm.roamIn(Files.createDirectories(tmp.resolve("elsewhere")), "local", "resume", snapshot.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errText()).startsWith("roam: ").contains(dir.toString() + "/").contains("no longer exists");
  }

  @Test
  void resumeWithAnOpenFileCutBelowItsPositionIsRefusedNamingIt() throws Exception {
    Path snapshot = frozenFileCopy();
    Path src = tmp.resolve("start/fileio-FileCopy/source.bin");
    Files.write(src, new byte[0]);
    Jvm.Run r = Jvm.roamIn(Files.createDirectories(tmp.resolve("elsewhere")), "local", "resume", snapshot.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errText()).startsWith("roam: ").contains(src.toString()).contains("now has only 0 bytes");
  }

  /**
   * FileCopy frozen while it has source.bin open at a non-zero position (it always has, from its
   * first write until its last CRC): the first output line shows it is past its first write.
   */
  private Path frozenFileCopy() throws Exception {
    Path start = Files.createDirectories(tmp.resolve("start"));
    Path snapshot = tmp.resolve("copy.roam");
    Jvm.Run r = Jvm.roamIn(start, "local", "run", "--cp", Corpus.classPath(), "--freeze-after", "150ms",
        "--snapshot", snapshot.toString(), "corpus.FileCopy", "keep");
    assertThat(r.exit()).as(r.errText()).isZero();
    assertThat(snapshot).exists();
    assertThat(r.outText()).contains("generated 20000 ints").doesNotContain("after append");
    return snapshot;
  }

  /** A run frozen after each of {@code freezes} ms, each resume in a new JVM in a new directory. */
  private Chain chain(String main, List<Long> freezes) throws IOException {
    Chain c = new Chain();
    Path snapshot = null;
    for (int i = 0; i <= freezes.size(); i++) {
      Path dir = Files.createDirectories(tmp.resolve(main + "-" + freezes.get(0) + "ms-chain-" + i));
      c.dirs.add(dir);
      List<String> args = new ArrayList<>();
      if (snapshot == null) {
        args.addAll(List.of("local", "run", "--cp", Corpus.classPath()));
      } else {
        args.addAll(List.of("local", "resume", snapshot.toString()));
      }
      Path next = tmp.resolve(main + "-" + freezes.get(0) + "ms-snap-" + i + ".roam");
      if (i < freezes.size()) {
        args.addAll(List.of("--freeze-after", freezes.get(i) + "ms", "--snapshot", next.toString()));
      }
      if (snapshot == null) {
        args.addAll(List.of(main, "keep"));
      }
      Jvm.Run r = Jvm.roamIn(dir, args.toArray(String[]::new));
      c.outBytes.writeBytes(r.out());
      c.errBytes.writeBytes(Jvm.programErr(r));
      r.errText().lines().filter(l -> l.startsWith("roam: ")).forEach(c.roamLines::add);
      c.exit = r.exit();
      if (i < freezes.size() && r.exit() == 0 && Files.exists(next)) {
        c.freezes++;
        snapshot = next;
      } else {
        break;
      }
    }
    c.out = c.outBytes.toByteArray();
    c.err = c.errBytes.toByteArray();
    return c;
  }

  /** What a chain printed, in which directories it ran, how many freezes happened. */
  private static final class Chain {
    final java.io.ByteArrayOutputStream outBytes = new java.io.ByteArrayOutputStream();
    final java.io.ByteArrayOutputStream errBytes = new java.io.ByteArrayOutputStream();
    final List<Path> dirs = new ArrayList<>();
    final List<String> roamLines = new ArrayList<>();
    byte[] out;
    byte[] err;
    int exit;
    int freezes;
  }

  /** Every regular file under {@code dir}, relative name → SHA-256 and size. */
  static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        byte[] b = Files.readAllBytes(f);
        try {
          out.put(dir.relativize(f).toString(),
              HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)) + " " + b.length);
        } catch (java.security.NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return out;
  }
}
