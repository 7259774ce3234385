package io.roam.bench;

import io.roam.bench.jmh.PollCostBenchmark;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link PollCostBenchmark} with JMH (N rounds, each one fork per benchmark, so plain and
 * rewritten alternate) and reports ops/s per benchmark and the ratio rewritten ÷ plain.
 */
public final class PollCost {
  static final String USAGE = """
      PollCost [--rounds N] [--warmup N] [--iterations N]
        --rounds N      JMH runs of all six benchmarks, one fork each (default 3)
        --warmup N      warm-up iterations of 1 s (default 3)
        --iterations N  measured iterations of 1 s (default 5)""";
  static final List<String> NAMES = List.of("sorPlain", "sorRoam", "dotPlain", "dotRoam", "mcPlain", "mcRoam");

  private PollCost() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = Env.args(args, USAGE);
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "3"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "3"));
    int iterations = Integer.parseInt(a.getOrDefault("iterations", "5"));
    Map<String, Stats> iters = new LinkedHashMap<>();
    Map<String, Stats> scores = new LinkedHashMap<>();
    NAMES.forEach(n -> {
      iters.put(n, new Stats());
      scores.put(n, new Stats());
    });
    for (int r = 1; r <= rounds; r++) {
      Options o = new OptionsBuilder()
          .include(PollCostBenchmark.class.getName() + "\\.")
          .warmupIterations(warmup).warmupTime(TimeValue.seconds(1))
          .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
          .forks(1).shouldFailOnError(true)
          .build();
      Collection<RunResult> results = new Runner(o).run();
      for (RunResult rr : results) {
        String bench = rr.getParams().getBenchmark();
        String name = bench.substring(bench.lastIndexOf('.') + 1);
        scores.get(name).add(rr.getPrimaryResult().getScore());
        for (BenchmarkResult br : rr.getBenchmarkResults()) {
          for (IterationResult ir : br.getIterationResults()) {
            iters.get(name).add(ir.getPrimaryResult().getScore());
          }
        }
      }
    }
    Report rep = new Report("poll-cost", "Safe-point poll cost (JMH): plain vs rewritten by Roam", args);
    rep.param("benchmark", PollCostBenchmark.class.getName() + " on benchload.Kernels: sor = SciMark's SOR on a 100×100"
        + " grid, 10 sweeps per op; dot = dot product of two 100 000-element double arrays; mc = SciMark 2.0's own"
        + " jnt.scimark2.MonteCarlo.integrate(65536) from the unmodified jar (a loop calling the synchronized"
        + " Random.nextDouble twice per iteration)");
    rep.param("variants", "plain = the class as javac wrote it; roam = the same class file rewritten and defined by"
        + " io.roam.kernel.process.ProcessClassLoader (code: a directory holding only that class) with a ProcessRuntime"
        + " installed; both invoked through a MethodHandle (mc: the class from the scimark jar, the jar as the"
        + " process loader's code)");
    rep.param("JMH", "throughput, " + warmup + " × 1 s warm-up, " + iterations + " × 1 s measurement, 1 fork per"
        + " benchmark per round, " + rounds + " rounds (JMH runs the six benchmarks in turn in each round)");
    Table t = new Table("kernel", "plain ops/s median [min – max] of iterations", "roam ops/s median [min – max] of iterations",
        "roam ÷ plain (medians)", "per-round JMH scores plain / roam");
    for (String k : List.of("sor", "dot", "mc")) {
      Stats p = iters.get(k + "Plain");
      Stats r = iters.get(k + "Roam");
      t.row(k, p.summary("%.1f"), r.summary("%.1f"), Stats.fmt("%.3f", r.median() / p.median()),
          join(scores.get(k + "Plain")) + " / " + join(scores.get(k + "Roam")));
    }
    rep.table("Throughput (higher is better)", t);
    rep.note("Medians, minima and maxima are over all measured 1 s iterations of all rounds ("
        + iters.get("sorPlain").count() + " per benchmark).");
    rep.finish();
  }

  private static String join(Stats s) {
    return String.join(", ", s.values().stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList());
  }
}
