package io.roam.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Start-up cost: a generated program of ~1000 classes (a main class that touches 1000 small
 * classes, each with a few methods and a loop, through 20 group classes, then prints its first
 * line) under {@code java -cp dir Main} and {@code roam local run --cp dir Main}, fresh JVMs,
 * interleaved, N rounds. Measures the time from just before the JVM is started to its first line
 * on standard output. The roam side runs twice per round: cold (its rewrite cache,
 * {@code $ROAM_CACHE}, deleted before) and warm (right after the cold run, same cache).
 */
public final class StartupCost {
  static final String USAGE = """
      StartupCost [--rounds N] [--classes N]
        --rounds N    rounds of (plain, roam cold, roam warm), order rotated per round (default 5)
        --classes N   small classes in the generated program (default 1000)""";
  static final int GROUP = 50;

  private StartupCost() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = Env.args(args, USAGE);
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "5"));
    int classes = Integer.parseInt(a.getOrDefault("classes", "1000"));
    Path work = Files.createTempDirectory("roam-bench-startup");
    try {
      run(args, rounds, classes, work);
    } finally {
      Env.deleteTree(work);
    }
  }

  private static void run(String[] args, int rounds, int classes, Path work) throws Exception {
    Path classDir = work.resolve("classes");
    int total = generate(work.resolve("src"), classDir, classes);
    Path cache = work.resolve("roam-cache");
    List<String> plain = List.of(Env.java(), "-cp", classDir.toString(), "Main");
    List<String> roam = new ArrayList<>(Env.roamCommand());
    roam.addAll(List.of("local", "run", "--cp", classDir.toString(), "Main"));
    Map<String, String> env = Map.of("ROAM_CACHE", cache.toString());
    Path helloDir = work.resolve("hello");
    generate(work.resolve("hello-src"), helloDir, 0);
    List<String> helloPlain = List.of(Env.java(), "-cp", helloDir.toString(), "Main");
    List<String> helloRoam = new ArrayList<>(Env.roamCommand());
    helloRoam.addAll(List.of("local", "run", "--cp", helloDir.toString(), "Main"));
    Map<String, String> helloEnv = Map.of("ROAM_CACHE", work.resolve("hello-cache").toString());
    ChildRun.run(helloRoam, helloEnv);
    Stats hPlain = new Stats();
    Stats hRoam = new Stats();

    Stats pFirst = new Stats();
    Stats pExit = new Stats();
    Stats cFirst = new Stats();
    Stats cExit = new Stats();
    Stats wFirst = new Stats();
    Stats wExit = new Stats();
    Stats cRatio = new Stats();
    Stats wRatio = new Stats();
    List<String> problems = new ArrayList<>();
    int cacheEntries = -1;
    String expected = null;
    for (int r = 1; r <= rounds; r++) {
      ChildRun p = null;
      ChildRun cold = null;
      ChildRun warm = null;
      for (int step = 0; step < 2; step++) {
        if ((step == 0) == (r % 2 == 1)) {
          p = ChildRun.run(plain, Map.of());
          ChildRun hp = ChildRun.run(helloPlain, Map.of());
          check("hello plain", r, hp, hp.stdout(), problems);
          hPlain.add(hp.firstLineNanos() / 1e6);
        } else {
          ChildRun hr = ChildRun.run(helloRoam, helloEnv);
          check("hello roam", r, hr, "first line: 0 classes touched, checksum 0\ndone\n", problems);
          hRoam.add(hr.firstLineNanos() / 1e6);
          Env.deleteTree(cache);
          cold = ChildRun.run(roam, env);
          Map<String, String> afterCold = listing(cache);
          cacheEntries = afterCold.size();
          warm = ChildRun.run(roam, env);
          Map<String, String> afterWarm = listing(cache);
          if (!afterWarm.equals(afterCold)) {
            problems.add("round " + r + ": the warm run changed the rewrite cache (" + afterCold.size() + " entries before, "
                + afterWarm.size() + " after, or newer files): it rewrote classes again");
          }
        }
      }
      if (expected == null) {
        expected = p.stdout();
      }
      check("plain", r, p, expected, problems);
      check("roam cold", r, cold, expected, problems);
      check("roam warm", r, warm, expected, problems);
      pFirst.add(p.firstLineNanos() / 1e6);
      pExit.add(p.totalNanos() / 1e6);
      cFirst.add(cold.firstLineNanos() / 1e6);
      cExit.add(cold.totalNanos() / 1e6);
      wFirst.add(warm.firstLineNanos() / 1e6);
      wExit.add(warm.totalNanos() / 1e6);
      cRatio.add((double) cold.firstLineNanos() / p.firstLineNanos());
      wRatio.add((double) warm.firstLineNanos() / p.firstLineNanos());
      System.err.printf(Locale.ROOT, "round %d/%d: first line plain %.0f ms, roam cold %.0f ms, roam warm %.0f ms%n", r,
          rounds, p.firstLineNanos() / 1e6, cold.firstLineNanos() / 1e6, warm.firstLineNanos() / 1e6);
    }

    Report rep = new Report("startup-cost", "Start-up: a program of ~1000 classes under Roam vs plain java", args);
    rep.param("program", total + " classes generated and compiled with javax.tools (--release 17): Main → 20 group"
        + " classes → " + classes + " small classes (constructor, 3 methods, a loop each); Main prints its first line"
        + " after touching all of them. Also a 1-class hello (the same Main with no groups) to show the fixed cost");
    rep.param("rounds", rounds + "; each round runs plain, then roam cold + roam warm, or the reverse (alternating)");
    rep.param("plain", "$ " + Env.show(plain));
    rep.param("roam", "$ ROAM_CACHE=" + cache + " " + Env.show(roam));
    rep.param("ROAM_CP", Env.ROAM_CP_NOTE);
    rep.param("cold / warm", "cold: the ROAM_CACHE directory deleted just before; warm: the run right after the cold one"
        + " (rewrite cache entries after a cold run: " + cacheEntries + ")");
    Table t = new Table("variant", "first line ms median [min – max]", "exit ms median [min – max]",
        "first line ÷ plain (medians)", "per-round ratio median [min – max]");
    t.row("plain java", pFirst.summary("%.0f"), pExit.summary("%.0f"), "1.00", "—");
    t.row("roam, cold cache", cFirst.summary("%.0f"), cExit.summary("%.0f"),
        Stats.fmt("%.2f", cFirst.median() / pFirst.median()), cRatio.summary("%.2f"));
    t.row("roam, warm cache", wFirst.summary("%.0f"), wExit.summary("%.0f"),
        Stats.fmt("%.2f", wFirst.median() / pFirst.median()), wRatio.summary("%.2f"));
    t.row("hello (1 class), plain java", hPlain.summary("%.0f"), "—", "1.00 (of hello plain)", "—");
    t.row("hello (1 class), roam, warm cache", hRoam.summary("%.0f"), "—",
        Stats.fmt("%.2f", hRoam.median() / hPlain.median()) + " (of hello plain)", "—");
    rep.table("Time from JVM start to the program's first line on stdout", t);
    rep.note(String.format(Locale.ROOT, "Fixed cost of the roam command (hello, warm): %.0f ms over plain java;"
        + " cost that grows with the program (1000-class program minus hello, roam warm minus plain): %.0f ms warm,"
        + " %.0f ms cold.", hRoam.median() - hPlain.median(),
        (wFirst.median() - hRoam.median()) - (pFirst.median() - hPlain.median()),
        (cFirst.median() - hRoam.median()) - (pFirst.median() - hPlain.median())));
    rep.note("Times are wall clock from just before `ProcessBuilder.start()` to the first newline read from the child's"
        + " standard output (first line) and to its exit (exit). Each run's whole stdout is compared with plain java's.");
    if (!problems.isEmpty()) {
      rep.note("Problems seen:\n\n" + String.join("\n", problems.stream().map(x -> "- " + x).toList()));
    }
    rep.finish();
  }

  private static void check(String side, int round, ChildRun run, String expected, List<String> problems) {
    if (run.exitCode() != 0 || run.firstLineNanos() < 0) {
      problems.add(side + " round " + round + ": " + run.failure());
    } else if (!run.stdout().equals(expected)) {
      problems.add(side + " round " + round + ": stdout differs from plain java's: " + run.firstLine());
    } else if (!run.stderr().isBlank()) {
      problems.add(side + " round " + round + " wrote to stderr: " + run.stderr().strip().lines().findFirst().orElse(""));
    }
  }

  // ------------------------------------------------------------------ the generated program

  /** Writes and compiles the program; returns the number of classes. */
  static int generate(Path src, Path classes, int n) throws IOException {
    List<Path> files = new ArrayList<>();
    int groups = (n + GROUP - 1) / GROUP;
    for (int i = 0; i < n; i++) {
      files.add(write(src, "gen/C" + num(i), smallClass(i)));
    }
    for (int g = 0; g < groups; g++) {
      StringBuilder b = new StringBuilder("package gen;\n\npublic final class G" + num(g) + " {\n"
          + "  public static long touch(int n) {\n    long s = 0;\n");
      for (int i = g * GROUP; i < Math.min(n, (g + 1) * GROUP); i++) {
        b.append("    s += C").append(num(i)).append(".run(n);\n");
      }
      b.append("    return s;\n  }\n}\n");
      files.add(write(src, "gen/G" + num(g), b.toString()));
    }
    StringBuilder m = new StringBuilder("public final class Main {\n  public static void main(String[] args) {\n"
        + "    long s = 0;\n");
    for (int g = 0; g < groups; g++) {
      m.append("    s += gen.G").append(num(g)).append(".touch(20);\n");
    }
    m.append("    System.out.println(\"first line: " + n + " classes touched, checksum \" + s);\n"
        + "    System.out.println(\"done\");\n  }\n}\n");
    files.add(write(src, "Main", m.toString()));
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> opts = new ArrayList<>(List.of("--release", "17", "-nowarn", "-d", classes.toString()));
    files.forEach(f -> opts.add(f.toString()));
    ByteArrayOutputStream diag = new ByteArrayOutputStream();
    int rc = javac.run(null, diag, diag, opts.toArray(String[]::new));
    if (rc != 0) {
      throw new IOException("compiling the generated program failed: " + diag);
    }
    return files.size();
  }

  private static String smallClass(int i) {
    String c = "C" + num(i);
    return "package gen;\n\n"
        + "public final class " + c + " {\n"
        + "  private final int seed;\n"
        + "  private long acc;\n\n"
        + "  " + c + "(int seed) {\n    this.seed = seed;\n  }\n\n"
        + "  private int mix(int x) {\n    return (x * 31 + seed) ^ (x >>> 7);\n  }\n\n"
        + "  long loop(int n) {\n    for (int i = 0; i < n; i++) {\n      acc += mix(i + (int) acc);\n    }\n"
        + "    return acc;\n  }\n\n"
        + "  static String label(long v) {\n    return \"" + c + ":\" + (v & 0xff);\n  }\n\n"
        + "  public static long run(int n) {\n    " + c + " x = new " + c + "(" + i + ");\n"
        + "    return x.loop(n) + label(x.acc).length();\n  }\n}\n";
  }

  private static String num(int i) {
    return String.format(Locale.ROOT, "%04d", i);
  }

  private static Path write(Path src, String name, String text) throws IOException {
    Path f = src.resolve(name + ".java");
    Files.createDirectories(f.getParent());
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(f))) {
      w.print(text);
    }
    return f;
  }

  // ------------------------------------------------------------------ helpers

  /** Relative path → last-modified time and file key (inode) of every file under {@code dir}. */
  private static Map<String, String> listing(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return m;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        java.nio.file.attribute.BasicFileAttributes at =
            Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class);
        m.put(dir.relativize(f).toString(), at.lastModifiedTime() + " " + at.fileKey());
      }
    }
    return m;
  }
}
