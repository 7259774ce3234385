package io.roam.kernel.image;

import io.roam.instrument.runtime.Combinators;
import io.roam.instrument.runtime.VThread;
import io.roam.instrument.runtime.VThreadLocal;
import io.roam.instrument.runtime.files.FileProxies;
import io.roam.instrument.runtime.files.FileProxy;
import io.roam.instrument.runtime.files.VInputStreamReader;
import io.roam.instrument.runtime.files.VOutputStreamWriter;
import io.roam.kernel.process.ProcessClassLoader;
import io.roam.kernel.process.ProcessRuntime;
import io.roam.kernel.process.ProcessThreads;
import io.roam.kernel.process.VirtualConsole;
import io.roam.kernel.snapshot.HeapPolicy;
import java.util.Map;
import java.util.Set;

/**
 * The heap policy of one process: its classes are those of its loader; its console streams, its
 * main virtual thread, the JVM's {@code Runtime} and the process's file objects (by kind and
 * kernel handle, see {@link FileProxy}) are re-bound by name in the resuming JVM; the
 * kernel's own {@link VThreadLocal}, its stream reader and writer ({@link VInputStreamReader},
 * {@link VOutputStreamWriter}) and the {@link Combinators} objects are vetted for field
 * copying (the identity functions among them are re-bound by name); so are process threads
 * ({@link VThread} and its subclasses) and the kernel's thread and monitor table.
 */
final class ProcessHeapPolicy implements HeapPolicy {
  static final String MAIN_THREAD = "thread:main";
  static final String RUNTIME = "jvm:runtime";
  /** The process's file interface. */
  static final String FILES = "kernel:files";
  /** Prefix of a process file object's name: re-created over its reopened handle. */
  static final String FILE_PREFIX = "file:";
  static final String PID_NONE = "api:pid-none";

  /** The identity functions of {@link Combinators}, one per JVM, as the JDK's are. */
  private static final Map<String, Object> SINGLETONS = Map.of(
      "fn:Function.identity", Combinators.FUNCTION_IDENTITY,
      "fn:UnaryOperator.identity", Combinators.UNARY_IDENTITY,
      "fn:IntUnaryOperator.identity", Combinators.INT_IDENTITY,
      "fn:LongUnaryOperator.identity", Combinators.LONG_IDENTITY,
      "fn:DoubleUnaryOperator.identity", Combinators.DOUBLE_IDENTITY);

  private final ProcessClassLoader loader;
  private final ProcessRuntime runtime;
  /** Computes the literal strings when first asked (only capture asks). */
  private final java.util.function.Supplier<Set<String>> literalSource;

  private Set<String> literals;

  ProcessHeapPolicy(ProcessClassLoader loader, ProcessRuntime runtime,
      java.util.function.Supplier<Set<String>> literals) {
    this.loader = loader;
    this.runtime = runtime;
    this.literalSource = literals;
  }

  @Override
  public boolean isProcessClass(Class<?> c) {
    return c.getClassLoader() == loader;
  }

  @Override
  public Class<?> resolve(String className) throws ClassNotFoundException {
    return Class.forName(className, false, loader);
  }

  @Override
  public String canonicalName(Object o) {
    VirtualConsole c = runtime.console();
    if (c.isOut(o)) {
      return VirtualConsole.OUT;
    }
    if (c.isErr(o)) {
      return VirtualConsole.ERR;
    }
    if (o == c.in()) {
      return VirtualConsole.IN;
    }
    if (o == runtime.state().mainThread) {
      return MAIN_THREAD;
    }
    if (o == Runtime.getRuntime()) {
      return RUNTIME;
    }
    if (o instanceof FileProxy f && f.fileService() == runtime.files()) {
      return FILE_PREFIX + f.proxyKey();
    }
    if (o == runtime.files()) {
      return FILES;
    }
    if (o == io.roam.api.Pid.NONE) {
      return PID_NONE;
    }
    if (o instanceof Combinators.Fn || o instanceof Combinators.IntOp || o instanceof Combinators.LongOp
        || o instanceof Combinators.DoubleOp) {
      for (Map.Entry<String, Object> e : SINGLETONS.entrySet()) {
        if (e.getValue() == o) {
          return e.getKey();
        }
      }
    }
    return null;
  }

  @Override
  public Object canonicalObject(String name) {
    VirtualConsole c = runtime.console();
    return switch (name) {
      case VirtualConsole.OUT -> c.out();
      case VirtualConsole.ERR -> c.err();
      case VirtualConsole.IN -> c.in();
      case MAIN_THREAD -> runtime.state().mainThread;
      case RUNTIME -> Runtime.getRuntime();
      case FILES -> runtime.files();
      case PID_NONE -> io.roam.api.Pid.NONE;
      default -> name.startsWith(FILE_PREFIX) ? fileObject(name) : SINGLETONS.get(name);
    };
  }

  /** The process file object named {@code name}, or null (an unknown name) if malformed. */
  private Object fileObject(String name) {
    try {
      return FileProxies.recreate(runtime.files(), name.substring(FILE_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public boolean isLiteral(String s) {
    if (literals == null) {
      literals = literalSource.get();
    }
    return literals.contains(s);
  }

  @Override
  public boolean isVettedJdkClass(Class<?> c) {
    return c == VThreadLocal.class || (c.getNestHost() == Combinators.class && c != Combinators.class)
        || c == VInputStreamReader.class || c == VOutputStreamWriter.class
        || c == io.roam.api.Pid.class || c == io.roam.api.Message.class
        || c == VThread.class || ProcessThreads.isCapturedKernelClass(c);
  }

  @Override
  public boolean capturesThread(Class<?> c) {
    return VThread.class.isAssignableFrom(c);
  }

  /**
   * Roam's own classes (the kernel's thread table …): no process loader defines them, and the
   * answers above for them depend on the class alone.
   */
  @Override
  public boolean sharesLayout(Class<?> c) {
    return c.getClassLoader() == ProcessHeapPolicy.class.getClassLoader();
  }
}
