package io.roam.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the drivers find things (the repository, the java binary, the {@code roam} command's class
 * path) and what they record about the machine. The repository root is {@code -Droam.home}, else
 * the first directory upwards from the working directory that holds {@code roam-cli/}.
 */
final class Env {
  /** The java options of every JVM that runs the kernel, as the {@code roam} script passes them. */
  static List<String> opens() {
    return List.of("@" + home().resolve("jvm.opens"));
  }

  /** Load average when the driver started (Env is the first class each driver uses). */
  static final String LOAD_AT_START = loadAverage();
  /** When the driver started. */
  static final java.time.ZonedDateTime STARTED = java.time.ZonedDateTime.now();

  private Env() {}

  /** Deletes a directory tree (nothing if it does not exist). */
  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (java.util.stream.Stream<Path> s = Files.walk(p)) {
      for (Path x : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(x);
      }
    }
  }

  /**
   * Writes the class file of {@code cls} from the bench class path under {@code dir} (package
   * directories made), so that a workload runs under Roam from a directory holding only it.
   */
  static void copyClass(Path dir, String cls) throws IOException {
    String res = cls.replace('.', '/') + ".class";
    Path f = dir.resolve(res);
    Files.createDirectories(f.getParent());
    try (InputStream in = Env.class.getClassLoader().getResourceAsStream(res)) {
      if (in == null) {
        throw new IOException(res + " is not on the bench class path");
      }
      Files.copy(in, f);
    }
  }

  static Path home() {
    String p = System.getProperty("roam.home");
    if (p != null) {
      return Path.of(p).toAbsolutePath().normalize();
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("roam-cli")) && Files.isRegularFile(d.resolve("roam"))) {
        return d;
      }
    }
    throw new IllegalStateException("cannot find the Roam repository: run from it or pass -Droam.home=DIR");
  }

  static Path resultsDir() {
    String p = System.getProperty("bench.results");
    return p != null ? Path.of(p) : home().resolve("bench").resolve("results");
  }

  /** The java binary of this JVM: child JVMs on both sides of a comparison use the same one. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String roamClassPath;

  /**
   * Class path of the roam command: roam-cli/target/classes + roam-cli/target/classpath.txt, copied
   * once into a temporary directory (deleted at exit), so that colleagues rebuilding the modules
   * while a driver runs cannot swap jars under the JVMs it starts.
   */
  static synchronized String roamClassPath() {
    if (roamClassPath != null) {
      return roamClassPath;
    }
    Path cli = home().resolve("roam-cli").resolve("target");
    try {
      List<Path> parts = new ArrayList<>();
      parts.add(cli.resolve("classes"));
      for (String e : Files.readString(cli.resolve("classpath.txt")).trim().split(java.io.File.pathSeparator)) {
        if (!e.isEmpty()) {
          parts.add(Path.of(e));
        }
      }
      Path copy = Files.createTempDirectory("roam-bench-roamcp");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(copy)));
      List<String> out = new ArrayList<>();
      int i = 0;
      for (Path p : parts) {
        Path dst = copy.resolve(i++ + "-" + p.getFileName());
        copyTree(p, dst);
        out.add(dst.toString());
      }
      roamClassPath = String.join(java.io.File.pathSeparator, out);
      return roamClassPath;
    } catch (IOException e) {
      throw new UncheckedIOException("roam-cli is not built (" + cli + "/classpath.txt): run mvn install", e);
    }
  }

  private static void copyTree(Path src, Path dst) throws IOException {
    try (java.util.stream.Stream<Path> s = Files.walk(src)) {
      for (Path f : (Iterable<Path>) s::iterator) {
        Path t = dst.resolve(src.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.createDirectories(t.getParent());
          Files.copy(f, t);
        }
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory: the OS cleans up what is left
    }
  }

  /** {@code java <opens> -cp <roam cp> io.roam.cli.RoamCommand}, as the roam script runs it. */
  static List<String> roamCommand() {
    List<String> c = new ArrayList<>();
    c.add(java());
    c.addAll(opens());
    c.add("-cp");
    c.add(roamClassPath());
    c.add("io.roam.cli.RoamCommand");
    return c;
  }

  /** A command for the report, with the roam class path abbreviated. */
  static String show(List<String> command) {
    String cp = roamClassPath();
    List<String> out = new ArrayList<>();
    for (String s : command) {
      out.add(s.equals(cp) ? "$ROAM_CP" : s.contains(" ") ? "'" + s + "'" : s);
    }
    return String.join(" ", out);
  }

  static final String ROAM_CP_NOTE = "roam-cli/target/classes:$(cat roam-cli/target/classpath.txt), copied to a"
      + " temporary directory when the driver starts (colleagues rebuild modules concurrently); the java options"
      + " (@jvm.opens) are those of the ./roam script";

  static String machine() {
    return Runtime.getRuntime().availableProcessors() + " CPUs (nproc " + run("nproc").trim() + "), "
        + cpuModel() + ", " + memTotal() + " RAM, " + System.getProperty("os.name") + " "
        + System.getProperty("os.version") + " " + System.getProperty("os.arch");
  }

  private static String cpuModel() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (l.startsWith("model name")) {
          return l.substring(l.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // not Linux: fall through
    }
    return "unknown CPU";
  }

  private static String memTotal() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (l.startsWith("MemTotal:")) {
          long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
          return String.format(java.util.Locale.ROOT, "%.1f GiB", kb / 1048576.0);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: fall through
    }
    return "unknown";
  }

  static String loadAverage() {
    try {
      String[] p = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return p[0] + " " + p[1] + " " + p[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String run(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      try (InputStream in = p.getInputStream()) {
        String s = new String(in.readAllBytes());
        p.waitFor();
        return s;
      }
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  static String mainClassName() {
    String c = System.getProperty("sun.java.command", "?");
    int sp = c.indexOf(' ');
    return sp < 0 ? c : c.substring(0, sp);
  }

  /** {@code --key value} pairs and {@code --flag}s; anything else is an error. */
  static Map<String, String> args(String[] args, String usage) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        System.out.println(usage);
        System.exit(0);
      }
      if (!a.startsWith("--")) {
        System.err.println("unexpected argument " + a + "\n" + usage);
        System.exit(2);
      }
      if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        m.put(a.substring(2), args[++i]);
      } else {
        m.put(a.substring(2), "true");
      }
    }
    return m;
  }
}
