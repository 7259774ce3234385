package io.roam.kernel.snapshot;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, for one codec run, how each class is encoded or whether it is refused, and caches the
 * answer. The same rules run on the capturing and on the restoring side, so a class table entry
 * can be checked by recomputing it. Rules, first match wins: hidden classes are refused; arrays
 * (of allowed element types); {@link ValueKind} classes; JDK enums (constants by name); {@link
 * ImmutableKind} collections; Thread and its subclasses are refused unless the policy
 * captures them ({@link HeapPolicy#capturesThread}: then Thread's own fields are left out); JDK stream pipelines and
 * spliterators are refused; {@link DerivedKind} iterators, views and entries; otherwise the class
 * and its superclasses are walked: process classes contribute all their instance fields, a {@link
 * HashedKind} base ends the walk, other JDK classes must be on the {@link JdkAllowlist} (or
 * vetted by the policy) and contribute their fields minus the skipped ones. Not thread-safe.
 */
final class Layouts {
  /** A class that cannot be captured, with the reason. */
  static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    final String className;

    Refusal(Class<?> c, String reason) {
      super(reason);
      this.className = c.getName();
    }
  }

  private static final Comparator<Field> BY_NAME = Comparator.comparing(Field::getName);

  /** Why stream pipelines are refused. */
  static final String STREAM =
      "a stream pipeline cannot be captured; freeze outside the stream operation";

  private final HeapPolicy policy;
  /**
   * Layouts and refusals of JDK (bootstrap) classes, and of those the policy says it {@linkplain
   * HeapPolicy#sharesLayout shares}, shared by every run with a policy of the same class: they are
   * pure functions of the class and the policy's rules, which for these classes may not differ
   * between instances of one policy class (see {@link HeapPolicy}). Saves the reflection of a
   * fresh codec run — most of the fixed cost of a small capture.
   */
  private static final ClassValue<Map<Class<?>, Object>> SHARED = new ClassValue<>() {
    @Override
    protected Map<Class<?>, Object> computeValue(Class<?> c) {
      return new java.util.concurrent.ConcurrentHashMap<>();
    }
  };

  private final Map<Class<?>, ClassLayout> cache = new HashMap<>();
  private final Map<Class<?>, Refusal> refused = new HashMap<>();

  Layouts(HeapPolicy policy) {
    this.policy = policy;
  }

  /** The layout of exact class {@code c}, or the reason it is refused. */
  ClassLayout of(Class<?> c) throws Refusal {
    ClassLayout l = cache.get(c);
    if (l != null) {
      return l;
    }
    Refusal r = refused.get(c);
    if (r != null) {
      throw r;
    }
    Map<Class<?>, Object> shared = isBootstrap(c) || policy.sharesLayout(c) ? SHARED.get(c) : null;
    Object known = shared == null ? null : shared.get(policy.getClass());
    if (known instanceof Refusal e) {
      refused.put(c, e);
      throw e;
    }
    l = (ClassLayout) known;
    if (l == null) {
      try {
        l = compute(c);
      } catch (Refusal e) {
        refused.put(c, e);
        if (shared != null) {
          shared.put(policy.getClass(), e);
        }
        throw e;
      }
      if (shared != null) {
        shared.put(policy.getClass(), l);
      }
    }
    cache.put(c, l);
    return l;
  }

  private static boolean isBootstrap(Class<?> c) {
    while (c.isArray()) {
      c = c.getComponentType();
    }
    return c.getClassLoader() == null;
  }

  private ClassLayout compute(Class<?> c) throws Refusal {
    if (c.isHidden()) {
      throw new Refusal(c, "it is a hidden class (a lambda or proxy), which has no name another"
          + " JVM can resolve; lambdas in process code must be created serializable");
    }
    if (c.isArray()) {
      checkElement(c, elementType(c));
      return ClassLayout.simple(c, ClassLayout.Kind.ARRAY, null, null);
    }
    ValueKind v = ValueKind.of(c);
    if (v != null) {
      return ClassLayout.simple(c, ClassLayout.Kind.VALUE, v, null);
    }
    boolean process = policy.isProcessClass(c);
    if (!process && Enum.class.isAssignableFrom(c) && c != Enum.class) {
      Class<?> e = c.isEnum() ? c : c.getSuperclass();
      return e == c ? ClassLayout.simple(c, ClassLayout.Kind.ENUM, null, null) : of(e);
    }
    ImmutableKind ik = ImmutableKind.of(c);
    if (ik != null) {
      return ClassLayout.simple(c, ClassLayout.Kind.IMMUTABLE, null, ik);
    }
    if (Thread.class.isAssignableFrom(c) && !policy.capturesThread(c)) {
      throw new Refusal(c, "it is a Thread; process threads are virtual and captured by the"
          + " kernel, a java.lang.Thread object cannot move");
    }
    if (!process && c.getClassLoader() == null) {
      if (c.getPackageName().equals("java.util.stream")) {
        throw new Refusal(c, STREAM);
      }
      // (TreeMap's sub-map key iterators are spliterators too, and copied as iterators)
      if ((java.util.Spliterator.class.isAssignableFrom(c)
          && !java.util.Iterator.class.isAssignableFrom(c))
          || c.getName().startsWith("java.util.Spliterators$")) {
        throw new Refusal(c, "it belongs to a Spliterator, the engine of a stream; " + STREAM);
      }
    }
    DerivedKind dk = process ? null : DerivedKind.of(c);
    if (dk != null) {
      return ClassLayout.derived(c, dk);
    }
    return walk(c, process);
  }

  private ClassLayout walk(Class<?> c, boolean process) throws Refusal {
    List<Field> fields = new ArrayList<>();
    List<Field> defaultOnly = new ArrayList<>();
    List<Field> duplicates = new ArrayList<>();
    HashedKind hashed = null;
    for (Class<?> k = c; k != null && (k != Object.class || k == c); k = k.getSuperclass()) {
      if (k == c ? process : policy.isProcessClass(k)) {
        addFields(k, fields, List.of(), List.of(), defaultOnly, List.of(), duplicates);
        continue;
      }
      if (k == Thread.class) {
        break; // a thread class the policy captures keeps its state in fields of its own
      }
      HashedKind hk = HashedKind.forBase(k);
      if (hk != null) {
        if (k != c && !hk.subclassable) {
          throw new Refusal(c, "it extends " + k.getName() + ", which Roam rebuilds only as an"
              + " exact class");
        }
        hashed = hk;
        break;
      }
      JdkAllowlist.Entry e = policy.isVettedJdkClass(k) ? JdkAllowlist.Entry.VETTED
          : JdkAllowlist.entry(k);
      if (e == null || (k == c && !e.instantiable())) {
        throw new Refusal(c, k == c ? "this JDK class is not on Roam's allowlist (it may hold"
            + " native or JVM-specific state)" : "it extends JDK class " + k.getName()
            + ", which is not on Roam's allowlist");
      }
      addFields(k, fields, e.skipped(), e.defaultOnly(), defaultOnly, e.duplicates(), duplicates);
    }
    int[] dupSource = new int[duplicates.size()];
    for (int i = 0; i < dupSource.length; i++) {
      dupSource[i] = duplicated(c, duplicates.get(i), fields);
    }
    return ClassLayout.object(c, fields, hashed, defaultOnly, duplicates, dupSource);
  }

  /** The index in {@code fields} of the superclass field of the same name that {@code d} copies. */
  private static int duplicated(Class<?> c, Field d, List<Field> fields) throws Refusal {
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      if (f.getName().equals(d.getName()) && f.getDeclaringClass() != d.getDeclaringClass()
          && f.getDeclaringClass().isAssignableFrom(d.getDeclaringClass())
          && f.getType().isAssignableFrom(d.getType())) {
        return i;
      }
    }
    throw new Refusal(c, "its field " + d.getName() + " has no superclass field it duplicates");
  }

  private static void addFields(Class<?> k, List<Field> out, java.util.Collection<String> skipped,
      java.util.Collection<String> defOnly, List<Field> defaultOnly,
      java.util.Collection<String> dups, List<Field> duplicates) throws Refusal {
    Field[] declared = k.getDeclaredFields();
    Arrays.sort(declared, BY_NAME);
    for (Field f : declared) {
      if (Modifier.isStatic(f.getModifiers()) || skipped.contains(f.getName())) {
        continue;
      }
      try {
        f.setAccessible(true);
      } catch (RuntimeException e) {
        throw new Refusal(k, "its field " + f.getName() + " is not accessible (" + e.getMessage()
            + "); start the JVM with the options of Roam's jvm.opens (java @jvm.opens)");
      }
      (defOnly.contains(f.getName()) ? defaultOnly
          : dups.contains(f.getName()) ? duplicates : out).add(f);
    }
  }

  private static Class<?> elementType(Class<?> c) {
    while (c.isArray()) {
      c = c.getComponentType();
    }
    return c;
  }

  /**
   * Arrays may have primitive elements, or elements of a class that could itself be captured, or
   * of an interface or abstract class (e.g. {@code Object[]}, {@code Comparable[]}): an array's
   * elements are checked one by one anyway.
   */
  private void checkElement(Class<?> array, Class<?> e) throws Refusal {
    if (e.isPrimitive() || e.isInterface() || Modifier.isAbstract(e.getModifiers())) {
      return;
    }
    if (e == Thread.class) {
      return; // a Thread[] of process threads: each element is a captured thread or a canonical one
    }
    try {
      of(e);
    } catch (Refusal r) {
      throw new Refusal(array, "its element class " + e.getName() + " cannot be captured: "
          + r.getMessage());
    }
  }
}
