package io.roam.kernel.process;

import io.roam.instrument.runtime.Continuation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The kernel-held state of one process that is not in its own heap or statics and must travel
 * with it: the main virtual thread's continuation and {@code Thread} object, the virtual clock,
 * the identity-hash generator, the generator behind {@code Math.random}, and which classes have
 * been initialized (in order). Owned by the carrier running the process.
 */
public final class ProcessState {
  /** Frames of the main virtual thread while captured, and its thread-local values. */
  public final Continuation mainContinuation;
  /** What {@code Thread.currentThread()} returns in process code. */
  public final Thread mainThread;
  /** The process's clocks. */
  public final VirtualClock clock;
  /** Classes whose initializer has run, in order. */
  final List<String> initialized = new ArrayList<>();
  /** Generator behind {@code Math.random()}, created on first use. */
  Random mathRandom;
  /** State of the identity hash generator (xorshift; never 0). */
  private int hashState;
  /**
   * Kernel resources of the process that travel in its snapshot (open files, mailbox, threads …),
   * by a key that names the subsystem owning them. Values must be plain data the heap codec
   * accepts (process objects, allowlisted JDK types, arrays); each subsystem converts its live
   * objects to that form before a capture ({@link ResourceHook#beforeCapture}) and reads its key
   * back when it attaches to a restored process.
   */
  private final java.util.Map<String, Object> resources = new java.util.LinkedHashMap<>();
  /** Subsystems that keep resources of this process, called around capture and restore. */
  private final List<ResourceHook> hooks = new ArrayList<>();

  /** A kernel subsystem that keeps per-process state in {@link #resources()}. */
  public interface ResourceHook {
    /** Called on the carrier after the process has unwound, before its image is written. */
    void beforeCapture(ProcessState state);
  }

  public ProcessState(Continuation main, String threadName, VirtualClock clock, int hashSeed) {
    this.mainContinuation = main;
    this.mainThread = new Thread(null, null, threadName, 0, false);
    this.clock = clock;
    this.hashState = hashSeed == 0 ? 0x2545F491 : hashSeed;
  }

  /** A new process with fresh clocks. */
  public static ProcessState fresh() {
    return new ProcessState(new Continuation(), "main", VirtualClock.start(), 0x2545F491);
  }

  int nextIdentityHash() {
    int h;
    do {
      int x = hashState;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      hashState = x;
      h = x & 0x7FFFFFFF;
    } while (h == 0);
    return h;
  }

  public int hashState() {
    return hashState;
  }

  public Random mathRandom() {
    return mathRandom;
  }

  public void mathRandom(Random r) {
    this.mathRandom = r;
  }

  public List<String> initialized() {
    return initialized;
  }

  /** The process's kernel resources by subsystem key (see the field's comment). */
  public java.util.Map<String, Object> resources() {
    return resources;
  }

  /** Registers a subsystem hook (once per subsystem per process). */
  public void addHook(ResourceHook h) {
    hooks.add(h);
  }

  /** Hooks in registration order. */
  public List<ResourceHook> hooks() {
    return hooks;
  }
}
