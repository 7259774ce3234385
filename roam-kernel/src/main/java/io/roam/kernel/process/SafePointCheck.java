package io.roam.kernel.process;

import io.roam.instrument.runtime.ContextClass;
import java.lang.StackWalker.StackFrame;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Decides whether the carrier's whole process stack can be unwound now: every frame between the
 * safe point and the process's entry must be process code stopped at one of its resume sites. A
 * platform frame in between (a JDK callback such as a comparator inside {@code List.sort}), a
 * call made while a monitor is held, inside a constructor or a static initializer, or with an
 * uninitialized object on the operand stack — none of those are resume sites — defers the
 * capture.
 */
final class SafePointCheck {
  private static final StackWalker WALKER =
      StackWalker.getInstance(Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE));

  private final ProcessClassLoader loader;

  SafePointCheck(ProcessClassLoader loader) {
    this.loader = loader;
  }

  private boolean isProcessCode(Class<?> c) {
    return c.getClassLoader() == loader && !c.getName().equals(ContextClass.NAME);
  }

  boolean stackIsSafe() {
    return WALKER.walk(this::check);
  }

  private Boolean check(Stream<StackFrame> frames) {
    Iterator<StackFrame> it = frames.iterator();
    boolean inProcess = false;
    while (it.hasNext()) {
      StackFrame f = it.next();
      Class<?> c = f.getDeclaringClass();
      if (c == ProcessRunner.class && f.getMethodName().equals(ProcessRunner.ENTRY)) {
        return inProcess;
      }
      boolean processCode = isProcessCode(c);
      if (!processCode) {
        if (inProcess) {
          return false;
        }
        continue;
      }
      inProcess = true;
      if (!loader.isSafe(c.getName(), f.getMethodName() + f.getDescriptor(), f.getByteCodeIndex())) {
        if (Boolean.getBoolean("roam.debug.safepoint")) {
          System.err.println("[unsafe frame " + c.getName() + "." + f.getMethodName() + f.getDescriptor() + " @" + f.getByteCodeIndex() + "]");
        }
        return false;
      }
    }
    return false;
  }
}
