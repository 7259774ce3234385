package io.roam.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.node.NodeKernel;
import io.roam.kernel.node.PeerTraffic;
import io.roam.kernel.node.ProcessId;
import io.roam.kernel.node.ProcessInfo;
import io.roam.kernel.node.ProcessStatus;
import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.VirtualConsole;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100 000 pings and pongs between a parent and its forked child ({@code apiuse.PingPong}, which
 * checks sender and sequence number of every message and exits 3 on the first one lost,
 * duplicated or reordered), frozen three times on the way: both processes suspended, both
 * checkpointed to files (with the messages in flight in their mailboxes), the node closed, and a
 * fresh node kernel adopting both checkpoints with their ids. The outputs of both processes equal
 * the uninterrupted run's, and the per-peer counters count every message exactly once.
 */
class PingPongFreezeTest {
  @TempDir Path dir;

  static final long N = 100_000;

  /** What the parent prints (see apiuse.PingPong). */
  static String parentOutput(long n) {
    StringBuilder b = new StringBuilder("parent: forked a child\n");
    for (long k = 10_000; k <= n; k += 10_000) {
      b.append("parent: ").append(k).append(" pongs in order\n");
    }
    return b.append("parent: child says received ").append(n).append(" pings in order\n")
        .append("parent: heap [before-fork]\n").toString();
  }

  /** What the child prints. */
  static String childOutput(long n) {
    StringBuilder b = new StringBuilder("child: heap [before-fork, child-only]\n");
    for (long k = 25_000; k <= n; k += 25_000) {
      b.append("child: ").append(k).append(" pings in order\n");
    }
    return b.append("child: done\n").toString();
  }

  private final ByteArrayOutputStream parentOut = new ByteArrayOutputStream();
  private final ByteArrayOutputStream childOut = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errs = new ByteArrayOutputStream();

  private VirtualConsole console(ByteArrayOutputStream out, long o, long e) {
    return new VirtualConsole(out, errs, new ByteArrayInputStream(new byte[0]), o, e);
  }

  private NodeKernel node() {
    NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(2)
        .withSlice(Duration.ofMillis(5)));
    k.setChildConsoles((child, parent, main, pc) -> console(childOut, 0, 0));
    return k;
  }

  @Test
  void pingPongSurvivesThreeFreezesIntoFreshNodes() throws Exception {
    ProcessId parent = ProcessId.parse("n1.1");
    ProcessId child = ProcessId.parse("n1.2");
    NodeKernel k = node();
    assertThat(k.spawn(CodeSource.fromClassPath(NodeKernelTest.cp()), "apiuse.PingPong",
        new String[] {String.valueOf(N), "100"}, console(parentOut, 0, 0), 0)).isEqualTo(parent);
    int freeze = 0;
    for (String mark : List.of("parent: 20000 ", "parent: 50000 ", "parent: 80000 ")) {
      awaitOutput(mark);
      freeze++;
      // a consistent cut: both stopped before either is written
      assertThat(k.suspend(parent, Duration.ofSeconds(30))).isEqualTo(ProcessStatus.SUSPENDED);
      assertThat(k.suspend(child, Duration.ofSeconds(30))).isEqualTo(ProcessStatus.SUSPENDED);
      Path pf = dir.resolve("parent-" + freeze + ".roam");
      Path cf = dir.resolve("child-" + freeze + ".roam");
      k.checkpoint(parent, pf, Duration.ofSeconds(30));
      k.checkpoint(child, cf, Duration.ofSeconds(30));
      k.close();
      k = node();
      k.adopt(pf, (o, e) -> console(parentOut, o, e), 0, parent);
      k.adopt(cf, (o, e) -> console(childOut, o, e), 0, child);
      k.resume(parent);
      k.resume(child);
    }
    ProcessInfo p = k.await(parent, Duration.ofMinutes(3));
    ProcessInfo c = k.await(child, Duration.ofMinutes(3));
    k.close();
    assertThat(errs.toString()).isEmpty();
    assertThat(parentOut.toString()).isEqualTo(parentOutput(N));
    assertThat(childOut.toString()).isEqualTo(childOutput(N));
    assertThat(p.exitCode()).isZero();
    assertThat(c.exitCode()).isZero();
    // every ping and the end marker out, every pong and the summary in — once each
    PeerTraffic pc = p.peers().get(child);
    PeerTraffic cp = c.peers().get(parent);
    assertThat(pc.messagesOut()).isEqualTo(N + 1);
    assertThat(pc.messagesIn()).isEqualTo(N + 1);
    assertThat(cp.messagesIn()).isEqualTo(N + 1);
    assertThat(cp.messagesOut()).isEqualTo(N + 1);
    assertThat(pc.bytesOut()).isEqualTo(cp.bytesIn());
    assertThat(cp.bytesOut()).isEqualTo(pc.bytesIn());
    assertThat(p.peers()).containsOnlyKeys(child);
    assertThat(c.peers()).containsOnlyKeys(parent);
  }

  private void awaitOutput(String mark) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!parentOut.toString().contains(mark)) {
      assertThat(System.nanoTime()).as("waiting for '%s'; errors: %s", mark, errs).isLessThan(deadline);
      Thread.sleep(2);
    }
  }
}
