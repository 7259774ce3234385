package io.roam.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.node.DurableNode;
import io.roam.kernel.node.NodeKernel;
import io.roam.kernel.node.ProcessId;
import io.roam.kernel.node.ProcessInfo;
import io.roam.kernel.node.ProcessStatus;
import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.VirtualConsole;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread blocked in {@code Roam.receive} blocks itself, not its process ({@code
 * apiuse.ReceiveWhileComputing}; docs/design/threads.md, "External waits"): the other threads run
 * meanwhile, also across a suspend and a checkpoint adopted by a fresh node kernel; a timed
 * receive ends on time while another thread computes; a process whose threads all wait holds no
 * worker and a message from another process still wakes it. Before external waits, the first
 * three tests failed: the process stopped as a whole in receive, so the computing thread never
 * sent its message (the process hung) or never ran while main waited.
 */
class ReceiveWhileComputingTest {
  @TempDir Path dir;

  private static final String MAIN = "apiuse.ReceiveWhileComputing";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private VirtualConsole console(long o, long e) {
    return new VirtualConsole(out, err, new ByteArrayInputStream(new byte[0]), o, e);
  }

  private static NodeKernel node() {
    return new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(1).withSlice(Duration.ofMillis(5)));
  }

  /** What {@code compute n rounds} prints: the series is the program's, computed here again. */
  static String computeOutput(int n, int rounds) {
    StringBuilder b = new StringBuilder("main: waiting for a message\n");
    long x = 1;
    for (int k = 1; k <= n; k++) {
      for (int i = 0; i < rounds; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
      }
      b.append("step ").append(k).append(": ").append(Long.toHexString(x)).append('\n');
    }
    return b.append("main: got 'computed ").append(n).append(" steps' when the computer had printed ")
        .append(n).append(" steps\nmain: done\n").toString();
  }

  @Test
  void mainBlockedInReceiveWhileAnotherThreadComputesAndSendsIt() throws Exception {
    try (NodeKernel k = node()) {
      ProcessId pid = k.spawn(CodeSource.fromClassPath(NodeKernelTest.cp()), MAIN,
          new String[] {"compute", "200", "100000"}, console(0, 0), 0);
      ProcessInfo end = k.await(pid, Duration.ofSeconds(60));
      assertThat(err.toString()).isEmpty();
      assertThat(out.toString()).isEqualTo(computeOutput(200, 100_000));
      assertThat(end.exitCode()).isZero();
    }
  }

  @Test
  void suspendedAndMovedWhileMainWaitsInReceiveAndTheOtherThreadRuns() throws Exception {
    ProcessId pid;
    Path file = dir.resolve("computing.roam");
    NodeKernel k = node();
    try {
      pid = k.spawn(CodeSource.fromClassPath(NodeKernelTest.cp()), MAIN,
          new String[] {"compute", "400", "2000000"}, console(0, 0), 0);
      awaitOutput("step 60:");
      assertThat(k.suspend(pid, Duration.ofSeconds(30))).isEqualTo(ProcessStatus.SUSPENDED);
      k.resume(pid);
      awaitOutput("step 120:");
      assertThat(k.suspend(pid, Duration.ofSeconds(30))).isEqualTo(ProcessStatus.SUSPENDED);
      assertThat(out.toString()).as("main still waits in receive").doesNotContain("main: got");
      k.checkpoint(pid, file, Duration.ofSeconds(30));
    } finally {
      k.close();
    }
    String before = out.toString();
    assertThat(before).doesNotContain("step 400:");
    try (NodeKernel fresh = node()) {
      fresh.adopt(file, this::console, 0, pid);
      fresh.resume(pid);
      ProcessInfo end = fresh.await(pid, Duration.ofSeconds(60));
      assertThat(end.exitCode()).isZero();
    }
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).isEqualTo(computeOutput(400, 2_000_000));
  }

  @Test
  void aTimedReceiveEndsOnTimeWhileAnotherThreadComputes() throws Exception {
    try (NodeKernel k = node()) {
      ProcessId pid = k.spawn(CodeSource.fromClassPath(NodeKernelTest.cp()), MAIN,
          new String[] {"timed", "150"}, console(0, 0), 0);
      ProcessInfo end = k.await(pid, Duration.ofSeconds(60));
      assertThat(err.toString()).isEmpty();
      assertThat(out.toString()).isEqualTo("main: receive(150) while a thread computes\n"
          + "spinner: stopped\n"
          + "main: got null after at least 150 ms: true\n"
          + "main: the spinner ran while main waited: true\n"
          + "main: interrupted while waiting, flag kept: true\n");
      assertThat(end.exitCode()).isZero();
      assertThat(end.preemptions()).as("alone on the node: never preempted").isZero();
    }
  }

  @Test
  void aProcessWhoseThreadsAllWaitHoldsNoWorkerAndAMessageWakesIt() throws Exception {
    ByteArrayOutputStream senderOut = new ByteArrayOutputStream();
    try (NodeKernel k = node()) {
      CodeSource code = CodeSource.fromClassPath(NodeKernelTest.cp());
      ProcessId waiting = k.spawn(code, MAIN, new String[] {"allwait"}, console(0, 0), 0);
      // spawned second on the only worker: it runs (and sends) only if the waiting process gave
      // the worker back while both its threads wait
      ProcessId sender = k.spawn(code, MAIN, new String[] {"send", waiting.toString(), "hello"},
          new VirtualConsole(senderOut, err, new ByteArrayInputStream(new byte[0]), 0, 0), 0);
      assertThat(k.await(sender, Duration.ofSeconds(60)).exitCode()).isZero();
      assertThat(senderOut.toString()).startsWith("sender: computed ").endsWith(", sending to n1.1\n");
      ProcessInfo end = k.await(waiting, Duration.ofSeconds(60));
      assertThat(err.toString()).isEmpty();
      assertThat(out.toString()).isEqualTo("main: waiting for a message; the other thread waits for main\n"
          + "main: got 'hello' from n1.2\n"
          + "waiter: main told me\n"
          + "main: done\n");
      assertThat(end.exitCode()).isZero();
      assertThat(end.cpuNanos()).as("CPU of a process that waited").isLessThan(500_000_000L);
      // one slice until both threads wait, one after the message; a process that kept its worker
      // while the sender computed (10^8 rounds, many 5 ms slices) would have been preempted often
      assertThat(end.slices()).as("slices of the waiting process").isLessThanOrEqualTo(4);
    }
  }

  /**
   * {@code Roam.checkpoint()} called by a thread other than main while main waits in receive: the
   * durable node's round finds the call in that thread's continuation, answers it there and the
   * thread runs again (before, the node looked at main's continuation only, and the process asked
   * again for ever); the checkpoint, adopted by a fresh kernel, resumes both threads in their calls.
   */
  @Test
  void checkpointCalledByAnotherThreadWhileMainWaitsInReceive() throws Exception {
    long x = 1;
    for (int i = 0; i < 1_000_000; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    String after = "saver: computed " + Long.toHexString(x) + ", checkpoint true\n"
        + "main: got 'saved: true'\nmain: done\n";
    Path node = dir.resolve("node");
    ProcessId pid;
    try (DurableNode n = DurableNode.create(node, NodeKernel.Config.defaults("n1").withWorkers(1),
        Duration.ofHours(1), 3)) {
      pid = n.spawn(NodeKernelTest.cp(), MAIN, new String[] {"checkpoint"});
      assertThat(n.awaitAll(Duration.ofSeconds(60)).get(pid).exitCode()).isZero();
    }
    Path pdir = node.resolve(pid.toString());
    assertThat(Files.readString(pdir.resolve("err"))).isEmpty();
    assertThat(Files.readString(pdir.resolve("out"))).isEqualTo("main: waiting for the saver\n" + after);
    assertThat(Files.readString(node.resolve("cut.properties"))).contains("round=1").contains("pids=" + pid);
    try (NodeKernel k = node()) {
      ProcessId again = k.adopt(pdir.resolve("checkpoint-1.roam"), this::console, 0, pid);
      k.resume(again);
      assertThat(k.await(again, Duration.ofSeconds(60)).exitCode()).isZero();
    }
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).isEqualTo(after);
  }

  /**
   * Two threads wait in receive; the one with a timeout gives up first. The mailbox's "receiver
   * waits" flag must stay set for the other one: once, the timeout cleared it, the next delivery
   * woke nobody and the process hung.
   */
  @Test
  void aTimedOutReceiveLeavesAnotherThreadsReceiveWakeable() throws Exception {
    try (NodeKernel k = node()) {
      ProcessId pid = k.spawn(CodeSource.fromClassPath(NodeKernelTest.cp()), MAIN,
          new String[] {"tworeceivers"}, console(0, 0), 0);
      ProcessInfo end = k.await(pid, Duration.ofSeconds(30));
      assertThat(err.toString()).isEmpty();
      assertThat(out.toString()).isEqualTo("hasty: receive(50) gave null\n"
          + "patient: got 'for the patient one'\nmain: done\n");
      assertThat(end.exitCode()).isZero();
    }
  }

  /**
   * {@code Roam.fork()} called by a thread other than main while main waits in receive: the child
   * is a copy of every thread (main still waiting in receive, the forker returning {@link
   * io.roam.api.Pid#NONE}), and in each process the forker's message ends its own main's wait.
   */
  @Test
  void forkCalledByAnotherThreadCopiesEveryThread() throws Exception {
    ByteArrayOutputStream childOut = new ByteArrayOutputStream();
    try (NodeKernel k = node()) {
      k.setChildConsoles((child, parent, main, pc) ->
          new VirtualConsole(childOut, err, new ByteArrayInputStream(new byte[0]), 0, 0));
      ProcessId pid = k.spawn(CodeSource.fromClassPath(NodeKernelTest.cp()), MAIN,
          new String[] {"forkthread"}, console(0, 0), 0);
      assertThat(k.await(pid, Duration.ofSeconds(30)).exitCode()).isZero();
      assertThat(k.await(ProcessId.parse("n1.2"), Duration.ofSeconds(30)).exitCode()).isZero();
    }
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).isEqualTo("main: waiting for the forking thread\n"
        + "forker: fork gave n1.2\nmain: got 'from the parent's forker'\nmain: done\n");
    assertThat(childOut.toString()).isEqualTo("forker: fork gave none\n"
        + "main: got 'from the child's forker'\nmain: done\n");
  }

  /**
   * Two threads call {@code Roam.checkpoint()}, the second while the first one's request is with
   * the node (so its call asks nothing itself): after answering the first, the node sees the
   * second pending and runs a round for it too; both return true, two rounds are written.
   */
  @Test
  void twoThreadsCheckpointingAtOnceAreBothAnswered() throws Exception {
    Path node = dir.resolve("node2");
    ProcessId pid;
    try (DurableNode n = DurableNode.create(node, NodeKernel.Config.defaults("n1").withWorkers(1),
        Duration.ofHours(1), 3)) {
      pid = n.spawn(NodeKernelTest.cp(), MAIN, new String[] {"twocheckpoints"});
      assertThat(n.awaitAll(Duration.ofSeconds(60)).get(pid).exitCode()).isZero();
    }
    Path pdir = node.resolve(pid.toString());
    assertThat(Files.readString(pdir.resolve("err"))).isEmpty();
    assertThat(Files.readString(pdir.resolve("out"))).isEqualTo("main: both checkpoints returned true true\n");
    assertThat(Files.readString(node.resolve("cut.properties"))).contains("round=2");
  }

  /**
   * Main waits in receive while the other thread waits inside a {@code List.sort} comparator,
   * where its stack cannot unwind: the kernel runs main on top of it, and when no thread can run
   * it waits on the carrier for a wake-up (it reported a deadlock: every thread waits) until the
   * spawned process's message arrives (two workers: the waiting process keeps one).
   */
  @Test
  void aWaitUnderAJdkCallbackWithMainInReceiveIsNoDeadlock() throws Exception {
    ByteArrayOutputStream senderOut = new ByteArrayOutputStream();
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(2)
        .withSlice(Duration.ofMillis(5)))) {
      k.setChildConsoles((child, parent, main, pc) ->
          new VirtualConsole(senderOut, err, new ByteArrayInputStream(new byte[0]), 0, 0));
      ProcessId pid = k.spawn(CodeSource.fromClassPath(NodeKernelTest.cp()), MAIN,
          new String[] {"nested"}, console(0, 0), 0);
      assertThat(k.await(pid, Duration.ofSeconds(30)).exitCode()).isZero();
    }
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).isEqualTo("main: waiting for a message; a thread waits inside a sort\n"
        + "main: got 'hello' from n1.2\nsorter: sorted [1, 2]\nmain: done\n");
    assertThat(senderOut.toString()).endsWith(", sending to n1.1\n");
  }

  private void awaitOutput(String mark) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!out.toString().contains(mark)) {
      assertThat(System.nanoTime()).as("waiting for '%s'; output: %s; errors: %s", mark, out, err)
          .isLessThan(deadline);
      Thread.sleep(2);
    }
  }
}
