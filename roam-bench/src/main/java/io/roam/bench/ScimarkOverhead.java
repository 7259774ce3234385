package io.roam.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Overhead of running under Roam: SciMark 2.0 (the unmodified 2002 jar) under
 * {@code java -cp jar jnt.scimark2.commandline} (A) and {@code roam local run --cp jar
 * jnt.scimark2.commandline} (B), each a fresh JVM of the same java binary, interleaved A/B/A/B for
 * N rounds. Reports per-kernel and composite medians (MFlops, as SciMark prints them) and the ratio
 * Roam ÷ plain. SciMark times each kernel itself, so JVM start and rewriting are outside the scores.
 */
public final class ScimarkOverhead {
  static final String USAGE = """
      ScimarkOverhead [--rounds N] [--large]
        --rounds N   A/B rounds, each a fresh plain JVM then a fresh roam JVM (default 5)
        --large      pass -large to SciMark (problem sizes that do not fit in cache)""";
  static final List<String> KERNELS = List.of("Composite Score", "FFT", "SOR", "Monte Carlo", "Sparse matmult", "LU");
  static final Pattern LINE = Pattern.compile("^(Composite Score|FFT|SOR|Monte Carlo|Sparse matmult|LU)\\b.*:\\s*([0-9.Ee+-]+)\\s*$");
  static final double GOAL = 0.90;
  static final double STRETCH = 0.97;

  private ScimarkOverhead() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = Env.args(args, USAGE);
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "5"));
    boolean large = a.containsKey("large");
    String jar = Path.of(jnt.scimark2.commandline.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    List<String> plain = new ArrayList<>(List.of(Env.java(), "-cp", jar, "jnt.scimark2.commandline"));
    List<String> roam = new ArrayList<>(Env.roamCommand());
    roam.addAll(List.of("local", "run", "--cp", jar, "jnt.scimark2.commandline"));
    if (large) {
      plain.add("-large");
      roam.add("-large");
    }

    Map<String, Stats> p = new LinkedHashMap<>();
    Map<String, Stats> r = new LinkedHashMap<>();
    Map<String, Stats> ratio = new LinkedHashMap<>();
    for (String k : KERNELS) {
      p.put(k, new Stats());
      r.put(k, new Stats());
      ratio.put(k, new Stats());
    }
    List<String> problems = new ArrayList<>();
    for (int i = 1; i <= rounds; i++) {
      Map<String, Double> sp = scores(ChildRun.run(plain, Map.of()), "plain", i, problems);
      Map<String, Double> sr = scores(ChildRun.run(roam, Map.of()), "roam", i, problems);
      System.err.printf("round %d/%d: composite plain %.1f, roam %.1f%n", i, rounds,
          sp.getOrDefault("Composite Score", Double.NaN), sr.getOrDefault("Composite Score", Double.NaN));
      for (String k : KERNELS) {
        if (sp.containsKey(k)) {
          p.get(k).add(sp.get(k));
        }
        if (sr.containsKey(k)) {
          r.get(k).add(sr.get(k));
        }
        if (sp.containsKey(k) && sr.containsKey(k)) {
          ratio.get(k).add(sr.get(k) / sp.get(k));
        }
      }
    }

    Report rep = new Report("scimark-overhead", "SciMark 2.0 under Roam vs plain java", args);
    rep.param("rounds", rounds + " (A = plain, B = roam, interleaved A/B/A/B…, each a fresh JVM)");
    rep.param("A (plain)", "$ " + Env.show(plain));
    rep.param("B (roam)", "$ " + Env.show(roam));
    rep.param("ROAM_CP", Env.ROAM_CP_NOTE);
    rep.param("goal", "composite Roam ÷ plain ≥ " + GOAL + " (stretch ≥ " + STRETCH + ")");
    Table t = new Table("kernel", "plain MFlops median [min – max]", "roam MFlops median [min – max]",
        "Roam ÷ plain (medians)", "per-round ratio median [min – max]");
    for (String k : KERNELS) {
      double rm = r.get(k).median() / p.get(k).median();
      t.row(k.equals("Composite Score") ? "composite" : k, p.get(k).summary("%.1f"), r.get(k).summary("%.1f"),
          Stats.fmt("%.3f", rm), ratio.get(k).summary("%.3f"));
    }
    rep.table("Scores (higher is better)", t);
    double c = r.get("Composite Score").median() / p.get("Composite Score").median();
    rep.note(String.format(java.util.Locale.ROOT,
        "Composite Roam ÷ plain = **%.3f**: goal (≥ %.2f) %s; stretch (≥ %.2f) %s.", c, GOAL,
        c >= GOAL ? "met" : "NOT met", STRETCH, c >= STRETCH ? "met" : "not met"));
    if (!problems.isEmpty()) {
      rep.note("Problems seen:\n\n" + String.join("\n", problems.stream().map(s -> "- " + s).toList()));
    }
    rep.finish();
  }

  private static Map<String, Double> scores(ChildRun run, String side, int round, List<String> problems) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String line : run.stdout().split("\n")) {
      Matcher x = LINE.matcher(line.strip());
      if (x.matches()) {
        m.put(x.group(1), Double.parseDouble(x.group(2)));
      }
    }
    if (run.exitCode() != 0 || m.size() != KERNELS.size()) {
      problems.add(side + " round " + round + ": " + run.failure() + ", parsed " + m.keySet());
    } else if (!run.stderr().isBlank()) {
      problems.add(side + " round " + round + " wrote to stderr: " + run.stderr().strip().lines().findFirst().orElse(""));
    }
    return m;
  }
}
