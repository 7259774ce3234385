package io.roam.kernel;

import io.roam.instrument.runtime.ContextClass;
import io.roam.kernel.image.ProcessImage;
import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.ProcessClassLoader;
import io.roam.kernel.process.ProcessRunner;
import io.roam.kernel.process.ProcessRuntime;
import io.roam.kernel.process.ProcessState;
import io.roam.kernel.process.VirtualConsole;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a program under the kernel inside the test JVM, with its console captured, and freezes it
 * repeatedly: either rewinding in place, or through a snapshot file read back into a new process
 * class loader (a new copy of every class and static).
 */
final class InJvm {
  /** The program's exit was requested; carries the code out of process code. */
  static final class ExitSignal extends Error {
    private static final long serialVersionUID = 1L;
    final int code;

    ExitSignal(int code) {
      super("exit " + code, null, false, false);
      this.code = code;
    }
  }

  /** What a run produced. */
  record Result(String out, String err, int exit, int freezes) {}

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private VirtualConsole console(long o, long e) {
    return new VirtualConsole(out, err, new ByteArrayInputStream(new byte[0]), o, e);
  }

  /**
   * Runs {@code main} from {@code cp}; every {@code everyMicros} (0 = never) requests a capture.
   * With {@code viaSnapshot}, each capture is written to a file in {@code dir} and read back.
   */
  Result run(String cp, String main, String[] args, long everyMicros, boolean viaSnapshot, Path dir)
      throws Exception {
    ProcessClassLoader loader = new ProcessClassLoader(CodeSource.fromClassPath(cp), InJvm.class.getClassLoader());
    ProcessRuntime rt = new ProcessRuntime(loader, ProcessState.fresh(), console(0, 0));
    int freezes = 0;
    String[] a = args;
    while (true) {
      rt.onExit(code -> {
        throw new ExitSignal(code);
      });
      Thread timer = everyMicros > 0 ? timer(rt, everyMicros) : null;
      ProcessRunner.Outcome o = ProcessRunner.run(rt, ProcessRunner.mainMethod(rt.loader(), main), a);
      if (timer != null) {
        timer.interrupt();
        timer.join();
      }
      rt.console().flush();
      if (o instanceof ProcessRunner.Captured) {
        freezes++;
        if (viaSnapshot) {
          Path f = dir.resolve("s" + freezes + ".roam");
          ProcessImage.write(rt, main, f);
          rt = ProcessImage.read(f, InJvm.class.getClassLoader(), this::console).runtime();
          a = null;
        }
        continue;
      }
      int exit = o instanceof ProcessRunner.Exited e ? e.code() : 0;
      if (o instanceof ProcessRunner.Failed f) {
        if (f.error() instanceof ExitSignal s) {
          exit = s.code;
        } else {
          ProcessRunner.printUncaught(f.error(), rt.err(), "main");
          exit = 1;
        }
      }
      rt.console().flush();
      return new Result(out.toString(), err.toString(), exit, freezes);
    }
  }

  private static Thread timer(ProcessRuntime rt, long micros) {
    AtomicInteger n = new AtomicInteger();
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
        n.incrementAndGet();
        rt.requestCapture();
      } catch (InterruptedException e) {
        // the run ended first
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }

  static boolean running(ProcessRuntime rt) {
    return rt.mode() == ContextClass.MODE_RUNNING;
  }
}
