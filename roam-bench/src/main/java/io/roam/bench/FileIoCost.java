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
 * Overhead of virtual files: {@code workload.FileIo} (examples) under {@code java} (A) and under
 * {@code roam local run} (B), each a fresh JVM of the same java binary, interleaved A/B/A/B for N
 * rounds, both in the same scratch directory. The workload times its own kernels (best of three
 * inside each JVM), so JVM start and rewriting are outside the numbers. Reports medians and the
 * ratio Roam ÷ plain as speed (higher is better for both units: MB/s as is, ns/op inverted).
 */
public final class FileIoCost {
  static final String USAGE = """
      FileIoCost [--rounds N] [--dir DIR]
        --rounds N   A/B rounds, each a fresh plain JVM then a fresh roam JVM (default 5)
        --dir DIR    scratch directory for the 64 MiB file (default: a new one under java.io.tmpdir)""";
  static final Pattern LINE = Pattern.compile("^(.+): ([0-9.]+) (MB/s|ns/op)$");

  private FileIoCost() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = Env.args(args, USAGE);
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "5"));
    Path dir = a.containsKey("dir") ? Path.of(a.get("dir")) : Files.createTempDirectory("roam-fileio");
    String jar = Path.of(workload.FileIo.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    List<String> plain = List.of(Env.java(), "-cp", jar, "workload.FileIo", dir.toString());
    List<String> roam = new ArrayList<>(Env.roamCommand());
    roam.addAll(List.of("local", "run", "--cp", jar, "workload.FileIo", dir.toString()));

    Map<String, String> units = new LinkedHashMap<>();
    Map<String, Stats> p = new LinkedHashMap<>();
    Map<String, Stats> r = new LinkedHashMap<>();
    Map<String, Stats> ratio = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 1; i <= rounds; i++) {
      Map<String, Double> sp = values(ChildRun.run(plain, Map.of()), "plain", i, units, problems);
      Map<String, Double> sr = values(ChildRun.run(roam, Map.of()), "roam", i, units, problems);
      for (String k : sp.keySet()) {
        p.computeIfAbsent(k, x -> new Stats()).add(sp.get(k));
        if (sr.containsKey(k)) {
          r.computeIfAbsent(k, x -> new Stats()).add(sr.get(k));
          ratio.computeIfAbsent(k, x -> new Stats()).add(speedRatio(units.get(k), sp.get(k), sr.get(k)));
        }
      }
      System.err.printf("round %d/%d done%n", i, rounds);
    }

    Report rep = new Report("files", "Virtual file I/O under Roam vs plain java", args);
    rep.param("rounds", rounds + " (A = plain, B = roam, interleaved A/B/A/B…, each a fresh JVM)");
    rep.param("A (plain)", "$ " + Env.show(plain));
    rep.param("B (roam)", "$ " + Env.show(roam));
    rep.param("ROAM_CP", Env.ROAM_CP_NOTE);
    rep.param("workload", "examples workload.FileIo: each kernel 3 times per JVM, best kept; 64 MiB file, "
        + "200 000 random 16-byte accesses within its first 16 MiB (page cache warm)");
    Table t = new Table("kernel", "unit", "plain median [min – max]", "roam median [min – max]",
        "Roam ÷ plain speed (medians)", "per-round speed ratio median [min – max]");
    for (String k : ratio.keySet()) {
      String u = units.get(k);
      t.row(k, u, p.get(k).summary("%.1f"), r.get(k).summary("%.1f"),
          Stats.fmt("%.3f", speedRatio(u, p.get(k).median(), r.get(k).median())), ratio.get(k).summary("%.3f"));
    }
    rep.table("File I/O (speed ratio: above 1 Roam is faster)", t);
    if (!problems.isEmpty()) {
      rep.note("Problems seen:\n\n" + String.join("\n", problems.stream().map(s -> "- " + s).toList()));
    }
    rep.finish();
  }

  /** Roam's speed relative to plain: a rate divides as is, a time per operation inverted. */
  static double speedRatio(String unit, double plain, double roam) {
    return unit.equals("ns/op") ? plain / roam : roam / plain;
  }

  private static Map<String, Double> values(ChildRun run, String side, int round, Map<String, String> units,
      List<String> problems) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String line : run.stdout().split("\n")) {
      Matcher x = LINE.matcher(line.strip());
      if (x.matches()) {
        m.put(x.group(1), Double.parseDouble(x.group(2)));
        units.put(x.group(1), x.group(3));
      }
    }
    if (run.exitCode() != 0 || m.size() != 6) {
      problems.add(side + " round " + round + ": " + run.failure() + ", parsed " + m.keySet());
    } else if (!run.stderr().isBlank()) {
      problems.add(side + " round " + round + " wrote to stderr: "
          + run.stderr().strip().lines().findFirst().orElse(""));
    }
    return m;
  }
}
