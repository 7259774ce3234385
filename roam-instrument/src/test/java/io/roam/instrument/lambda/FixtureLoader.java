package io.roam.instrument.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

/**
 * A child-first class loader for the fixture package: it defines the fixture classes itself,
 * either as they are or after {@link LambdaRewriter#rewrite} (host written with
 * {@code COMPUTE_FRAMES}, its generated classes defined on first use). Everything else comes from
 * the parent. Records the bytes of every class it defines, for verification afterwards.
 */
final class FixtureLoader extends ClassLoader {
  /** Binary-name prefix of the classes this loader defines itself. */
  static final String FIXTURES = "io.roam.instrument.lambda.fixtures.";

  static {
    registerAsParallelCapable();
  }

  /** Original class bytes by internal name, or null. */
  private final Function<String, byte[]> source;
  /** Whether classes are rewritten before they are defined. */
  private final boolean rewrite;
  /** {@code ClassReader} flags used to read a class before rewriting it. */
  private final int readFlags;
  /** Generated classes not defined yet, by internal name. */
  private final Map<String, byte[]> pending = new HashMap<>();
  /** Every class defined, by internal name, in definition order. */
  private final Map<String, byte[]> defined = Collections.synchronizedMap(new LinkedHashMap<>());
  /** Generated class names per host internal name. */
  private final Map<String, Set<String>> generatedBy = new HashMap<>();

  FixtureLoader(Function<String, byte[]> source, boolean rewrite, int readFlags) {
    super("fixtures" + (rewrite ? "-rewritten" : "-original"), FixtureLoader.class.getClassLoader());
    this.source = source;
    this.rewrite = rewrite;
    this.readFlags = readFlags;
  }

  /** Reads class files from this test's class path. */
  static Function<String, byte[]> classpath() {
    return internalName -> {
      try (InputStream in = FixtureLoader.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
        return in == null ? null : in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** The bytes of every class defined so far, by internal name. */
  Map<String, byte[]> defined() {
    synchronized (defined) {
      return new LinkedHashMap<>(defined);
    }
  }

  /** Internal names of the classes generated for {@code host} (empty before it is loaded). */
  synchronized Set<String> generatedFor(String host) {
    return new HashSet<>(generatedBy.getOrDefault(host, Set.of()));
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!name.startsWith(FIXTURES)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      return c != null ? c : findClass(name);
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    String internal = name.replace('.', '/');
    byte[] bytes = bytesOf(internal);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    defined.put(internal, bytes);
    return defineClass(name, bytes, 0, bytes.length);
  }

  private synchronized byte[] bytesOf(String internal) {
    byte[] generated = pending.remove(internal);
    if (generated != null) {
      return generated;
    }
    byte[] original = source.apply(internal);
    return original == null || !rewrite ? original : rewrite(original);
  }

  private byte[] rewrite(byte[] original) {
    ClassNode host = new ClassNode();
    new ClassReader(original).accept(host, readFlags);
    Map<String, ClassNode> generated = LambdaRewriter.rewrite(host);
    generatedBy.put(host.name, generated.keySet());
    generated.forEach((name, node) -> pending.put(name, write(node)));
    return write(host);
  }

  private byte[] write(ClassNode node) {
    ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected String getCommonSuperClass(String a, String b) {
        return commonSuperClass(a, b);
      }
    };
    node.accept(w);
    return w.toByteArray();
  }

  // Frames are computed from class bytes and reflection on the parent, never by loading a fixture
  // class while another is being defined.
  private String commonSuperClass(String a, String b) {
    if (isInterface(a) || isInterface(b)) {
      return "java/lang/Object";
    }
    Set<String> supersOfA = new HashSet<>();
    for (String t = a; t != null; t = superName(t)) {
      supersOfA.add(t);
    }
    for (String t = b; t != null; t = superName(t)) {
      if (supersOfA.contains(t)) {
        return t;
      }
    }
    return "java/lang/Object";
  }

  private boolean isInterface(String internalName) {
    byte[] b = fixtureBytes(internalName);
    if (b != null) {
      return (new ClassReader(b).getAccess() & Opcodes.ACC_INTERFACE) != 0;
    }
    return parentClass(internalName).isInterface();
  }

  private String superName(String internalName) {
    byte[] b = fixtureBytes(internalName);
    if (b != null) {
      return new ClassReader(b).getSuperName();
    }
    Class<?> s = parentClass(internalName).getSuperclass();
    return s == null ? null : s.getName().replace('.', '/');
  }

  private byte[] fixtureBytes(String internalName) {
    if (!internalName.startsWith(FIXTURES.replace('.', '/'))) {
      return null;
    }
    byte[] b = pending.get(internalName);
    return b != null ? b : source.apply(internalName);
  }

  private Class<?> parentClass(String internalName) {
    try {
      return Class.forName(internalName.replace('/', '.'), false, getParent());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("frame computation needs " + internalName, e);
    }
  }
}
