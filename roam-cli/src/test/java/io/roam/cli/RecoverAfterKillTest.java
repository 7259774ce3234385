package io.roam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A durable node running three checkpointed programs is killed with SIGKILL; {@code roam local
 * recover} in a new JVM finishes them: each program's out and err files hold exactly what plain
 * {@code java} prints (no byte twice, none lost) and the exit codes are the programs' own.
 */
class RecoverAfterKillTest {
  @TempDir Path dir;

  static final List<String> PROGRAMS = List.of("corpus.Streams", "corpus.Uncaught", "corpus.Mandelbrot");

  @Test
  void killedNodeRecoversEveryProcessFromItsCheckpointWithoutRepeatingOutput() throws Exception {
    Path node = dir.resolve("node");
    List<String> args = new ArrayList<>(List.of("local", "node", "--dir", node.toString(), "--cp",
        Corpus.classPath(), "--checkpoint-every", "100ms", "--workers", "1"));
    for (String p : PROGRAMS) {
      args.addAll(List.of("--program", p));
    }
    Process jvm = Jvm.startRoam(dir.resolve("node.out"), dir.resolve("node.err"), args.toArray(String[]::new));
    // Kill once every process has a checkpoint and has printed something.
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!(processDirs(node).size() == PROGRAMS.size()
        && processDirs(node).stream().allMatch(RecoverAfterKillTest::checkpointedAndPrinted))) {
      assertThat(jvm.isAlive()).as("node still running: %s", Files.exists(dir.resolve("node.err"))
          ? Files.readString(dir.resolve("node.err")) : "").isTrue();
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(20);
    }
    jvm.destroyForcibly(); // SIGKILL
    assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(jvm.exitValue()).isEqualTo(137);
    Map<String, Path> byMain = new LinkedHashMap<>();
    int unfinished = 0;
    for (Path p : processDirs(node)) {
      Properties d = props(p);
      byMain.put(d.getProperty("main"), p);
      if (d.getProperty("state").equals("RUNNING")) {
        unfinished++;
      }
    }
    assertThat(unfinished).as("processes the crash interrupted").isGreaterThanOrEqualTo(2);

    Jvm.Run r = Jvm.roam("local", "recover", node.toString(), "--checkpoint-every", "150ms");
    assertThat(r.errText()).contains("roam: recovered " + unfinished + " unfinished process(es)");
    assertThat(r.exit()).as(r.errText()).isEqualTo(1); // corpus.Uncaught exits 1
    for (String p : PROGRAMS) {
      Jvm.Run base = Corpus.baseline(new Corpus.Program(p, 0)).run();
      Path pd = byMain.get(p);
      assertThat(Files.readString(pd.resolve("out"))).as("stdout of " + p).isEqualTo(base.outText());
      assertThat(Files.readString(pd.resolve("err"))).as("stderr of " + p).isEqualTo(base.errText());
      Properties d = props(pd);
      assertThat(d.getProperty("state")).isEqualTo("EXITED");
      assertThat(Integer.parseInt(d.getProperty("exitCode"))).as(p).isEqualTo(base.exit());
    }
  }

  private static boolean checkpointedAndPrinted(Path p) {
    try (Stream<Path> s = Files.list(p)) {
      return s.anyMatch(f -> f.getFileName().toString().startsWith("checkpoint-"))
          && Files.size(p.resolve("out")) > 0;
    } catch (Exception e) {
      return false;
    }
  }

  private static List<Path> processDirs(Path node) throws Exception {
    if (!Files.isDirectory(node)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(node)) {
      return s.filter(p -> Files.exists(p.resolve("process.properties"))).sorted().toList();
    }
  }

  private static Properties props(Path p) throws Exception {
    return NodeDir.props(p);
  }
}
