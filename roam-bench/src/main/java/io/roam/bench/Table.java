package io.roam.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A table of strings, rendered as aligned plain text (console) or as Markdown. */
final class Table {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... headers) {
    this.headers = Arrays.asList(headers);
  }

  void row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.size());
    }
    rows.add(Arrays.asList(cells));
  }

  String text() {
    int[] w = new int[headers.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = headers.get(i).length();
      for (List<String> r : rows) {
        w[i] = Math.max(w[i], r.get(i).length());
      }
    }
    StringBuilder b = new StringBuilder();
    line(b, headers, w);
    StringBuilder rule = new StringBuilder();
    for (int x : w) {
      rule.append("-".repeat(x)).append("  ");
    }
    b.append(rule.toString().stripTrailing()).append('\n');
    for (List<String> r : rows) {
      line(b, r, w);
    }
    return b.toString();
  }

  private static void line(StringBuilder b, List<String> cells, int[] w) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      String c = cells.get(i);
      l.append(c).append(" ".repeat(w[i] - c.length())).append("  ");
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }

  String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("| ").append(String.join(" | ", headers)).append(" |\n");
    b.append("|").append("---|".repeat(headers.size())).append('\n');
    for (List<String> r : rows) {
      b.append("| ").append(String.join(" | ", r.stream().map(c -> c.replace("|", "\\|")).toList()))
          .append(" |\n");
    }
    return b.toString();
  }
}
