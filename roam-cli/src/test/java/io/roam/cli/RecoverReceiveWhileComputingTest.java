package io.roam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process whose main thread waits in {@code Roam.receive} while another thread computes
 * ({@code apiuse.ReceiveWhileComputing compute}) is checkpointed every 100 ms by a durable node —
 * each cut taken with main waiting alone and the other thread running — and the node JVM is
 * killed with SIGKILL part-way; {@code roam local recover} in a new JVM resumes it from the last
 * cut: main still waits, the computing thread goes on and finally sends main its message, and the
 * {@code out} file equals the uninterrupted output byte for byte (docs/design/threads.md,
 * "External waits").
 */
class RecoverReceiveWhileComputingTest {
  @TempDir Path dir;

  static final int STEPS = 300;
  static final int ROUNDS = 3_000_000;

  /** What {@code compute STEPS ROUNDS} prints (the program's series, computed here again). */
  static String expected() {
    StringBuilder b = new StringBuilder("main: waiting for a message\n");
    long x = 1;
    for (int k = 1; k <= STEPS; k++) {
      for (int i = 0; i < ROUNDS; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
      }
      b.append("step ").append(k).append(": ").append(Long.toHexString(x)).append('\n');
    }
    return b.append("main: got 'computed ").append(STEPS).append(" steps' when the computer had printed ")
        .append(STEPS).append(" steps\nmain: done\n").toString();
  }

  @Test
  void killedWhileMainWaitsInReceiveAndAnotherThreadComputesRecoversInANewJvm() throws Exception {
    Path node = dir.resolve("node");
    Process jvm = Jvm.startRoam(dir.resolve("node.out"), dir.resolve("node.err"), "local", "node",
        "--dir", node.toString(), "--cp", Corpus.classPath(), "--checkpoint-every", "100ms",
        "--workers", "1", "--program", "apiuse.ReceiveWhileComputing compute " + STEPS + " " + ROUNDS);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    Path out = node.resolve("n1.1/out");
    while (!(cutRound(node) >= 3 && Files.exists(out) && Files.readString(out).contains("step 40:"))) {
      assertThat(jvm.isAlive()).as("node still running: %s", Files.readString(dir.resolve("node.err"))).isTrue();
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(10);
    }
    jvm.destroyForcibly(); // SIGKILL
    assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String atKill = Files.readString(out);
    assertThat(atKill).as("main still waiting at the kill").doesNotContain("main: got");
    long round = cutRound(node);

    Jvm.Run r = Jvm.roam("local", "recover", node.toString(), "--workers", "1");
    assertThat(r.exit()).as(r.errText()).isZero();
    assertThat(r.errText()).contains("roam: n1.1 resumed from checkpoint round " + round + "\n")
        .contains("roam: n1.1 apiuse.ReceiveWhileComputing exited 0");
    assertThat(Files.readString(node.resolve("n1.1/err"))).isEmpty();
    assertThat(Files.readString(out)).isEqualTo(expected());
  }

  private static long cutRound(Path node) {
    return NodeDir.cutRound(node, "n1.1");
  }
}
