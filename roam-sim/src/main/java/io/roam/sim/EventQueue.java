package io.roam.sim;

import java.util.Arrays;

/**
 * A binary min-heap of timed events on primitive arrays (no allocation per event): each event is a
 * time and a 64-bit payload that the simulation encodes with {@link #payload}. Ties between equal
 * times are resolved arbitrarily but deterministically. Not thread-safe.
 */
final class EventQueue {
  private double[] times = new double[1024];
  private long[] payloads = new long[1024];
  private int size;

  /** Encodes an event of {@code type} (0..15) about {@code a} (0..2^28) and {@code b} (any int). */
  static long payload(int type, int a, int b) {
    return ((long) type << 60) | ((long) a << 32) | (b & 0xffffffffL);
  }

  static int type(long payload) {
    return (int) (payload >>> 60);
  }

  static int a(long payload) {
    return (int) ((payload >>> 32) & 0x0fffffff);
  }

  static int b(long payload) {
    return (int) payload;
  }

  void push(double time, long payload) {
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      payloads = Arrays.copyOf(payloads, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (times[parent] <= time) {
        break;
      }
      times[i] = times[parent];
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = time;
    payloads[i] = payload;
  }

  boolean isEmpty() {
    return size == 0;
  }

  double peekTime() {
    return times[0];
  }

  long peekPayload() {
    return payloads[0];
  }

  /** Removes the earliest event (read it first with {@link #peekTime}/{@link #peekPayload}). */
  void pop() {
    int last = --size;
    double t = times[last];
    long p = payloads[last];
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && times[right] < times[child]) {
        child = right;
      }
      if (t <= times[child]) {
        break;
      }
      times[i] = times[child];
      payloads[i] = payloads[child];
      i = child;
    }
    times[i] = t;
    payloads[i] = p;
  }

  int size() {
    return size;
  }
}
