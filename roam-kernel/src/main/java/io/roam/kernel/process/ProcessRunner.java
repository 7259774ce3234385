package io.roam.kernel.process;

import io.roam.instrument.runtime.Continuation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the main virtual thread of one process on a carrier thread until it ends or is captured.
 * {@link #ENTRY} is the frame at which the kernel's stack check stops: everything above it
 * belongs to the process.
 */
public final class ProcessRunner {
  /** Name of the entry method; the stack check looks for it. */
  static final String ENTRY = "enter";
  /** Stack size of carrier threads: instrumented frames are larger than plain ones. */
  public static final long CARRIER_STACK = 256L << 20;

  /** How a run of the process ended. */
  public sealed interface Outcome permits Exited, Captured, Failed {}

  /** The process's main method returned, or it called {@code System.exit}. */
  public record Exited(int code) implements Outcome {}

  /** The process was unwound at a safe point; its frames are in the main continuation. */
  public record Captured(long timeToSafePointNanos) implements Outcome {}

  /** The process's main method threw. */
  public record Failed(Throwable error) implements Outcome {}

  /** Allocated up front: the outcome when the carrier could not even allocate its own. */
  private static final Failed OUT_OF_MEMORY =
      new Failed(new OutOfMemoryError("Java heap space (the kernel could not record the error)"));

  private ProcessRunner() {}

  /** Finds {@code public static void main(String[])} of the process's main class. */
  public static MethodHandle mainMethod(ProcessClassLoader loader, String mainClass)
      throws ReflectiveOperationException {
    return loader.mainMethod(mainClass);
  }

  /** Looks up {@code main(String[])} of {@code mainClass} (see {@link ProcessClassLoader#mainMethod}). */
  static MethodHandle findMain(ProcessClassLoader loader, String mainClass) throws ReflectiveOperationException {
    Class<?> c = Class.forName(mainClass, false, loader);
    MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(c, MethodHandles.lookup());
    return lookup.findStatic(c, "main", MethodType.methodType(void.class, String[].class));
  }

  /**
   * Runs (or, when the continuation holds captured frames, resumes) the process on a new carrier
   * thread and waits for the outcome.
   */
  public static Outcome run(ProcessRuntime runtime, MethodHandle main, String[] args) {
    CompletableFuture<Outcome> result = new CompletableFuture<>();
    Thread carrier = new Thread(null, () -> {
      // runOnCarrier catches everything the process throws; this catches what escapes even that
      // (an OutOfMemoryError while building the outcome), so that the caller never waits forever.
      Outcome o = null;
      try {
        o = runOnCarrier(runtime, main, args);
      } catch (Throwable t) {
        o = new Failed(t);
      } finally {
        result.complete(o != null ? o : OUT_OF_MEMORY);
      }
    }, "roam-carrier", CARRIER_STACK);
    carrier.start();
    return result.join();
  }

  /**
   * Thrown by an exit handler to end the process with a code: unwinds process code (without
   * running its finally blocks' effects on the outcome) to the entry, where it becomes {@link
   * Exited}. Process code that catches {@code Throwable} can intercept it, as it could not a real
   * {@code System.exit}; the kernel documents that.
   */
  public static final class ProcessExit extends Error {
    private static final long serialVersionUID = 1L;
    /** The exit code. */
    public final int code;

    public ProcessExit(int code) {
      super("exit " + code, null, false, false);
      this.code = code;
    }
  }

  /**
   * Runs (or resumes) the process on the calling thread, which must have a large enough stack
   * (see {@link #CARRIER_STACK}): what the node scheduler's workers do.
   */
  public static Outcome runHere(ProcessRuntime runtime, MethodHandle main, String[] args) {
    return runOnCarrier(runtime, main, args);
  }

  /** The virtual threads of the process take turns on this carrier ({@link ProcessThreads}). */
  private static Outcome runOnCarrier(ProcessRuntime runtime, MethodHandle main, String[] args) {
    try {
      return runtime.threads().run(main, args);
    } finally {
      Continuation.bind(null);
    }
  }

  /** The process's entry frame (see {@link SafePointCheck}): the main thread. */
  static void enter(MethodHandle main, String[] args) throws Throwable {
    main.invokeExact(args);
  }

  /** The entry frame of a process thread whose class overrides {@code run()}. */
  static void enter(Thread t) {
    t.run();
  }

  /** The entry frame of a process thread made with a target {@code Runnable}. */
  static void enter(Runnable target) {
    target.run();
  }

  /**
   * Prints an uncaught exception as the JVM's default handler would for thread "main", without
   * the kernel's frames below the process's entry.
   */
  public static void printUncaught(Throwable t, java.io.PrintStream err, String threadName) {
    io.roam.instrument.runtime.Traces.clean(t);
    trim(t, new java.util.IdentityHashMap<>());
    err.print("Exception in thread \"" + threadName + "\" ");
    t.printStackTrace(err);
    err.flush();
  }

  private static void trim(Throwable t, java.util.Map<Throwable, Boolean> seen) {
    if (t == null || seen.put(t, Boolean.TRUE) != null) {
      return;
    }
    StackTraceElement[] st = t.getStackTrace();
    List<StackTraceElement> kept = new ArrayList<>();
    for (StackTraceElement e : st) {
      if (e.getClassName().equals(ProcessRunner.class.getName()) && e.getMethodName().equals(ENTRY)) {
        break;
      }
      kept.add(e);
    }
    while (!kept.isEmpty() && isHiddenPlumbing(kept.get(kept.size() - 1))) {
      kept.remove(kept.size() - 1);
    }
    if (kept.size() != st.length) {
      t.setStackTrace(kept.toArray(StackTraceElement[]::new));
    }
    trim(t.getCause(), seen);
    for (Throwable s : t.getSuppressed()) {
      trim(s, seen);
    }
  }

  private static boolean isHiddenPlumbing(StackTraceElement e) {
    String c = e.getClassName();
    return c.startsWith("java.lang.invoke.") || c.startsWith("jdk.internal.");
  }
}
