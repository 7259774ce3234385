package io.roam.sim;

/**
 * Accumulates the measured processes' response time, slowdown and delay, in {@value #BATCHES}
 * consecutive batches (by completion order) so that a confidence interval can be given by batch
 * means. Call {@link #record} once per measured completion, then read the results. Not thread-safe.
 */
final class Metrics {
  static final int BATCHES = 20;
  private final long batchSize;
  private final double[] batchResponse = new double[BATCHES];
  private final long[] batchCount = new long[BATCHES];
  private double sumResponse;
  private double sumSlowdown;
  private double sumDelay;
  private long count;

  /** Metrics for {@code expected} measured completions. */
  Metrics(long expected) {
    this.batchSize = Math.max(1, (expected + BATCHES - 1) / BATCHES);
  }

  void record(double response, double work) {
    int b = (int) Math.min(BATCHES - 1, count / batchSize);
    batchResponse[b] += response;
    batchCount[b]++;
    sumResponse += response;
    sumSlowdown += response / work;
    sumDelay += response - work;
    count++;
  }

  long count() {
    return count;
  }

  double meanResponse() {
    return sumResponse / count;
  }

  double meanSlowdown() {
    return sumSlowdown / count;
  }

  double meanDelay() {
    return sumDelay / count;
  }

  /** Half-width of the 95 % confidence interval of the mean response time, by batch means. */
  double responseHalfWidth() {
    int k = 0;
    double sum = 0;
    double sumSq = 0;
    for (int b = 0; b < BATCHES; b++) {
      if (batchCount[b] > 0) {
        double m = batchResponse[b] / batchCount[b];
        sum += m;
        sumSq += m * m;
        k++;
      }
    }
    if (k < 2) {
      return Double.NaN;
    }
    double mean = sum / k;
    double var = (sumSq - k * mean * mean) / (k - 1);
    return 2.093 * Math.sqrt(Math.max(0, var) / k);
  }
}
