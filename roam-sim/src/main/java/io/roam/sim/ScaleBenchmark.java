package io.roam.sim;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The simulator's scale benchmark (not a test): 10 000 nodes and 10 million processes at load 0.9
 * with the power of two choices, against two baselines measured in the same JVM and run, because
 * the machine is shared and noisy: the same simulation without load sharing, and the raw throughput
 * of the event queue (push/pop of random times at the same queue size). Prints a Markdown report and
 * writes it to {@code bench/results/<date>-sim-scale.md} (directory: {@code --results DIR}).
 *
 * <pre>
 *   java -cp "roam-sim/target/classes:$(cat roam-sim/target/classpath.txt)" io.roam.sim.ScaleBenchmark \
 *       [--nodes 10000] [--processes 10000000] [--load 0.9] [--results bench/results]
 * </pre>
 */
public final class ScaleBenchmark {
  private ScaleBenchmark() {}

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    Map<String, String> a = arguments(args);
    int nodes = Integer.parseInt(a.getOrDefault("nodes", "10000"));
    long processes = Long.parseLong(a.getOrDefault("processes", "10000000"));
    double load = Double.parseDouble(a.getOrDefault("load", "0.9"));
    Path results = Path.of(a.getOrDefault("results", "bench/results"));
    String started = ZonedDateTime.now().toString();
    SimConfig cfg = BenchConfig.config(nodes, processes);
    List<RunResult> runs = new ArrayList<>();
    runs.add(new Simulation(cfg, cfg.policies().get(0), load).run());
    runs.add(new Simulation(cfg, cfg.policies().get(1), load).run());
    double queueRate = queueThroughput(runs.get(0).events(), nodes);
    String report = report(started, nodes, processes, load, runs, queueRate, String.join(" ", args));
    System.out.print(report);
    Files.createDirectories(results);
    Path file = results.resolve(LocalDate.now() + "-sim-scale.md");
    Files.writeString(file, report);
    System.out.println("report written to " + file);
  }

  /** Push/pop events per second through an {@link EventQueue} holding {@code size} pending events. */
  static double queueThroughput(long operations, int size) {
    EventQueue q = new EventQueue();
    SplittableRandom rng = new SplittableRandom(1);
    double now = 0;
    for (int i = 0; i < size; i++) {
      q.push(rng.nextDouble(), i);
    }
    long start = System.nanoTime();
    long sink = 0;
    for (long i = 0; i < operations; i++) {
      now = q.peekTime();
      sink += q.peekPayload();
      q.pop();
      q.push(now + rng.nextDouble(), i);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return sink == Long.MIN_VALUE ? 0 : operations / seconds;
  }

  private static String report(String started, int nodes, long processes, double load, List<RunResult> runs,
      double queueRate, String args) {
    RunResult main = runs.get(0);
    RunResult base = runs.get(1);
    StringBuilder b = new StringBuilder("# Simulator scale: " + nodes + " nodes, " + processes + " processes\n\n");
    b.append("- **date**: ").append(started).append(" (start) – ").append(ZonedDateTime.now()).append(" (end)\n");
    b.append("- **JDK**: ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.version")).append(" (").append(System.getProperty("java.vm.vendor"))
        .append(")\n");
    b.append("- **machine**: ").append(Machine.describe()).append('\n');
    b.append("- **command**: `java ").append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()))
        .append(" -cp roam-sim/target/classes:$(cat roam-sim/target/classpath.txt) io.roam.sim.ScaleBenchmark ")
        .append(args).append("`\n");
    b.append("- **model**: ").append(nodes).append(" nodes of speed 1, Poisson arrivals at load ").append(load)
        .append(" per node, exponential lifetimes (mean 1 s), fresh probes, processes ").append(processes)
        .append(" (10 % warm-up); one run each, sequential, in one JVM\n\n");
    b.append("| run | wall (s) | events | events/s | processes/s | mean response (s) | ratio of wall to the"
        + " no-sharing run |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for (RunResult r : runs) {
      b.append(String.format(Locale.ROOT, "| %s | %.1f | %d | %.3g | %.3g | %.4f | %.2f |%n", r.label(),
          r.wallSeconds(), r.events(), r.events() / r.wallSeconds(), r.arrivals() / r.wallSeconds(),
          r.meanResponse(), r.wallSeconds() / base.wallSeconds()));
    }
    b.append(String.format(Locale.ROOT, "%nRaw event queue (push + pop with %d events pending): %.3g operations/s;"
        + " the power-of-two simulation runs at %.2f of that rate, the no-sharing one at %.2f.%n", nodes, queueRate,
        main.events() / main.wallSeconds() / queueRate, base.events() / base.wallSeconds() / queueRate));
    b.append(String.format(Locale.ROOT, "%nGoal: %d nodes and %d processes in under 120 s: %s (%.1f s).%n", nodes,
        processes, main.wallSeconds() < 120 ? "met" : "NOT met", main.wallSeconds()));
    return b.toString();
  }

  private static Map<String, String> arguments(String[] args) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --key value pairs, got " + args[i]);
      }
      m.put(args[i].substring(2), args[i + 1]);
    }
    return m;
  }

  /** The benchmark's configuration. */
  static final class BenchConfig {
    private BenchConfig() {}

    static SimConfig config(int nodes, long processes) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("seed", "1");
      m.put("nodes", String.valueOf(nodes));
      m.put("processes", String.valueOf(processes));
      m.put("policies", "two,none");
      m.put("policy.two.label", "power of two choices");
      m.put("policy.two.placement", "power-of-d");
      m.put("policy.two.placement.d", "2");
      m.put("policy.none.label", "no load sharing (baseline)");
      return SimConfig.from(m);
    }
  }
}
