package io.roam.instrument.runtime;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Stack traces as the program would see them without Roam: frames of a method's rewind twin
 * ({@code name$roam$r$N}, see {@code ContinuationTransformer}) carry the method's own name.
 * Process code's calls of {@code printStackTrace} and {@code getStackTrace} are redirected here.
 */
public final class Traces {
  /** Keep in sync with {@code ContinuationTransformer.TWIN_INFIX}. */
  private static final String TWIN_INFIX = "$roam$r$";

  private Traces() {}

  /** Renames twin frames in {@code t}, its causes and suppressed exceptions. */
  public static void clean(Throwable t) {
    clean(t, new IdentityHashMap<>());
  }

  private static void clean(Throwable t, Map<Throwable, Boolean> seen) {
    if (t == null || seen.put(t, Boolean.TRUE) != null) {
      return;
    }
    StackTraceElement[] st = t.getStackTrace();
    java.util.List<StackTraceElement> out = new java.util.ArrayList<>(st.length);
    boolean changed = false;
    for (int i = 0; i < st.length; i++) {
      String m = st[i].getMethodName();
      int k = m.indexOf(TWIN_INFIX);
      if (k > 0) {
        StackTraceElement e = st[i];
        String name = m.substring(0, k);
        out.add(new StackTraceElement(e.getClassLoaderName(), e.getModuleName(), e.getModuleVersion(),
            e.getClassName(), name, e.getFileName(), e.getLineNumber()));
        changed = true;
        // A resumed method's twin is called from the method's forwarding entry, which has no
        // line number: that frame is Roam's, not the program's.
        if (i + 1 < st.length && st[i + 1].getLineNumber() < 0
            && st[i + 1].getMethodName().equals(name) && st[i + 1].getClassName().equals(e.getClassName())) {
          i++;
        }
      } else {
        out.add(st[i]);
      }
    }
    if (changed) {
      t.setStackTrace(out.toArray(new StackTraceElement[0]));
    }
    clean(t.getCause(), seen);
    for (Throwable s : t.getSuppressed()) {
      clean(s, seen);
    }
  }

  public static void printStackTrace(Throwable t) {
    clean(t);
    t.printStackTrace();
  }

  public static void printStackTrace(Throwable t, PrintStream s) {
    clean(t);
    t.printStackTrace(s);
  }

  public static void printStackTrace(Throwable t, PrintWriter s) {
    clean(t);
    t.printStackTrace(s);
  }

  public static StackTraceElement[] getStackTrace(Throwable t) {
    clean(t);
    return t.getStackTrace();
  }
}
