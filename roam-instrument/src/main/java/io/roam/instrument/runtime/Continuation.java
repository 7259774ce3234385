package io.roam.instrument.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The captured call stack of one virtual thread of a process.
 *
 * <p>Lifecycle: empty while the thread runs. During unwinding each instrumented frame, innermost
 * first, calls {@link #push}; the list then holds the stack from innermost (index 0) to outermost.
 * Before rewinding the kernel calls {@link #beginRewind}; each instrumented frame, outermost first,
 * calls {@link #next} with its own method key, which is checked. {@link #peekSelf} gives the caller
 * the receiver of the frame it is about to re-invoke. Not thread-safe: a process runs on one
 * carrier at a time.
 */
public final class Continuation {
  /** Frames, innermost first. */
  private final List<Frame> frames = new ArrayList<>();
  /** Index of the next frame to hand out while rewinding; counts down to 0. */
  private int cursor = -1;
  /** The continuation running on each carrier thread; set by the kernel around each run. */
  private static final ThreadLocal<Continuation> CURRENT = new ThreadLocal<>();
  /** Values of the process's thread locals for this virtual thread (see {@link VThreadLocal}). */
  private java.util.Map<Object, Object> threadLocals = new java.util.IdentityHashMap<>();
  /** State that the innermost kernel call (a blocking virtual system call) keeps across a capture. */
  public Object syscallState;
  /**
   * {@code System.nanoTime()} at which the last rewind handed out its innermost frame (the thread's
   * own code runs again from there), 0 while a rewind is under way; for measurements only.
   */
  private long rewoundAt;

  /** The continuation the calling carrier thread is running now. */
  public static Continuation current() {
    Continuation c = CURRENT.get();
    if (c == null) {
      throw new IllegalStateException("no Roam process runs on thread " + Thread.currentThread().getName());
    }
    return c;
  }

  /** Binds this continuation to the calling carrier thread (null unbinds). */
  public static void bind(Continuation c) {
    if (c == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(c);
    }
  }

  /** Thread-local values of this virtual thread (identity keys). */
  public java.util.Map<Object, Object> threadLocals() {
    return threadLocals;
  }

  /** Called by instrumented code: records a new frame for the activation being unwound. */
  public static Frame push(Continuation c, String method, int site, int prims, int refs) {
    Frame f = new Frame(method, site, prims, refs);
    c.frames.add(f);
    return f;
  }

  /** Called by instrumented code at method entry while rewinding: the frame for this activation. */
  public static Frame next(Continuation c, String method) {
    if (c.cursor <= 0) {
      throw new CaptureStateException("no captured frame left for " + method);
    }
    Frame f = c.frames.get(--c.cursor);
    if (c.cursor == 0) {
      c.rewoundAt = System.nanoTime();
    }
    if (!f.method.equals(method)) {
      throw new CaptureStateException(
          "captured frame " + f.method + " cannot resume in " + method + " (code differs)");
    }
    return f;
  }

  /** The receiver of the frame that the current rewinding frame is about to re-invoke. */
  public static Object peekSelf(Continuation c) {
    if (c.cursor <= 0) {
      throw new CaptureStateException("no callee frame left to re-invoke");
    }
    return c.frames.get(c.cursor - 1).self;
  }

  /** Starts rewinding from the outermost frame. */
  public void beginRewind() {
    cursor = frames.size();
    rewoundAt = 0;
  }

  /**
   * When the last rewind of this continuation ended ({@code System.nanoTime()} of this JVM), or 0
   * while one is under way. A value decoded from a snapshot came from another JVM's clock and is
   * meaningless until the next rewind ends.
   */
  public long rewoundAtNanos() {
    return rewoundAt;
  }

  /** True while frames remain to be handed out by {@link #next}. */
  public boolean rewinding() {
    return cursor > 0;
  }

  /** Drops all frames (after a completed rewind, or to abandon a capture). */
  public void clear() {
    frames.clear();
    cursor = -1;
  }

  /** The captured frames, innermost first (live view). */
  public List<Frame> frames() {
    return frames;
  }

  /** True when no frame is held. */
  public boolean isEmpty() {
    return frames.isEmpty();
  }
}
