package io.roam.kernel;

import io.roam.instrument.sandbox.SandboxViolationException;
import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.ProcessClassLoader;
import io.roam.kernel.process.ProcessRunner;
import io.roam.kernel.process.ProcessRuntime;
import io.roam.kernel.process.ProcessState;
import io.roam.kernel.process.VirtualConsole;
import io.roam.kernel.image.ProcessImage;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Single-node, single-process Roam: runs one program under the kernel in this JVM, and optionally
 * freezes it after a delay into a snapshot file, or resumes one. What {@code roam local} does.
 *
 * <p>The program's own output goes to this JVM's standard streams exactly as {@code java} would
 * write it; Roam's messages go to {@link #log} (standard error) only.
 */
public final class LocalKernel {
  /** What happened to the process. */
  public sealed interface Result permits Exited, Frozen, NoSnapshot {}

  /** The program ended with this exit code. */
  public record Exited(int code) implements Result {}

  /** The program was frozen and its snapshot written. */
  public record Frozen(Path snapshot, long bytes, long timeToSafePointNanos, long captureNanos, String where)
      implements Result {}

  /** The program ended (with this code) before the freeze: no snapshot was written. */
  public record NoSnapshot(int code) implements Result {}

  private final PrintStream log;

  public LocalKernel(PrintStream log) {
    this.log = log;
  }

  /** Loads a program's class path and prepares its first run. */
  public Prepared prepare(String classPath, String mainClass, String[] args) throws IOException, RoamException {
    CodeSource code;
    try {
      code = CodeSource.fromClassPath(classPath);
    } catch (IOException e) {
      throw new RoamException("cannot read class path " + classPath + ": " + e.getMessage(), e);
    }
    ProcessClassLoader loader = new ProcessClassLoader(code, LocalKernel.class.getClassLoader());
    ProcessRuntime runtime = new ProcessRuntime(loader, ProcessState.fresh(), new VirtualConsole(0, 0));
    return new Prepared(runtime, mainClass, args);
  }

  /** Reads a snapshot and prepares the process's resumption in this JVM. */
  public Prepared prepareResume(Path snapshot) throws IOException, RoamException {
    if (!java.nio.file.Files.isRegularFile(snapshot)) {
      throw new RoamException("snapshot " + snapshot + " does not exist or is not a file");
    }
    ProcessImage.Restored r = ProcessImage.read(snapshot, LocalKernel.class.getClassLoader());
    return new Prepared(r.runtime(), r.mainClass(), null);
  }

  /** A process ready to run or resume. */
  public final class Prepared {
    private final ProcessRuntime runtime;
    private final String mainClass;
    private final String[] args;

    Prepared(ProcessRuntime runtime, String mainClass, String[] args) {
      this.runtime = runtime;
      this.mainClass = mainClass;
      this.args = args;
    }

    public ProcessRuntime runtime() {
      return runtime;
    }

    /**
     * Runs until the program ends, or — when {@code freezeAfter} is given — until that much time
     * has passed, then captures it into {@code snapshot}.
     */
    public Result run(Duration freezeAfter, Path snapshot) throws IOException, RoamException {
      MethodHandle main;
      try {
        main = ProcessRunner.mainMethod(runtime.loader(), mainClass);
      } catch (ReflectiveOperationException e) {
        throw new RoamException("main class " + mainClass + " has no public static void main(String[])"
            + " on the class path; check --cp and the class name", e);
      } catch (SandboxViolationException e) {
        throw refused(e);
      }
      Thread timer = freezeAfter == null ? null : startTimer(freezeAfter);
      runtime.onExit(code -> {
        runtime.console().flush();
        if (freezeAfter != null) {
          log.println("roam: the program exited with code " + code + " before the freeze; no snapshot written");
        }
        Runtime.getRuntime().halt(code);
      });
      ProcessRunner.Outcome o;
      while ((o = ProcessRunner.run(runtime, main, args)) instanceof ProcessRunner.Captured c) {
        runtime.console().flush();
        long t0 = System.nanoTime();
        var frames = runtime.state().mainContinuation.frames();
        String where = frames.isEmpty() ? "?" : frames.get(0).method;
        try {
          long bytes = ProcessImage.write(runtime, mainClass, snapshot);
          return new Frozen(snapshot, bytes, c.timeToSafePointNanos(), System.nanoTime() - t0, where);
        } catch (RoamException | IOException e) {
          log.println("roam: the freeze failed, the program continues here: " + e.getMessage().replace('\n', ' '));
        }
      }
      if (timer != null) {
        timer.interrupt();
      }
      runtime.console().flush();
      // (a process whose main thread died while other threads ran on ends with 1, like java)
      int code = o instanceof ProcessRunner.Exited e ? e.code() : 0;
      if (o instanceof ProcessRunner.Failed f) {
        SandboxViolationException refusal = sandboxCause(f.error());
        if (refusal != null) {
          throw refused(refusal);
        }
        ProcessRunner.printUncaught(f.error(), runtime.err(), runtime.state().mainThread.getName());
        code = 1;
      }
      if (freezeAfter != null) {
        log.println("roam: the program ended with code " + code + " before the freeze; no snapshot written");
        return new NoSnapshot(code);
      }
      return new Exited(code);
    }

    /**
     * A class of the program was refused by the sandbox: the exception's message has one line per
     * violation ({@code sandbox: …}), unlike other {@link RoamException}s.
     */
    private RoamException refused(SandboxViolationException e) {
      runtime.console().flush();
      return new RoamException(e.getMessage(), e);
    }

    private static SandboxViolationException sandboxCause(Throwable t) {
      for (int depth = 0; t != null && depth < 32; t = t.getCause(), depth++) {
        if (t instanceof SandboxViolationException s) {
          return s;
        }
      }
      return null;
    }

    private Thread startTimer(Duration d) {
      Thread t = new Thread(() -> {
        try {
          Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
          return;
        }
        runtime.requestCapture();
      }, "roam-freeze-timer");
      t.setDaemon(true);
      t.start();
      return t;
    }
  }
}
