package io.roam.policy.load;

import java.util.EnumSet;
import java.util.Set;

/**
 * When a node measures its load: every {@code period} seconds (on {@link LoadEvent#TICK}) and on
 * each event in {@code events}. Pure: the caller remembers when it last collected.
 *
 * @param period seconds between periodic measurements; infinity disables them
 * @param events the events that trigger a measurement at once
 */
public record CollectionPolicy(double period, Set<LoadEvent> events) {
  /** Copies the event set. */
  public CollectionPolicy {
    if (!(period > 0)) {
      throw new IllegalArgumentException("collection period must be > 0, got " + period);
    }
    events = events.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(events));
  }

  /** Periodic collection only. */
  public static CollectionPolicy periodic(double period) {
    return new CollectionPolicy(period, Set.of());
  }

  /** Periodic collection plus start, exit and both migration events. */
  public static CollectionPolicy periodicAndEvents(double period) {
    return new CollectionPolicy(period, EnumSet.complementOf(EnumSet.of(LoadEvent.TICK)));
  }

  /** Whether to measure now, on {@code event}, having last measured at {@code lastCollected}. */
  public boolean collectOn(LoadEvent event, double now, double lastCollected) {
    if (event == LoadEvent.TICK) {
      return now - lastCollected >= period;
    }
    return events.contains(event);
  }
}
