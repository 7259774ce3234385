package io.roam.kernel.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.VirtualConsole;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Fair shares, nice levels and wake-up latency on a node with fewer workers than processes. */
class SchedulerTest {
  static final String CP = fixture.Spin.class.getProtectionDomain().getCodeSource().getLocation().getPath();

  static CodeSource code() throws Exception {
    return CodeSource.fromClassPath(CP);
  }

  static VirtualConsole console(ByteArrayOutputStream out) {
    return new VirtualConsole(out, new ByteArrayOutputStream(), new ByteArrayInputStream(new byte[0]), 0, 0);
  }

  static void await(BooleanSupplier c, Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (!c.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within " + max).isLessThan(end);
      Thread.sleep(10);
    }
  }

  static long cpu(NodeKernel k, ProcessId p) {
    try {
      return k.info(p).cpuNanos();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void endlessLoopsShareTwoWorkersEqually() throws Exception {
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("t1").withWorkers(2)
        .withSlice(Duration.ofMillis(10)))) {
      List<ProcessId> ps = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ps.add(k.spawn(code(), "fixture.Spin", new String[0], console(new ByteArrayOutputStream()), 0));
      }
      await(() -> ps.stream().mapToLong(p -> cpu(k, p)).sum() > 3_000_000_000L, Duration.ofSeconds(60));
      long[] c = ps.stream().mapToLong(p -> cpu(k, p)).toArray();
      double mean = java.util.Arrays.stream(c).average().orElseThrow();
      for (int i = 0; i < c.length; i++) {
        // Stated tolerance: each of N equal processes gets its 1/N share within ±20 %.
        assertThat(c[i] / mean).as("share of process %d (cpu %s)", i, java.util.Arrays.toString(c))
            .isBetween(0.8, 1.2);
        assertThat(k.info(ps.get(i)).preemptions()).isGreaterThan(10);
        assertThat(k.info(ps.get(i)).status()).isEqualTo(ProcessStatus.RUNNING);
      }
      for (ProcessId p : ps) {
        k.kill(p);
        ProcessInfo end = k.await(p, Duration.ofSeconds(10));
        assertThat(end.status()).isEqualTo(ProcessStatus.FAILED);
        assertThat(end.exitCode()).isEqualTo(137);
        assertThat(end.failure()).isEqualTo("killed");
      }
    }
  }

  @Test
  void niceLevelsWeightTheShares() throws Exception {
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("t2").withWorkers(1)
        .withSlice(Duration.ofMillis(5)))) {
      ProcessId a = k.spawn(code(), "fixture.Spin", new String[0], console(new ByteArrayOutputStream()), 0);
      ProcessId b = k.spawn(code(), "fixture.Spin", new String[0], console(new ByteArrayOutputStream()), 5);
      await(() -> cpu(k, a) + cpu(k, b) > 2_000_000_000L, Duration.ofSeconds(60));
      // Weights 1024 and 1024 / 1.25^5: a should get 3.05 times b's CPU.
      assertThat((double) cpu(k, a) / cpu(k, b)).isBetween(3.05 * 0.75, 3.05 * 1.25);
    }
  }

  @Test
  void sleeperWakesWithinOneSliceWhileLoopsHogEveryWorker() throws Exception {
    Duration slice = Duration.ofMillis(20);
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("t3").withWorkers(2).withSlice(slice))) {
      for (int i = 0; i < 3; i++) {
        k.spawn(code(), "fixture.Spin", new String[0], console(new ByteArrayOutputStream()), 0);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ProcessId s = k.spawn(code(), "fixture.Sleeper", new String[] {"60", "10"}, console(out), 0);
      ProcessInfo end = k.await(s, Duration.ofSeconds(60));
      assertThat(end.status()).isEqualTo(ProcessStatus.EXITED);
      assertThat(end.exitCode()).isZero();
      String line = out.toString().trim();
      java.util.regex.Matcher m = java.util.regex.Pattern
          .compile("slept 60 times, lateness p90 (\\d+) ms worst (\\d+) ms").matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      // One slice, plus the ticker's period and a safe point's delay. A percentile, not the worst:
      // on a shared 2-core VM a wake-up now and then waits for the host, not for the scheduler
      // (69 ms once in a CI run, with the bound at 35).
      assertThat(Long.parseLong(m.group(1))).as(line).isLessThanOrEqualTo(slice.toMillis() + 15);
      // ... and none waits long: a hog that kept a woken process from its worker would exceed this
      assertThat(Long.parseLong(m.group(2))).as(line).isLessThanOrEqualTo(10 * slice.toMillis());
      // Sleeping held no worker: the sleeper used far less CPU than its 60 × 10 ms of waiting.
      assertThat(end.cpuNanos()).isLessThan(300_000_000L);
    }
  }

  /**
   * Regression: the rewind twin of a method without loops lost its dead entry poll when written,
   * which shifted its resume sites, so a frame resumed once was never safe again and its process
   * could not be preempted (or captured) a second time.
   */
  @Test
  void deepStacksArePreemptedAgainAfterTheirFirstRewind() throws Exception {
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("t4").withWorkers(1)
        .withSlice(Duration.ofMillis(2)))) {
      ProcessId a = k.spawn(code(), "fixture.Deep", new String[] {"40"}, console(new ByteArrayOutputStream()), 0);
      ProcessId b = k.spawn(code(), "fixture.Deep", new String[] {"40"}, console(new ByteArrayOutputStream()), 0);
      await(() -> {
        try {
          return k.info(a).preemptions() >= 20 && k.info(b).preemptions() >= 20;
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }, Duration.ofSeconds(30));
      assertThat(k.info(a).maxTimeToSafePointNanos()).isLessThan(50_000_000L);
    }
  }
}
