package io.roam.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The example programs of {@code examples/} (listed in its {@code corpus.txt}) and their plain-java runs. */
final class Corpus {
  /** One program and the exit code it must end with. */
  record Program(String main, int exitCode) {
    @Override
    public String toString() {
      return main;
    }
  }

  /** A plain {@code java} run with its wall time. */
  record Baseline(Jvm.Run run, long millis) {}

  private static final Map<String, Baseline> BASELINES = new ConcurrentHashMap<>();

  private Corpus() {}

  /** Class path holding the examples. */
  static String classPath() {
    URL u = Corpus.class.getClassLoader().getResource("corpus.txt");
    if (u == null) {
      throw new IllegalStateException("examples (corpus.txt) are not on the test class path");
    }
    try {
      if (u.getProtocol().equals("jar")) {
        String s = u.getPath();
        return Path.of(new java.net.URI(s.substring(0, s.indexOf("!/")))).toString();
      }
      return Path.of(u.toURI()).getParent().toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The programs of corpus.txt; {@code -Droam.corpus.only=corpus.A,corpus.B} keeps only those. */
  static List<Program> programs() throws IOException {
    List<String> only = List.of(System.getProperty("roam.corpus.only", "").split(","));
    List<Program> out = new ArrayList<>();
    try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream("corpus.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String l = line.trim();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        String[] parts = l.split("\\s+");
        if (only.equals(List.of("")) || only.contains(parts[0])) {
          out.add(new Program(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 0));
        }
      }
    }
    return out;
  }

  /** The uninterrupted plain-java run of a program (computed once per test JVM). */
  static Baseline baseline(Program p) {
    return BASELINES.computeIfAbsent(p.main(), m -> {
      long t0 = System.nanoTime();
      Jvm.Run r = Jvm.plain(classPath(), m);
      return new Baseline(r, (System.nanoTime() - t0) / 1_000_000);
    });
  }
}
