package io.roam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mailboxes survive a crash: a durable node runs {@code apiuse.PingPong} (a parent and its
 * forked child exchanging 100 000 numbered messages, each checking sender and sequence and
 * exiting 3 on the first one lost, duplicated or reordered), checkpointing the pair as consistent
 * cuts every 100 ms; the node JVM is killed with SIGKILL mid-run; {@code roam local recover} in a
 * new JVM brings both back from the last cut, with the messages that were in flight, and is itself
 * killed mid-run; a second recovery, in a third JVM, finishes the pair, and their {@code out}
 * files equal an uninterrupted run's, byte for byte.
 */
class RecoverPingPongAfterKillTest {
  @TempDir Path dir;

  static final long N = 100_000;

  static String parentOutput(long n) {
    StringBuilder b = new StringBuilder("parent: forked a child\n");
    for (long k = 10_000; k <= n; k += 10_000) {
      b.append("parent: ").append(k).append(" pongs in order\n");
    }
    return b.append("parent: child says received ").append(n).append(" pings in order\n")
        .append("parent: heap [before-fork]\n").toString();
  }

  static String childOutput(long n) {
    StringBuilder b = new StringBuilder("child: heap [before-fork, child-only]\n");
    for (long k = 25_000; k <= n; k += 25_000) {
      b.append("child: ").append(k).append(" pings in order\n");
    }
    return b.append("child: done\n").toString();
  }

  @Test
  void killedNodeRecoversThePairWithItsMessagesInFlight() throws Exception {
    Path node = dir.resolve("node");
    Process jvm = Jvm.startRoam(dir.resolve("node.out"), dir.resolve("node.err"), "local", "node",
        "--dir", node.toString(), "--cp", Corpus.classPath(), "--checkpoint-every", "100ms",
        "--workers", "2", "--program", "apiuse.PingPong " + N + " 100 30");
    // kill after a few cuts that hold both processes, with the parent part-way
    long first = killWhen(jvm, node, 3, "parent: 20000 ", dir.resolve("node.err"));

    Process again = Jvm.startRoam(dir.resolve("recover1.out"), dir.resolve("recover1.err"), "local",
        "recover", node.toString(), "--checkpoint-every", "100ms", "--workers", "2");
    killWhen(again, node, first + 2, "parent: 60000 ", dir.resolve("recover1.err"));
    assertThat(Files.readString(dir.resolve("recover1.err")))
        .contains("roam: n1.1 resumed from checkpoint round " + first + "\n");

    Jvm.Run r = Jvm.roam("local", "recover", node.toString(), "--checkpoint-every", "150ms", "--workers", "2");
    assertThat(r.exit()).as(r.errText()).isZero();
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("roam: n1\\.1 resumed from checkpoint round (\\d+)\nroam: n1\\.2 resumed from checkpoint round (\\d+)\n")
        .matcher(r.errText());
    assertThat(m.find()).as(r.errText()).isTrue();
    assertThat(m.group(1)).isEqualTo(m.group(2)); // one cut
    assertThat(Long.parseLong(m.group(1))).isGreaterThanOrEqualTo(first + 2);
    assertThat(r.errText()).contains("roam: n1.1 apiuse.PingPong exited 0")
        .contains("roam: n1.2 apiuse.PingPong exited 0");
    assertThat(Files.readString(node.resolve("n1.1/out"))).isEqualTo(parentOutput(N));
    assertThat(Files.readString(node.resolve("n1.2/out"))).isEqualTo(childOutput(N));
    assertThat(Files.readString(node.resolve("n1.1/err"))).isEmpty();
    assertThat(Files.readString(node.resolve("n1.2/err"))).isEmpty();
    assertThat(props(node.resolve("n1.1")).getProperty("state")).isEqualTo("EXITED");
    assertThat(props(node.resolve("n1.2")).getProperty("exitCode")).isEqualTo("0");
  }

  /**
   * Kills the node JVM with SIGKILL once the node's last cut is at least round {@code round} and
   * holds both processes and the parent has printed {@code mark}; returns the cut's round. The
   * parent must still be unfinished then.
   */
  private static long killWhen(Process jvm, Path node, long round, String mark, Path err) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!(cutRound(node) >= round && Files.exists(node.resolve("n1.2/out"))
        && Files.readString(node.resolve("n1.1/out")).contains(mark))) {
      assertThat(jvm.isAlive()).as("node still running: %s", Files.exists(err) ? Files.readString(err) : "")
          .isTrue();
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(10);
    }
    jvm.destroyForcibly(); // SIGKILL
    assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(props(node.resolve("n1.1")).getProperty("state")).as("parent unfinished at the kill")
        .isEqualTo("RUNNING");
    assertThat(Files.readString(node.resolve("n1.1/out"))).isNotEqualTo(parentOutput(N));
    return cutRound(node);
  }

  private static long cutRound(Path node) {
    return NodeDir.cutRound(node, "n1.2");
  }

  private static Properties props(Path p) throws Exception {
    return NodeDir.props(p);
  }
}
