package io.roam.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every policy set of a configuration at every load (each run seeded from the seed and the load,
 * so all policies at one load see the same arrivals and lifetimes) and formats the results. Runs are
 * independent; {@code threads} of them may run at once without changing any result.
 */
final class Experiment {
  private Experiment() {}

  /** All runs, ordered by load then by policy as configured. */
  static List<RunResult> run(SimConfig cfg, int threads) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<RunResult>> futures = new ArrayList<>();
      for (double load : cfg.loads()) {
        for (PolicySet p : cfg.policies()) {
          futures.add(pool.submit(() -> new Simulation(cfg, p, load).run()));
        }
      }
      List<RunResult> out = new ArrayList<>();
      for (Future<RunResult> f : futures) {
        out.add(get(f));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static RunResult get(Future<RunResult> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      throw new IllegalStateException("simulation run failed: " + c, c);
    }
  }

  static final String[] HEADER = {"policy", "load", "mean response (s)", "± 95 %", "mean slowdown", "mean delay (s)",
    "transfers/proc", "migrations/proc", "probes/proc", "gossip msgs/proc", "wall (s)"};

  /** Columns added when a run has message or file traffic. */
  static final String[] TRAFFIC_HEADER = {"remote msg fraction", "remote msgs/proc", "remote file MiB/proc",
    "file MiB/proc", "stall/proc (s)"};

  /** The header for {@code results}: {@link #HEADER}, plus {@link #TRAFFIC_HEADER} if any has traffic. */
  static String[] header(List<RunResult> results) {
    if (results.stream().noneMatch(RunResult::hasTraffic)) {
      return HEADER;
    }
    String[] h = java.util.Arrays.copyOf(HEADER, HEADER.length + TRAFFIC_HEADER.length);
    System.arraycopy(TRAFFIC_HEADER, 0, h, HEADER.length - 1, TRAFFIC_HEADER.length);
    h[h.length - 1] = HEADER[HEADER.length - 1];
    return h;
  }

  /** One row of cells per result, in {@link #header} order. */
  static List<String[]> rows(List<RunResult> results) {
    boolean traffic = results.stream().anyMatch(RunResult::hasTraffic);
    List<String[]> rows = new ArrayList<>();
    for (RunResult r : results) {
      double m = r.arrivals();
      List<String> row = new ArrayList<>(List.of(r.label(), f("%.2f", r.load()), f("%.4f", r.meanResponse()),
          f("%.4f", r.responseHalfWidth()), f("%.4f", r.meanSlowdown()), f("%.4f", r.meanDelay()),
          f("%.4f", r.transfers() / m), f("%.4f", r.migrations() / m), f("%.3f", r.probes() / m),
          f("%.3f", r.gossip() / m)));
      if (traffic) {
        Traffic.Totals t = r.traffic();
        double mib = 1 << 20;
        row.addAll(List.of(f("%.4f", t.remoteMessageFraction()), f("%.2f", t.remoteMessages() / m),
            f("%.3f", t.remoteFileBytes() / mib / m), f("%.3f", (t.localFileBytes() + t.remoteFileBytes()) / mib / m),
            f("%.4f", t.stallSeconds() / m)));
      }
      row.add(f("%.1f", r.wallSeconds()));
      rows.add(row.toArray(new String[0]));
    }
    return rows;
  }

  /** A Markdown table. */
  static String markdown(String[] header, List<String[]> rows) {
    StringBuilder b = new StringBuilder();
    b.append("| ").append(String.join(" | ", header)).append(" |\n|");
    for (int i = 0; i < header.length; i++) {
      b.append(i == 0 ? "---|" : "---:|");
    }
    b.append('\n');
    for (String[] r : rows) {
      b.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    return b.toString();
  }

  /** A plain-text table with aligned columns. */
  static String text(String[] header, List<String[]> rows) {
    int[] w = new int[header.length];
    List<String[]> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (String[] r : all) {
      for (int i = 0; i < r.length; i++) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] r : all) {
      for (int i = 0; i < r.length; i++) {
        String cell = i == 0 ? pad(r[i], w[i], false) : pad(r[i], w[i], true);
        b.append(cell).append(i + 1 < r.length ? "  " : "\n");
      }
    }
    return b.toString();
  }

  /** Comma-separated values with a header line. */
  static String csv(String[] header, List<String[]> rows) {
    StringBuilder b = new StringBuilder(csvLine(header));
    for (String[] r : rows) {
      b.append(csvLine(r));
    }
    return b.toString();
  }

  private static String csvLine(String[] cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i];
      boolean quote = c.contains(",") || c.contains("\"");
      b.append(i > 0 ? "," : "").append(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
    }
    return b.append('\n').toString();
  }

  private static String pad(String s, int width, boolean right) {
    String sp = " ".repeat(width - s.length());
    return right ? sp + s : s + sp;
  }

  static String f(String format, double v) {
    return String.format(Locale.ROOT, format, v);
  }
}
