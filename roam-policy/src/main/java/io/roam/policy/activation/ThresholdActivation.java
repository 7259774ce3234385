package io.roam.policy.activation;

import io.roam.policy.load.LoadEvent;
import io.roam.policy.spi.PolicyConfig;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Thresholds with hysteresis. A node becomes a {@link Role#SENDER} when its load reaches {@code
 * senderOn} and stays one until the load falls to {@code senderOff} or below; it becomes a {@link
 * Role#RECEIVER} when the load falls to {@code receiverOn} and stays one until it reaches {@code
 * receiverOff}. Only the roles allowed by {@code initiation} are ever returned. Evaluated every
 * {@code period} seconds and on the given events.
 *
 * @param initiation which roles may be returned
 * @param senderOn load at or above which a node starts sending
 * @param senderOff load at or below which a sender stops (≤ senderOn)
 * @param receiverOn load at or below which a node starts receiving
 * @param receiverOff load at or above which a receiver stops (≥ receiverOn, &lt; senderOn)
 * @param period seconds between periodic evaluations (infinity: events only)
 * @param events events that trigger an evaluation
 */
public record ThresholdActivation(Initiation initiation, double senderOn, double senderOff, double receiverOn,
    double receiverOff, double period, Set<LoadEvent> events) implements ActivationPolicy {

  /** Checks that the hysteresis bands are ordered. */
  public ThresholdActivation {
    if (senderOff > senderOn || receiverOff < receiverOn || receiverOff >= senderOn || !(period > 0)) {
      throw new IllegalArgumentException("thresholds must satisfy receiverOn <= receiverOff < senderOn,"
          + " senderOff <= senderOn, period > 0; got receiver " + receiverOn + "/" + receiverOff + ", sender "
          + senderOn + "/" + senderOff + ", period " + period);
    }
    events = events.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(events));
  }

  /** A threshold policy with no hysteresis evaluated on every event, as in Eager et al. */
  public static ThresholdActivation simple(Initiation initiation, double sender, double receiver) {
    return new ThresholdActivation(initiation, sender, sender, receiver, receiver, Double.POSITIVE_INFINITY,
        EnumSet.of(LoadEvent.START, LoadEvent.EXIT, LoadEvent.MIGRATION_IN, LoadEvent.MIGRATION_OUT));
  }

  /**
   * From configuration: {@code initiation} (sender|receiver|symmetric), {@code sender-on}, {@code
   * sender-off}, {@code receiver-on}, {@code receiver-off}, {@code period} (default: events only),
   * {@code events} (comma list of start, exit, migration-in, migration-out; default all).
   */
  public static ThresholdActivation fromConfig(PolicyConfig c) {
    double senderOn = c.getDouble("sender-on", 2);
    double receiverOn = c.getDouble("receiver-on", 0);
    return new ThresholdActivation(
        Initiation.valueOf(c.getString("initiation", "sender").toUpperCase(Locale.ROOT)),
        senderOn, c.getDouble("sender-off", senderOn), receiverOn, c.getDouble("receiver-off", receiverOn),
        c.getDouble("period", Double.POSITIVE_INFINITY), parseEvents(c.getString("events", "start,exit,migration-in,migration-out")));
  }

  private static Set<LoadEvent> parseEvents(String list) {
    Set<LoadEvent> out = EnumSet.noneOf(LoadEvent.class);
    for (String s : list.split(",")) {
      if (!s.isBlank()) {
        out.add(LoadEvent.valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
      }
    }
    return out;
  }

  @Override
  public boolean evaluatesOn(LoadEvent event) {
    return events.contains(event);
  }

  @Override
  public Role evaluate(double load, Role previous) {
    if (initiation != Initiation.RECEIVER && isSender(load, previous)) {
      return Role.SENDER;
    }
    if (initiation != Initiation.SENDER && isReceiver(load, previous)) {
      return Role.RECEIVER;
    }
    return Role.NEUTRAL;
  }

  private boolean isSender(double load, Role previous) {
    return load >= senderOn || (previous == Role.SENDER && load > senderOff);
  }

  private boolean isReceiver(double load, Role previous) {
    return load <= receiverOn || (previous == Role.RECEIVER && load < receiverOff);
  }
}
