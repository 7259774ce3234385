package io.roam.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of one benchmark driver: a header (date, JDK, machine, command, parameters), then
 * tables and notes in order. {@link #finish} prints it as plain text to standard output and writes
 * it as Markdown to {@code bench/results/<yyyy-mm-dd>-<name>.md} ({@code -jdkN} before {@code .md}
 * when run on a JDK other than 17). Call order: constructor,
 * {@link #param}s, any {@link #table}/{@link #note}, {@link #finish} once.
 */
final class Report {
  private final String name;
  private final String title;
  private final String[] mainArgs;
  private final Map<String, String> params = new LinkedHashMap<>();
  private final List<Object> body = new ArrayList<>();

  Report(String name, String title, String[] mainArgs) {
    this.name = name;
    this.title = title;
    this.mainArgs = mainArgs;
  }

  void param(String key, Object value) {
    params.put(key, String.valueOf(value));
  }

  void table(String heading, Table t) {
    body.add(new Object[] {heading, t});
  }

  void note(String text) {
    body.add(text);
  }

  /** Prints the report and writes its Markdown file; returns the file. */
  Path finish() throws IOException {
    StringBuilder txt = new StringBuilder();
    StringBuilder md = new StringBuilder();
    md.append("# ").append(title).append("\n\n");
    txt.append("== ").append(title).append(" ==\n");
    for (Map.Entry<String, String> e : header().entrySet()) {
      md.append("- **").append(e.getKey()).append("**: ").append(mdValue(e.getValue())).append('\n');
      txt.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
    }
    md.append('\n');
    txt.append('\n');
    for (Object o : body) {
      if (o instanceof Object[] a) {
        md.append("## ").append(a[0]).append("\n\n").append(((Table) a[1]).markdown()).append('\n');
        txt.append("-- ").append(a[0]).append(" --\n").append(((Table) a[1]).text()).append('\n');
      } else {
        md.append(o).append("\n\n");
        txt.append(o).append("\n\n");
      }
    }
    System.out.print(txt);
    System.out.flush();
    Path dir = Env.resultsDir();
    Files.createDirectories(dir);
    Path file = dir.resolve(LocalDate.now() + "-" + name + jdkSuffix(Runtime.version().feature()) + ".md");
    Files.writeString(file, md);
    System.out.println("report written to " + file);
    return file;
  }

  /**
   * "" on the baseline JDK (17), else "-jdkN": a run on another JDK gets a report of its own
   * instead of overwriting the baseline's of the same day.
   */
  static String jdkSuffix(int feature) {
    return feature == 17 ? "" : "-jdk" + feature;
  }

  private static String mdValue(String v) {
    return v.contains("`") || v.length() < 2 || !v.startsWith("$ ") ? v : "`" + v.substring(2) + "`";
  }

  private Map<String, String> header() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("date", Env.STARTED.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " (start) – "
        + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " (end)");
    h.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        + " (" + System.getProperty("java.vm.vendor") + ", " + System.getProperty("java.home") + ")");
    h.put("machine", Env.machine());
    h.put("load average (1/5/15 min) at start / end", Env.LOAD_AT_START + " / " + Env.loadAverage());
    h.put("command", "$ " + command());
    h.put("where BENCH_CP", "roam-bench/target/classes:$(cat roam-bench/target/classpath.txt), run from a copy taken at start (see roam-bench/run.sh)");
    h.putAll(params);
    return h;
  }

  /** The command line that started this driver, with the class path abbreviated. */
  private String command() {
    List<String> c = new ArrayList<>();
    c.add("java");
    c.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    c.add("-cp");
    c.add("$BENCH_CP");
    c.add(Env.mainClassName());
    c.addAll(List.of(mainArgs));
    return String.join(" ", c);
  }
}
