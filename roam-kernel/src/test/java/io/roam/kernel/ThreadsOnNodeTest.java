package io.roam.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.node.NodeKernel;
import io.roam.kernel.node.ProcessId;
import io.roam.kernel.node.ProcessInfo;
import io.roam.kernel.node.ProcessStatus;
import io.roam.kernel.process.CodeSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-threaded processes on the node kernel: among CPU-bound processes on two workers with 3 ms
 * slices they print exactly what they print alone (their threads switch inside the process while
 * the scheduler preempts the process as a whole), and a process whose threads all wait (join,
 * wait, sleep) holds no worker: on a one-worker node another program runs to its end meanwhile.
 */
class ThreadsOnNodeTest {
  @TempDir Path dir;

  static final List<String> PROGRAMS = List.of("corpus.ProducerConsumer", "corpus.ParallelSum",
      "corpus.Monitors", "corpus.Sieve", "corpus.NQueens", "corpus.Recursion");

  @Test
  void threadedProgramsAmongOthersPrintWhatTheyPrintAlone() throws Exception {
    String cp = NodeKernelTest.cp();
    Map<String, InJvm.Result> alone = new LinkedHashMap<>();
    for (String p : PROGRAMS) {
      alone.put(p, new InJvm().run(cp, p, new String[0], 0, false, dir));
    }
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(2)
        .withSlice(Duration.ofMillis(3)))) {
      CodeSource code = CodeSource.fromClassPath(cp);
      Map<String, ProcessId> pids = new LinkedHashMap<>();
      Map<String, NodeKernelTest.Console> consoles = new LinkedHashMap<>();
      for (String p : PROGRAMS) {
        NodeKernelTest.Console c = NodeKernelTest.Console.create();
        consoles.put(p, c);
        pids.put(p, k.spawn(code, p, new String[0], c.console(), 0));
      }
      long threadedPreemptions = 0;
      for (String p : PROGRAMS) {
        ProcessInfo end = k.await(pids.get(p), Duration.ofMinutes(5));
        InJvm.Result ref = alone.get(p);
        assertThat(end.status()).as(p).isEqualTo(ProcessStatus.EXITED);
        assertThat(end.exitCode()).as(p).isEqualTo(ref.exit());
        assertThat(consoles.get(p).out().toString()).as(p).isEqualTo(ref.out());
        assertThat(consoles.get(p).err().toString()).as(p).isEqualTo(ref.err());
        if (p.equals("corpus.ParallelSum")) {
          threadedPreemptions += end.preemptions();
        }
      }
      assertThat(threadedPreemptions).as("the threaded process was preempted as a whole").isGreaterThan(10);
    }
  }

  @Test
  void aProcessWhoseThreadsAllWaitHoldsNoWorker() throws Exception {
    // The programs of package 'threads' of the test sources, alone on a class path (the process
    // loader's parent, the test's own loader, sees them too: they must be process classes here).
    Path programs = threadPrograms();
    String cp = programs.toString();
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(1)
        .withSlice(Duration.ofMillis(5)))) {
      CodeSource code = CodeSource.fromClassPath(cp);
      NodeKernelTest.Console wc = NodeKernelTest.Console.create();
      ProcessId w = k.spawn(code, "threads.AllWaiting", new String[] {"5000"}, wc.console(), 0);
      // Spawned first, the waiting process takes the only worker; the other program can run (and
      // end) before the 5 s waits are over only if it gave the worker back.
      NodeKernelTest.Console qc = NodeKernelTest.Console.create();
      ProcessId q = k.spawn(code, "threads.Quick", new String[0], qc.console(), 0);
      ProcessInfo quick = k.await(q, Duration.ofMinutes(1));
      ProcessInfo during = k.info(w);
      assertThat(quick.exitCode()).isZero();
      assertThat(qc.out().toString()).startsWith("quick ");
      assertThat(during.status()).as("still waiting when the other program ended").isEqualTo(ProcessStatus.RUNNING);
      assertThat(during.ageNanos()).isLessThan(5_000_000_000L);
      ProcessInfo end = k.await(w, Duration.ofMinutes(1));
      assertThat(end.exitCode()).isZero();
      assertThat(wc.out().toString()).isEqualTo("both ended, waiter TERMINATED, sleeper alive false\n");
      assertThat(end.ageNanos()).isGreaterThanOrEqualTo(5_000_000_000L);
      assertThat(end.cpuNanos()).as("CPU over 5 s of waiting").isLessThan(1_000_000_000L);
    }
  }

  /**
   * The scheduler sees a process, not its threads: four spinning threads of one process and one
   * single-threaded spinning process share one worker about equally, and every one of the four
   * threads runs (the quantum switches among them).
   */
  @Test
  void aProcessWithFourBusyThreadsGetsOneProcessShare() throws Exception {
    Path programs = threadPrograms();
    try (NodeKernel k = oneWorkerNode()) {
      CodeSource code = CodeSource.fromClassPath(programs.toString());
      NodeKernelTest.Console fc = NodeKernelTest.Console.create();
      NodeKernelTest.Console oc = NodeKernelTest.Console.create();
      ProcessId four = k.spawn(code, "threads.Spinners", new String[] {"4", "3000"}, fc.console(), 0);
      ProcessId one = k.spawn(code, "threads.Spinners", new String[] {"1", "3000"}, oc.console(), 0);
      ProcessInfo a = k.await(four, Duration.ofMinutes(1));
      ProcessInfo b = k.await(one, Duration.ofMinutes(1));
      assertThat(fc.out().toString()).isEqualTo("threads that ran: 4 of 4\n");
      assertThat(oc.out().toString()).isEqualTo("threads that ran: 1 of 1\n");
      double ratio = (double) a.cpuNanos() / b.cpuNanos();
      assertThat(ratio).as("CPU of the 4-thread process / CPU of the 1-thread process").isBetween(0.6, 1.67);
      assertThat(a.preemptions()).isGreaterThan(100);
    }
  }

  /**
   * A thread that sleeps while another computes, in a process alone on its node: nothing
   * preempts the process and no other thread is runnable to share a quantum with, so only the
   * sleeper's deadline can make the computing thread give way (it once never did: the process
   * hung — threads.md, "Timed waits").
   */
  @Test
  void aSleeperWakesWhileTheOnlyOtherThreadComputesAlone() throws Exception {
    Path programs = threadPrograms();
    try (NodeKernel k = oneWorkerNode()) {
      CodeSource code = CodeSource.fromClassPath(programs.toString());
      NodeKernelTest.Console c = NodeKernelTest.Console.create();
      ProcessId p = k.spawn(code, "threads.Spinners", new String[] {"1", "300"}, c.console(), 0);
      ProcessInfo end = k.await(p, Duration.ofMinutes(1));
      assertThat(c.out().toString()).isEqualTo("threads that ran: 1 of 1\n");
      assertThat(end.exitCode()).isZero();
      assertThat(end.preemptions()).as("alone on the node: never preempted").isZero();
      assertThat(end.ageNanos()).isGreaterThanOrEqualTo(300_000_000L);
    }
  }

  /** A node with one worker and 3 ms slices: every process competes for the same worker. */
  private static NodeKernel oneWorkerNode() {
    return new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(1).withSlice(Duration.ofMillis(3)));
  }

  private Path threadPrograms() throws Exception {
    Path programs = dir.resolve("programs");
    if (java.nio.file.Files.isDirectory(programs.resolve("threads"))) {
      return programs;
    }
    java.nio.file.Files.createDirectories(programs.resolve("threads"));
    Path classes = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
    try (var files = java.nio.file.Files.list(classes.resolve("threads"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        java.nio.file.Files.copy(f, programs.resolve("threads").resolve(f.getFileName()));
      }
    }
    return programs;
  }
}
