package io.roam.kernel.snapshot;

/**
 * The heap codec's large buffers ({@link HeapOutput}'s and {@link HeapInput}'s, a few hundred KiB),
 * kept per thread between runs: a node thread that captures or restores processes again and again
 * reuses memory its cache already holds instead of having fresh heap zeroed for every run (for a
 * 1 MiB process, a sixth of its data again). At most {@value #SLOTS} buffers per thread; a buffer is
 * given back only by the run that took it, once it no longer reads or writes it, so nested runs on
 * one thread (a message encoded during a capture) each get their own.
 */
final class CodecBuffers {
  private static final int SLOTS = 2;
  private static final ThreadLocal<byte[][]> KEPT = ThreadLocal.withInitial(() -> new byte[SLOTS][]);

  private CodecBuffers() {}

  /** A buffer of exactly {@code size} bytes, with any content: a kept one if there is one. */
  static byte[] take(int size) {
    byte[][] kept = KEPT.get();
    for (int i = 0; i < SLOTS; i++) {
      byte[] b = kept[i];
      if (b != null && b.length == size) {
        kept[i] = null;
        return b;
      }
    }
    return new byte[size];
  }

  /** Keeps {@code b} for this thread's next {@link #take} of its size, if a slot is free. */
  static void give(byte[] b) {
    byte[][] kept = KEPT.get();
    for (int i = 0; i < SLOTS; i++) {
      if (kept[i] == null) {
        kept[i] = b;
        return;
      }
    }
  }
}
