package io.roam.sim;

import io.roam.policy.MigrationCost;
import io.roam.policy.spi.PolicyConfig;
import io.roam.policy.spi.PolicyConfigException;
import java.util.Locale;

/**
 * Named migration cost models ({@code migration.cost}): the freeze time {@code fixed + bytes ×
 * perByte} that the simulator charges a preemptive migration and that the age criterion and the
 * cost/benefit guard estimate with. Stateless.
 *
 * <ul>
 *   <li>{@code custom} (default): {@code migration.fixed + bytes / migration.bandwidth}.
 *   <li>{@code harchol-balter-downey-1996}: 0.3 s + bytes / 2 MiB/s, the model of Harchol-Balter
 *       &amp; Downey (1996/97) for the systems of their time.
 *   <li>{@code roam-measured-2026-11}: Roam's measured capture-and-restore round trip
 *       (bench/results/2026-11-27-capture-cost.md and the round trips of commit f8b96dd: 1 KiB 3.7 ms,
 *       1 MiB 5.4 ms, 100 MiB 118 ms, 1 GiB 1 204 ms), fitted as {@value #ROAM_FIXED} s + bytes /
 *       {@value #ROAM_BYTES_PER_SECOND} B/s, plus sending the state over the configured link, {@code
 *       network.latency + bytes / network.bandwidth} (capture, transfer and restore in sequence). The
 *       fit is documented in docs/sim/reproductions.md (section 4).
 *   <li>{@code roam-streamed-2026-11}: a migration as a node makes it, the snapshot streamed to
 *       the destination, which decodes it as it arrives: Roam's measured round trip over a
 *       loopback socket (bench/results/2026-11-27-capture-cost.md, evening run: 1 KiB 1.04 ms,
 *       1 MiB 2.11 ms, 100 MiB 59.8 ms, 1 GiB 570.9 ms), fitted as {@value #STREAM_FIXED} s + bytes
 *       / {@value #STREAM_BYTES_PER_SECOND} B/s, with the link in the pipeline: {@code
 *       network.latency} is added to the fixed part and a link slower than Roam sets the pace
 *       ({@code bytes / min(Roam's rate, network.bandwidth)}). Section 4 of reproductions.md.
 * </ul>
 */
final class MigrationCostProfile {
  /** Fixed part of Roam's measured round trip (s): the mean residual of the 1 KiB and 1 MiB medians. */
  static final double ROAM_FIXED = 0.004;
  /** Throughput of Roam's round trip from 100 MiB to 1 GiB (bytes/s): the slope between the two medians. */
  static final double ROAM_BYTES_PER_SECOND = 0.892e9;
  /** Fixed part of Roam's streamed round trip (s): the mean residual of the 1 KiB and 1 MiB medians. */
  static final double STREAM_FIXED = 0.0013;
  /** Throughput of Roam's streamed round trip from 100 MiB to 1 GiB (bytes/s): the slope between the two medians. */
  static final double STREAM_BYTES_PER_SECOND = 1.896e9;
  /** The names {@code migration.cost} accepts. */
  static final String NAMES = "custom, harchol-balter-downey-1996, roam-measured-2026-11, roam-streamed-2026-11";

  private MigrationCostProfile() {}

  /** The cost model the keys of {@code all} select. */
  static MigrationCost of(PolicyConfig all) {
    String name = all.getString("migration.cost", "custom").trim().toLowerCase(Locale.ROOT);
    switch (name) {
      case "custom":
        return MigrationCost.of(all.getDouble("migration.fixed", 0.3), all.getBytes("migration.bandwidth", 0));
      case "harchol-balter-downey-1996":
        return MigrationCost.of(0.3, 2 << 20);
      case "roam-measured-2026-11":
        return roamMeasured(all.getDouble("network.latency", 0), all.getBytes("network.bandwidth", 0));
      case "roam-streamed-2026-11":
        return roamStreamed(all.getDouble("network.latency", 0), all.getBytes("network.bandwidth", 0));
      default:
        throw new PolicyConfigException("migration.cost = '" + name + "' (" + NAMES + ")");
    }
  }

  /** Roam's measured round trip plus a link of {@code latency} s and {@code bytesPerSecond} (0: none). */
  static MigrationCost roamMeasured(double latency, long bytesPerSecond) {
    double perByte = 1 / ROAM_BYTES_PER_SECOND + (bytesPerSecond > 0 ? 1.0 / bytesPerSecond : 0);
    return new MigrationCost(ROAM_FIXED + latency, perByte);
  }

  /**
   * Roam's streamed round trip over a link of {@code latency} s and {@code bytesPerSecond} (0: as
   * fast as the loopback it was measured on): capture, transfer and restore overlap, so the slower
   * of Roam and the link sets the pace.
   */
  static MigrationCost roamStreamed(double latency, long bytesPerSecond) {
    double rate = bytesPerSecond > 0 ? Math.min(STREAM_BYTES_PER_SECOND, bytesPerSecond) : STREAM_BYTES_PER_SECOND;
    return new MigrationCost(STREAM_FIXED + latency, 1 / rate);
  }
}
