package io.roam.bench;

import java.nio.file.Files;
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
      ScimarkOverhead [--rounds N] [--large] [--repeat N]
        --rounds N   A/B rounds, each a fresh plain JVM then a fresh roam JVM (default 5)
        --large      pass -large to SciMark (problem sizes that do not fit in cache)
        --repeat N   also run benchload.ScimarkRepeat (each kernel N times in one JVM, medians) in the
                     same A/B rounds; 0 skips it (default 5)""";
  static final List<String> KERNELS = List.of("Composite Score", "FFT", "SOR", "Monte Carlo", "Sparse matmult", "LU");
  static final Pattern LINE = Pattern.compile("^(Composite Score|FFT|SOR|Monte Carlo|Sparse matmult|LU)\\b.*:\\s*([0-9.Ee+-]+)\\s*$");
  static final double GOAL = 0.90;
  static final String REPEAT = "benchload.ScimarkRepeat";
  static final double STRETCH = 0.97;

  private ScimarkOverhead() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = Env.args(args, USAGE);
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "5"));
    boolean large = a.containsKey("large");
    int repeat = Integer.parseInt(a.getOrDefault("repeat", "5"));
    String jar = Path.of(jnt.scimark2.commandline.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    List<String> plain = new ArrayList<>(List.of(Env.java(), "-cp", jar, "jnt.scimark2.commandline"));
    List<String> roam = new ArrayList<>(Env.roamCommand());
    roam.addAll(List.of("local", "run", "--cp", jar, "jnt.scimark2.commandline"));
    if (large) {
      plain.add("-large");
      roam.add("-large");
    }

    // the repeated kernels run from a directory holding only their class, beside the SciMark jar
    Path repeatDir = Files.createTempDirectory("roam-scimark-repeat");
    Env.copyClass(repeatDir, REPEAT);
    String repeatCp = repeatDir + java.io.File.pathSeparator + jar;
    List<String> plainRepeat = List.of(Env.java(), "-cp", repeatCp, REPEAT, Integer.toString(repeat));
    List<String> roamRepeat = new ArrayList<>(Env.roamCommand());
    roamRepeat.addAll(List.of("local", "run", "--cp", repeatCp, REPEAT, Integer.toString(repeat)));

    Scores once = new Scores();
    Scores many = new Scores();
    List<String> problems = new ArrayList<>();
    for (int i = 1; i <= rounds; i++) {
      Map<String, Double> sp = scores(ChildRun.run(plain, Map.of()), "plain", i, problems);
      Map<String, Double> sr = scores(ChildRun.run(roam, Map.of()), "roam", i, problems);
      once.add(sp, sr);
      System.err.printf("round %d/%d: composite plain %.1f, roam %.1f%n", i, rounds,
          sp.getOrDefault("Composite Score", Double.NaN), sr.getOrDefault("Composite Score", Double.NaN));
      if (repeat > 0) {
        Map<String, Double> rp = scores(ChildRun.run(plainRepeat, Map.of()), "plain (repeated)", i, problems);
        Map<String, Double> rr = scores(ChildRun.run(roamRepeat, Map.of()), "roam (repeated)", i, problems);
        many.add(rp, rr);
        System.err.printf("round %d/%d, each kernel %d times: composite plain %.1f, roam %.1f%n", i, rounds, repeat,
            rp.getOrDefault("Composite Score", Double.NaN), rr.getOrDefault("Composite Score", Double.NaN));
      }
    }
    Env.deleteTree(repeatDir);
    Map<String, Stats> p = once.plain;
    Map<String, Stats> r = once.roam;

    Report rep = new Report("scimark-overhead", "SciMark 2.0 under Roam vs plain java", args);
    rep.param("rounds", rounds + " (A = plain, B = roam, interleaved A/B/A/B…, each a fresh JVM)");
    rep.param("A (plain)", "$ " + Env.show(plain));
    rep.param("B (roam)", "$ " + Env.show(roam));
    rep.param("ROAM_CP", Env.ROAM_CP_NOTE);
    rep.param("goal", "composite Roam ÷ plain ≥ " + GOAL + " (stretch ≥ " + STRETCH + ")");
    Table t = new Table("kernel", "plain MFlops median [min – max]", "roam MFlops median [min – max]",
        "Roam ÷ plain (medians)", "per-round ratio median [min – max]");
    Map<String, Stats> ratio = once.ratio;
    for (String k : KERNELS) {
      double rm = r.get(k).median() / p.get(k).median();
      t.row(k.equals("Composite Score") ? "composite" : k, p.get(k).summary("%.1f"), r.get(k).summary("%.1f"),
          Stats.fmt("%.3f", rm), ratio.get(k).summary("%.3f"));
    }
    rep.table("Scores (higher is better)", t);
    if (repeat > 0) {
      Table m = new Table("kernel", "plain MFlops median [min – max]", "roam MFlops median [min – max]",
          "Roam ÷ plain (medians)", "per-round ratio median [min – max]");
      for (String k : KERNELS) {
        m.row(k.equals("Composite Score") ? "composite (mean of the five)" : k, many.plain.get(k).summary("%.1f"),
            many.roam.get(k).summary("%.1f"), Stats.fmt("%.3f", many.roam.get(k).median() / many.plain.get(k).median()),
            many.ratio.get(k).summary("%.3f"));
      }
      rep.table("Each kernel measured " + repeat + " times in one JVM (median per JVM), same rounds", m);
      rep.note("""
          The command line measures each kernel once per JVM, and a single measurement depends on where the \
          JVM places the kernel's fresh arrays: in one plain JVM, LU alternates between ≈ 7 000 and ≈ 5 300 \
          Mflops from one measurement to the next. `benchload.ScimarkRepeat` measures each kernel the command \
          line's way (sizes, minimum time, seed) N times in one JVM and prints the medians, so its ratios are \
          Roam's cost rather than that placement. The issue's goal is stated on the command line's composite \
          (first table).""");
    }
    double c = r.get("Composite Score").median() / p.get("Composite Score").median();
    rep.note(String.format(java.util.Locale.ROOT,
        "Composite Roam ÷ plain = **%.3f**: goal (≥ %.2f) %s; stretch (≥ %.2f) %s.", c, GOAL,
        c >= GOAL ? "met" : "NOT met", STRETCH, c >= STRETCH ? "met" : "not met"));
    if (!problems.isEmpty()) {
      rep.note("Problems seen:\n\n" + String.join("\n", problems.stream().map(s -> "- " + s).toList()));
    }
    rep.finish();
  }

  /** Per-kernel scores of the A/B rounds of one kind of run. */
  private static final class Scores {
    final Map<String, Stats> plain = new LinkedHashMap<>();
    final Map<String, Stats> roam = new LinkedHashMap<>();
    final Map<String, Stats> ratio = new LinkedHashMap<>();

    Scores() {
      for (String k : KERNELS) {
        plain.put(k, new Stats());
        roam.put(k, new Stats());
        ratio.put(k, new Stats());
      }
    }

    void add(Map<String, Double> sp, Map<String, Double> sr) {
      for (String k : KERNELS) {
        if (sp.containsKey(k)) {
          plain.get(k).add(sp.get(k));
        }
        if (sr.containsKey(k)) {
          roam.get(k).add(sr.get(k));
        }
        if (sp.containsKey(k) && sr.containsKey(k)) {
          ratio.get(k).add(sr.get(k) / sp.get(k));
        }
      }
    }
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
