package io.roam.kernel.process;

import io.roam.instrument.Instrumenter;
import io.roam.instrument.runtime.ContextClass;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of one process: defines the process's classes from its {@link CodeSource},
 * rewritten by the {@link Instrumenter}, child-first, plus the process's own copy of the context
 * class. JDK classes and Roam's own ({@code io.roam.*}) come from the parent, never rewritten.
 * Records, for the kernel's stack check, the bytecode offsets of every resume site. A class the
 * sandbox refuses is neither defined nor cached: loading it throws the instrumenter's {@code
 * SandboxViolationException} (again on every attempt).
 */
public final class ProcessClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  /** Marks classes generated for lambda call sites: {@code Host$$Lambda$N} (see LambdaRewriter). */
  private static final String LAMBDA_INFIX = "$$Lambda$";

  private final CodeSource code;
  private final Instrumenter instrumenter;
  private final RewriteCache cache;
  /** Generated classes (lambdas) waiting to be defined, by binary name. */
  private final Map<String, Instrumenter.Result> pending = new ConcurrentHashMap<>();
  /** class binary name → method name+descriptor → sorted offsets of resume-site invokes. */
  private final Map<String, Map<String, int[]>> safeOffsets = new ConcurrentHashMap<>();

  public ProcessClassLoader(CodeSource code, ClassLoader parent) {
    super(null, parent); // unnamed: stack traces print as under plain java (no "name//" prefix)
    this.code = code;
    this.instrumenter = new Instrumenter(code::classBytes, parent);
    this.cache = RewriteCache.forCode(code);
  }

  /** The code this loader defines classes from. */
  public CodeSource code() {
    return code;
  }

  /** The process's context class. */
  public Class<?> contextClass() {
    try {
      return loadClass(ContextClass.NAME);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("context class missing", e);
    }
  }

  /** The main class named last to {@link #mainMethod}, and its handle. */
  private volatile Object[] main;

  /**
   * The handle of {@code main(String[])} of {@code mainClass} in this loader, looked up once (a
   * {@link SpareLoaders spare} looks it up ahead of the restore that takes it); loads, does not
   * initialize, the class.
   */
  public java.lang.invoke.MethodHandle mainMethod(String mainClass) throws ReflectiveOperationException {
    Object[] m = main;
    if (m == null || !m[0].equals(mainClass)) {
      m = new Object[] {mainClass, ProcessRunner.findMain(this, mainClass)};
      main = m;
    }
    return (java.lang.invoke.MethodHandle) m[1];
  }

  /** Names of the process classes defined so far (binary names). */
  public java.util.Set<String> definedClassNames() {
    return java.util.Set.copyOf(safeOffsets.keySet());
  }

  /** {@link #literalStrings} as last computed, and for how many defined classes. */
  private java.util.Set<String> literals;

  private int literalsFor = -1;

  /**
   * The string literals of the classes defined so far ({@link LiteralStrings}); recomputed only
   * when classes were defined since the last call, so that repeated captures do not re-read the
   * code.
   */
  public synchronized java.util.Set<String> literalStrings() {
    int n = safeOffsets.size();
    if (literals == null || n != literalsFor) {
      java.util.Set<String> all = new java.util.HashSet<>();
      for (String c : definedClassNames()) {
        all.addAll(LITERALS.computeIfAbsent(code.digest() + "/" + c,
            k -> LiteralStrings.ofClass(code.classBytes(c.replace('.', '/')))));
      }
      literals = all;
      literalsFor = n;
    }
    return literals;
  }

  /**
   * Literals per class, by code digest and class name, shared by every process of this JVM: a node
   * that captures and restores the same program many times reads each class's constants once.
   * Bounded: cleared when it grows past {@value #LITERAL_CACHE_MAX} classes.
   */
  private static final Map<String, java.util.Set<String>> LITERALS = new ConcurrentHashMap<>() {
    private static final long serialVersionUID = 1L;

    @Override
    public java.util.Set<String> computeIfAbsent(String k,
        java.util.function.Function<? super String, ? extends java.util.Set<String>> f) {
      if (size() > LITERAL_CACHE_MAX) {
        clear();
      }
      return super.computeIfAbsent(k, f);
    }
  };

  private static final int LITERAL_CACHE_MAX = 20_000;

  /** True when {@code offset} in the method is a resume site of a class of this process. */
  public boolean isSafe(String className, String methodNameAndDesc, int offset) {
    Map<String, int[]> m = safeOffsets.get(className);
    int[] offsets = m == null ? null : m.get(methodNameAndDesc);
    return offsets != null && Arrays.binarySearch(offsets, offset) >= 0;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        if (name.startsWith("java.") || (name.startsWith("io.roam.") && !name.equals(ContextClass.NAME))) {
          return super.loadClass(name, resolve);
        }
        c = defineProcessClass(name);
        if (c == null) {
          return super.loadClass(name, resolve);
        }
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }

  private Class<?> defineProcessClass(String name) {
    if (name.equals(ContextClass.NAME)) {
      byte[] b = ContextClass.bytes();
      return defineClass(name, b, 0, b.length);
    }
    Instrumenter.Result r = pending.remove(name);
    int lambda = name.indexOf(LAMBDA_INFIX);
    if (r == null && lambda > 0 && code.classBytes(name.replace('.', '/')) == null) {
      // a generated lambda class is defined with its host: load the host first (restore may ask
      // for the lambda class before anything else touched the host)
      try {
        loadClass(name.substring(0, lambda), false);
      } catch (ClassNotFoundException e) {
        return null;
      }
      r = pending.remove(name);
    }
    if (r == null) {
      byte[] original = code.classBytes(name.replace('.', '/'));
      if (original == null) {
        return null;
      }
      r = cache.get(name);
      if (r == null) {
        r = instrumenter.instrument(original);
        cache.put(name, r);
      }
    }
    for (Map.Entry<String, Instrumenter.Result> g : r.generated().entrySet()) {
      pending.put(g.getKey().replace('/', '.'), g.getValue());
    }
    Map<String, int[]> offsets = new ConcurrentHashMap<>();
    r.safeInvokeOffsets().forEach((m, o) -> {
      int[] sorted = o.clone();
      Arrays.sort(sorted);
      offsets.put(m, sorted);
    });
    safeOffsets.put(name, offsets);
    definePackageFor(name);
    return defineClass(name, r.bytes(), 0, r.bytes().length);
  }

  private void definePackageFor(String name) {
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      String pkg = name.substring(0, dot);
      if (getDefinedPackage(pkg) == null) {
        try {
          definePackage(pkg, null, null, null, null, null, null, null);
        } catch (IllegalArgumentException alreadyDefined) {
          // defined concurrently: fine
        }
      }
    }
  }

  @Override
  protected URL findResource(String name) {
    byte[] b = code.get(name);
    if (b == null) {
      return null;
    }
    try {
      return new URL(null, "roam-code:/" + name, new java.net.URLStreamHandler() {
        @Override
        protected java.net.URLConnection openConnection(URL u) {
          return new java.net.URLConnection(u) {
            @Override
            public void connect() {}

            @Override
            public InputStream getInputStream() {
              return new ByteArrayInputStream(b);
            }
          };
        }
      });
    } catch (MalformedURLException e) {
      return null;
    }
  }

  @Override
  public URL getResource(String name) {
    URL u = findResource(name);
    return u != null ? u : super.getResource(name);
  }

  @Override
  public InputStream getResourceAsStream(String name) {
    byte[] b = code.get(name);
    return b != null ? new ByteArrayInputStream(b) : super.getResourceAsStream(name);
  }
}
