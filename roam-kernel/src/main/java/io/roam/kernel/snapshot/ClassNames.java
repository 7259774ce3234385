package io.roam.kernel.snapshot;

import java.util.Map;

/**
 * Resolves binary class names as {@link Class#getName()} spells them, including primitive
 * classes ({@code int}) and array classes ({@code [I}, {@code [[Lcorpus.Foo;}); element classes
 * go through {@link HeapPolicy#resolve}. Stateless.
 */
final class ClassNames {
  private static final Map<String, Class<?>> PRIMITIVES = Map.of(
      "boolean", boolean.class, "byte", byte.class, "short", short.class, "char", char.class,
      "int", int.class, "long", long.class, "float", float.class, "double", double.class,
      "void", void.class);

  private static final Map<Character, Class<?>> DESCRIPTORS = Map.of(
      'Z', boolean.class, 'B', byte.class, 'S', short.class, 'C', char.class,
      'I', int.class, 'J', long.class, 'F', float.class, 'D', double.class);

  /**
   * JDK classes by name, per policy class: {@code java.*} classes only the bootstrap (or platform)
   * loader may define, so every policy instance of a class resolves such a name alike; only
   * bootstrap ones are kept. A restore into a fresh process loader then does not ask the loader,
   * and its parents, again for each JDK class of the snapshot.
   */
  private static final ClassValue<Map<String, Class<?>>> JDK = new ClassValue<>() {
    @Override
    protected Map<String, Class<?>> computeValue(Class<?> policyClass) {
      return new java.util.concurrent.ConcurrentHashMap<>();
    }
  };

  /** Deepest array nesting the JVM allows. */
  private static final int MAX_DIMENSIONS = 255;

  private ClassNames() {}

  /** The class named {@code name}, loaded but not initialised. */
  static Class<?> resolve(HeapPolicy policy, String name) throws ClassNotFoundException {
    Class<?> p = PRIMITIVES.get(name);
    if (p != null) {
      return p;
    }
    int dims = 0;
    while (dims < name.length() && name.charAt(dims) == '[') {
      dims++;
    }
    if (dims == 0) {
      return named(policy, name);
    }
    if (dims > MAX_DIMENSIONS) {
      throw new ClassNotFoundException(name + " (more than 255 array dimensions)");
    }
    Class<?> c = element(policy, name, dims);
    for (int i = 0; i < dims; i++) {
      c = c.arrayType();
    }
    return c;
  }

  private static Class<?> named(HeapPolicy policy, String name) throws ClassNotFoundException {
    if (!name.startsWith("java.")) {
      return policy.resolve(name);
    }
    Map<String, Class<?>> known = JDK.get(policy.getClass());
    Class<?> c = known.get(name);
    if (c == null) {
      c = policy.resolve(name);
      if (c.getClassLoader() == null && known.size() < 10_000) {
        known.put(name, c);
      }
    }
    return c;
  }

  private static Class<?> element(HeapPolicy policy, String name, int dims)
      throws ClassNotFoundException {
    String rest = name.substring(dims);
    if (rest.length() == 1 && DESCRIPTORS.containsKey(rest.charAt(0))) {
      return DESCRIPTORS.get(rest.charAt(0));
    }
    if (rest.length() > 2 && rest.charAt(0) == 'L' && rest.endsWith(";")) {
      Class<?> c = named(policy, rest.substring(1, rest.length() - 1));
      if (c.isPrimitive() || c.isArray()) {
        throw new ClassNotFoundException(name);
      }
      return c;
    }
    throw new ClassNotFoundException(name + " (malformed array class name)");
  }
}
