package io.roam.instrument;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * Answers type questions about the classes a process sees, without defining any of them: process
 * classes are read from their bytes (through a {@link Source}), platform classes through
 * reflection on {@code platform} without initialising them. Used for frame analysis, frame
 * computation and for deciding which call sites can reach process code. Thread-safe; results are
 * cached.
 */
public final class ClassHierarchy {
  /** Gives the original bytes of a process class, or null when the name is not a process class. */
  @FunctionalInterface
  public interface Source {
    byte[] classBytes(String internalName);
  }

  /** What the instrumenter needs to know of one class. */
  public record Info(
      String name,
      String superName,
      List<String> interfaces,
      boolean isInterface,
      boolean isFinal,
      boolean isProcess,
      List<String> methods) {
    /** True when the class itself declares the method (name + descriptor). */
    public boolean declares(String method, String desc) {
      return methods.contains(method + desc);
    }
  }

  private static final Info OBJECT = new Info("java/lang/Object", null, List.of(), false, false, false,
      List.of("hashCode()I", "equals(Ljava/lang/Object;)Z", "toString()Ljava/lang/String;"));

  private final Source source;
  private final ClassLoader platform;
  private final Map<String, Info> cache = new ConcurrentHashMap<>();

  /**
   * @param source process class bytes
   * @param platform loader for everything that is not a process class (JDK and Roam runtime)
   */
  public ClassHierarchy(Source source, ClassLoader platform) {
    this.source = source;
    this.platform = platform;
    cache.put(OBJECT.name(), OBJECT);
  }

  /** Information on a class, or null when it cannot be found anywhere. */
  public Info info(String internalName) {
    Info i = cache.get(internalName);
    if (i == null) {
      i = load(internalName);
      if (i != null) {
        cache.put(internalName, i);
      }
    }
    return i;
  }

  /** True when the class is one of the process's own (rewritten by the instrumenter). */
  public boolean isProcessClass(String internalName) {
    Info i = info(internalName);
    return i != null && i.isProcess();
  }

  private Info load(String name) {
    if (name.startsWith("[")) {
      return null;
    }
    byte[] bytes = source.classBytes(name);
    if (bytes != null) {
      ClassReader r = new ClassReader(bytes);
      List<String> methods = new ArrayList<>();
      r.accept(new org.objectweb.asm.ClassVisitor(Opcodes.ASM9) {
        @Override
        public org.objectweb.asm.MethodVisitor visitMethod(int access, String n, String d, String s, String[] e) {
          methods.add(n + d);
          return null;
        }
      }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
      int access = r.getAccess();
      return new Info(name, r.getSuperName(), List.of(r.getInterfaces()),
          (access & Opcodes.ACC_INTERFACE) != 0, (access & Opcodes.ACC_FINAL) != 0, true, methods);
    }
    try {
      Class<?> c = Class.forName(name.replace('/', '.'), false, platform);
      List<String> methods = new ArrayList<>();
      for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
        methods.add(m.getName() + org.objectweb.asm.Type.getMethodDescriptor(m));
      }
      String sup = c.getSuperclass() == null ? (c.isInterface() ? "java/lang/Object" : null)
          : c.getSuperclass().getName().replace('.', '/');
      return new Info(name, sup,
          Arrays.stream(c.getInterfaces()).map(x -> x.getName().replace('.', '/')).toList(),
          c.isInterface(), Modifier.isFinal(c.getModifiers()), false, methods);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /** Superclass chain starting at the class itself; stops where a class cannot be found. */
  public List<String> superChain(String internalName) {
    List<String> chain = new ArrayList<>();
    for (String c = internalName; c != null; ) {
      chain.add(c);
      Info i = info(c);
      c = i == null ? null : i.superName();
    }
    return chain;
  }

  /** True when a value of type {@code from} may be assigned to {@code to} (both class names). */
  public boolean isAssignableFrom(String to, String from) {
    if (to.equals(from) || to.equals("java/lang/Object")) {
      return true;
    }
    Info t = info(to);
    if (t != null && t.isInterface()) {
      return implementsInterface(from, to);
    }
    return superChain(from).contains(to);
  }

  private boolean implementsInterface(String cls, String itf) {
    for (String c : superChain(cls)) {
      Info i = info(c);
      if (i == null) {
        continue;
      }
      for (String x : i.interfaces()) {
        if (x.equals(itf) || implementsInterface(x, itf)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The most specific common superclass, as the JVM's verifier would merge two class types. */
  public String commonSuperClass(String a, String b) {
    if (isAssignableFrom(a, b)) {
      return a;
    }
    if (isAssignableFrom(b, a)) {
      return b;
    }
    Info ia = info(a);
    Info ib = info(b);
    if (ia == null || ib == null || ia.isInterface() || ib.isInterface()) {
      return "java/lang/Object";
    }
    List<String> chainB = superChain(b);
    for (String c : superChain(a)) {
      if (chainB.contains(c)) {
        return c;
      }
    }
    return "java/lang/Object";
  }
}
