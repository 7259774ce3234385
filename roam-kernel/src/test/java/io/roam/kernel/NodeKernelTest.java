package io.roam.kernel;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many corpus programs at once on a node with two workers and 3 ms time slices: each is
 * preempted (unwound and rewound) hundreds of times, yet prints exactly what it prints alone;
 * suspend, resume and checkpoint, and a checkpoint adopted by another node kernel.
 */
class NodeKernelTest {
  @TempDir Path dir;

  static final List<String> PROGRAMS = List.of("corpus.Sieve", "corpus.NQueens", "corpus.Recursion",
      "corpus.TryFinally", "corpus.Strings", "corpus.CollectionsTour", "corpus.LambdaZoo",
      "corpus.Huffman", "corpus.Exit3", "corpus.StdErrMix", "corpus.ThreadLocals",
      "corpus.IdentityMaps", "corpus.Streams", "corpus.Bank");

  record Console(ByteArrayOutputStream out, ByteArrayOutputStream err, VirtualConsole console) {
    static Console create() {
      ByteArrayOutputStream o = new ByteArrayOutputStream();
      ByteArrayOutputStream e = new ByteArrayOutputStream();
      return new Console(o, e, new VirtualConsole(o, e, new ByteArrayInputStream(new byte[0]), 0, 0));
    }
  }

  static String cp() throws Exception {
    return RewriteCorpusTest.locationOf("corpus.Sieve");
  }

  @Test
  void manyProgramsPreemptedEveryThreeMillisecondsPrintWhatTheyPrintAlone() throws Exception {
    Map<String, InJvm.Result> alone = new LinkedHashMap<>();
    for (String p : PROGRAMS) {
      alone.put(p, new InJvm().run(cp(), p, new String[0], 0, false, dir));
    }
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(2)
        .withSlice(Duration.ofMillis(3)))) {
      CodeSource code = CodeSource.fromClassPath(cp());
      Map<String, ProcessId> pids = new LinkedHashMap<>();
      Map<String, Console> consoles = new LinkedHashMap<>();
      for (String p : PROGRAMS) {
        Console c = Console.create();
        consoles.put(p, c);
        pids.put(p, k.spawn(code, p, new String[0], c.console(), 0));
      }
      long preemptions = 0;
      for (String p : PROGRAMS) {
        ProcessInfo end = k.await(pids.get(p), Duration.ofMinutes(5));
        InJvm.Result ref = alone.get(p);
        assertThat(end.status()).as(p).isEqualTo(ProcessStatus.EXITED);
        assertThat(end.exitCode()).as(p).isEqualTo(ref.exit());
        assertThat(consoles.get(p).out().toString()).as(p).isEqualTo(ref.out());
        assertThat(consoles.get(p).err().toString()).as(p).isEqualTo(ref.err());
        assertThat(end.outBytes()).isEqualTo(consoles.get(p).out().size());
        preemptions += end.preemptions();
      }
      assertThat(preemptions).isGreaterThan(100);
      assertThat(k.ps()).hasSize(PROGRAMS.size());
      assertThat(k.reap()).isEqualTo(PROGRAMS.size());
      assertThat(k.ps()).isEmpty();
    }
  }

  @Test
  void suspendHoldsCheckpointWritesAndAnotherKernelAdoptsTheCheckpoint() throws Exception {
    String p = "corpus.Huffman";
    InJvm.Result ref = new InJvm().run(cp(), p, new String[0], 0, false, dir);
    Console c = Console.create();
    Path file = dir.resolve("huffman.roam");
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(2))) {
      ProcessId pid = k.spawn(CodeSource.fromClassPath(cp()), p, new String[0], c.console(), 0);
      assertThat(pid.toString()).isEqualTo("n1.1");
      Thread.sleep(150);
      assertThat(k.suspend(pid, Duration.ofSeconds(10))).isEqualTo(ProcessStatus.SUSPENDED);
      long cpu = k.info(pid).cpuNanos();
      Thread.sleep(100);
      assertThat(k.info(pid).cpuNanos()).as("no CPU while suspended").isEqualTo(cpu);
      long bytes = k.checkpoint(pid, file, Duration.ofSeconds(10));
      assertThat(bytes).isEqualTo(Files.size(file));
      assertThat(k.info(pid).stateBytes()).isEqualTo(bytes);
      assertThat(k.info(pid).status()).isEqualTo(ProcessStatus.SUSPENDED);
      k.resume(pid);
      ProcessInfo end = k.await(pid, Duration.ofMinutes(2));
      assertThat(end.exitCode()).isZero();
      assertThat(c.out().toString()).isEqualTo(ref.out());
    }
    // The checkpoint, adopted by a fresh kernel, prints the rest: together the whole output.
    ByteArrayOutputStream rest = new ByteArrayOutputStream();
    try (NodeKernel other = new NodeKernel(NodeKernel.Config.defaults("n2").withWorkers(1))) {
      ProcessId pid = other.adopt(file, (o, e) -> new VirtualConsole(rest, new ByteArrayOutputStream(),
          new ByteArrayInputStream(new byte[0]), o, e), 0);
      ProcessInfo end = other.await(pid, Duration.ofMinutes(2));
      assertThat(end.exitCode()).isZero();
    }
    assertThat(ref.out()).endsWith(rest.toString());
    assertThat(rest.size()).isLessThan(ref.out().length());
  }

  /**
   * An ended process's entry stays in the table until reap, with its class loader; its heap must
   * not stay with it: what its classes' statics held is let go of at once, the accounting kept.
   */
  @Test
  void anEndedProcessLetsGoOfItsHeapAndKeepsItsAccounting() throws Exception {
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(1))) {
      Console c = Console.create();
      ProcessId pid = k.spawn(CodeSource.fromClassPath(cp()), "corpus.StaticTables", new String[0], c.console(), 0);
      ProcessInfo info = k.await(pid, Duration.ofMinutes(2));
      assertThat(info.status()).isEqualTo(ProcessStatus.EXITED);
      assertThat(info.exitCode()).isZero();
      Class<?> main = Class.forName("corpus.StaticTables", false, k.classLoader(pid));
      for (String table : List.of("CRC_TABLE", "SINES", "FACTORIALS", "PRIMES")) {
        java.lang.reflect.Field f = main.getDeclaredField(table);
        f.setAccessible(true);
        assertThat(f.get(null)).as(table).isNull();
      }
      java.lang.reflect.Field lookups = main.getDeclaredField("lookups");
      lookups.setAccessible(true);
      assertThat(lookups.getInt(null)).as("a primitive static holds no heap and is kept").isPositive();
      assertThat(k.info(pid).outBytes()).isEqualTo(c.out().size()).isPositive();
    }
  }

  @Test
  void unknownProcessAndBadMainAreClearErrors() throws Exception {
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(1))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> k.info(ProcessId.parse("n1.99")))
          .isInstanceOf(RoamException.class).hasMessage("no process n1.99 on node n1; see ps");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> k.spawn(CodeSource.fromClassPath(cp()),
          "corpus.NoSuchMain", new String[0], Console.create().console(), 0))
          .isInstanceOf(RoamException.class).hasMessageStartingWith("main class corpus.NoSuchMain has no");
    }
  }
}
