package io.roam.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A sample of measurements of one quantity: median, min, max and nearest-rank percentiles.
 * Not thread-safe.
 */
final class Stats {
  private final List<Double> values = new ArrayList<>();

  void add(double v) {
    values.add(v);
  }

  int count() {
    return values.size();
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  List<Double> values() {
    return Collections.unmodifiableList(values);
  }

  double median() {
    List<Double> s = sorted();
    int n = s.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  double min() {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  double max() {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  /** Nearest-rank percentile, {@code p} in (0, 100]. */
  double percentile(double p) {
    List<Double> s = sorted();
    if (s.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * s.size());
    return s.get(Math.max(0, Math.min(s.size() - 1, rank - 1)));
  }

  private List<Double> sorted() {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    return s;
  }

  /** "median [min – max]" with the given number format. */
  String summary(String fmt) {
    if (values.isEmpty()) {
      return "—";
    }
    return String.format(Locale.ROOT, fmt + " [" + fmt + " – " + fmt + "]", median(), min(), max());
  }

  static String fmt(String fmt, double v) {
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, fmt, v);
  }
}
