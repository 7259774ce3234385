package io.roam.sim;

/**
 * The outcome of one simulation run: one policy at one load.
 *
 * @param policy the policy set's name
 * @param label the policy set's label for tables and plots
 * @param load offered load per node (utilisation without sharing)
 * @param meanResponse mean response time of the measured processes (s)
 * @param responseHalfWidth half-width of its 95 % confidence interval, by batch means
 * @param meanSlowdown mean of response time ÷ lifetime
 * @param meanDelay mean of response time − lifetime (queueing, transfer and migration)
 * @param arrivals processes that arrived during the run (the per-process rates divide by it)
 * @param measured processes measured
 * @param transfers placements on another node (remote execution)
 * @param migrations preemptive migrations
 * @param probes load probes sent
 * @param gossip load messages pushed by dissemination (gossip, broadcast)
 * @param events events processed
 * @param simulatedTime simulated seconds
 * @param wallSeconds wall-clock seconds the run took
 * @param traffic message and file traffic totals (all zero without traffic)
 */
record RunResult(String policy, String label, double load, double meanResponse, double responseHalfWidth,
    double meanSlowdown, double meanDelay, long arrivals, long measured, long transfers, long migrations,
    long probes, long gossip, long events, double simulatedTime, double wallSeconds, Traffic.Totals traffic) {

  /** Whether the run had message or file traffic. */
  boolean hasTraffic() {
    Traffic.Totals t = traffic;
    return t.localMessages() + t.remoteMessages() + t.localFileBytes() + t.remoteFileBytes() > 0;
  }
}
