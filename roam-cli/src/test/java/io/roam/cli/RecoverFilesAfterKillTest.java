package io.roam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written after a checkpoint hold every byte once after {@code kill -9} and recovery: a
 * durable node runs {@code corpus.AppendLines} (a log appended to by a FileWriter reopened every
 * round, a tally kept open in append mode) and {@code corpus.PhasedFiles} (part files created by
 * truncating FileOutputStreams, a summary reopened in append mode and patched in place); the
 * node JVM is killed with SIGKILL after a cut and after both wrote more; {@code roam local
 * recover} in a new JVM, itself killed the same way after a later cut, and a second recovery in a
 * third JVM finish them. Every file equals the uninterrupted plain-java run's byte for byte, and
 * each console equals its output (no line twice, none lost). A recovery whose file was cut by
 * someone else refuses to start, naming the file, and changes none.
 */
class RecoverFilesAfterKillTest {
  @TempDir Path dir;

  static final String ROUNDS = "200";
  static final String PHASES = "160";

  @Test
  void filesWrittenAfterTheCheckpointHoldEveryByteOnceAfterKillAndRecovery() throws Exception {
    Path base = dir.resolve("base");
    Jvm.Run appendBase = Jvm.plain(Corpus.classPath(), "corpus.AppendLines", base.resolve("append").toString(), ROUNDS);
    Jvm.Run phasedBase = Jvm.plain(Corpus.classPath(), "corpus.PhasedFiles", base.resolve("phased").toString(), PHASES);
    assertThat(appendBase.exit()).isZero();
    assertThat(phasedBase.exit()).isZero();

    Path node = dir.resolve("node");
    Path append = dir.resolve("files/append");
    Path phased = dir.resolve("files/phased");
    Process jvm = Jvm.startRoam(dir.resolve("node.out"), dir.resolve("node.err"), "local", "node",
        "--dir", node.toString(), "--cp", Corpus.classPath(), "--checkpoint-every", "300ms", "--workers", "2",
        "--program", "corpus.AppendLines " + append + " " + ROUNDS,
        "--program", "corpus.PhasedFiles " + phased + " " + PHASES);
    long first = killAfterMoreWrites(jvm, node, 1, append, phased, dir.resolve("node.err"));

    Process again = Jvm.startRoam(dir.resolve("recover1.out"), dir.resolve("recover1.err"), "local",
        "recover", node.toString(), "--checkpoint-every", "300ms", "--workers", "2");
    long second = killAfterMoreWrites(again, node, first + 1, append, phased, dir.resolve("recover1.err"));
    assertThat(Files.readString(dir.resolve("recover1.err")))
        .contains("roam: n1.1 resumed from checkpoint round " + first + "\n");

    Jvm.Run r = Jvm.roam("local", "recover", node.toString(), "--checkpoint-every", "300ms", "--workers", "2");
    assertThat(r.exit()).as(r.errText()).isZero();
    assertThat(r.errText()).contains("roam: n1.1 resumed from checkpoint round " + second + "\n")
        .contains("roam: n1.2 resumed from checkpoint round " + second + "\n");
    assertThat(r.errText()).containsPattern("roam: n1.1 had [1-9]\\d* file\\(s\\) cut back to their length at the checkpoint\n")
        .containsPattern("roam: n1.2 had [1-9]\\d* file\\(s\\) cut back to their length at the checkpoint\n");
    assertThat(Files.readString(node.resolve("n1.1/out"))).isEqualTo(appendBase.outText());
    assertThat(Files.readString(node.resolve("n1.2/out"))).isEqualTo(phasedBase.outText());
    assertThat(Files.readString(node.resolve("n1.1/err"))).isEmpty();
    assertThat(Files.readString(node.resolve("n1.2/err"))).isEmpty();
    assertThat(contents(append)).isEqualTo(contents(base.resolve("append")));
    assertThat(contents(phased)).isEqualTo(contents(base.resolve("phased")));
  }

  @Test
  void aFileCutByAnotherProgramStopsTheRecoveryNamingItAndChangesNothing() throws Exception {
    Path node = dir.resolve("node");
    Path append = dir.resolve("files/append");
    Process jvm = Jvm.startRoam(dir.resolve("node.out"), dir.resolve("node.err"), "local", "node",
        "--dir", node.toString(), "--cp", Corpus.classPath(), "--checkpoint-every", "200ms",
        "--program", "corpus.AppendLines " + append + " " + ROUNDS);
    // a late enough cut that the tally, open in append mode all along, had bytes at it
    killAfterMoreWrites(jvm, node, 3, append, null, dir.resolve("node.err"));
    Path tally = append.resolve("tally.txt");
    try (FileChannel ch = FileChannel.open(tally, StandardOpenOption.WRITE)) {
      ch.truncate(5);
    }
    long log = Files.size(append.resolve("log.txt"));

    Jvm.Run r = Jvm.roam("local", "recover", node.toString());
    assertThat(r.exit()).as(r.errText()).isEqualTo(2);
    assertThat(r.errText()).startsWith("roam: cannot recover process n1.1: " + tally.toAbsolutePath() + " had ")
        .contains(" bytes at the checkpoint and the process wrote it since, but it now has only 5 bytes;"
            + " something else cut it");
    assertThat(Files.size(tally)).isEqualTo(5);
    assertThat(Files.size(append.resolve("log.txt"))).as("not cut: the recovery stopped first").isEqualTo(log);
  }

  /**
   * Kills the JVM with SIGKILL once the node's cut is at least {@code round}, holds both processes
   * (or the one), and each process's files grew by some KB since that cut was seen; returns the
   * cut's round. The processes are unfinished then, and each has changed files after the cut (its
   * file journal is not empty): there are bytes that recovery must not repeat.
   */
  private static long killAfterMoreWrites(Process jvm, Path node, long round, Path a, Path b, Path err)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    long seen = -1;
    long aAtCut = 0;
    long bAtCut = 0;
    while (true) {
      long cut = cutRound(node, b == null ? "n1.1" : "n1.2");
      if (cut != seen) {
        seen = cut;
        aAtCut = bytes(a);
        bAtCut = bytes(b);
      } else if (cut >= round && bytes(a) > aAtCut + 3000 && (b == null || bytes(b) > bAtCut + 6000)) {
        break;
      }
      assertThat(jvm.isAlive()).as("node still running: %s", Files.exists(err) ? Files.readString(err) : "")
          .isTrue();
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(5);
    }
    jvm.destroyForcibly(); // SIGKILL
    assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
    for (String pid : b == null ? new String[] {"n1.1"} : new String[] {"n1.1", "n1.2"}) {
      assertThat(props(node.resolve(pid)).getProperty("state")).isEqualTo("RUNNING");
      // emptied at each cut: lines there are files the process changed after the last one
      Path journal = node.resolve(pid + "/files.journal");
      assertThat(Files.exists(journal) && Files.size(journal) > 0).as(pid + " wrote after its cut").isTrue();
    }
    return cutRound(node, "n1.1"); // the measured one, or (rarely) one written just before the kill
  }

  /** Total bytes of the regular files in {@code d} (0 if none yet). */
  private static long bytes(Path d) throws Exception {
    long n = 0;
    for (String b : contents(d).values()) {
      n += b.length();
    }
    return n;
  }

  /** Every file of {@code d} by name, with its bytes (decoded as Latin-1, so that diffs read). */
  private static Map<String, String> contents(Path d) throws Exception {
    Map<String, String> m = new TreeMap<>();
    if (d == null || !Files.isDirectory(d)) {
      return m;
    }
    try (Stream<Path> s = Files.list(d)) {
      for (Path p : s.sorted().toList()) {
        try {
          m.put(p.getFileName().toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
        } catch (java.nio.file.NoSuchFileException e) {
          // deleted while listed
        }
      }
    }
    return m;
  }

  private static long cutRound(Path node, String pid) {
    return NodeDir.cutRound(node, pid);
  }

  private static Properties props(Path p) throws Exception {
    return NodeDir.props(p);
  }
}
