package io.roam.kernel.snapshot;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link HeapPolicy} for tests: the nested classes of {@link Fixtures} play the process's
 * classes; a few objects can be registered as canonical; counts calls to {@link
 * #canonicalObject} so tests can tell whether decoding got as far as creating objects.
 */
final class TestPolicy implements HeapPolicy {
  private final Map<Object, String> names = new IdentityHashMap<>();
  private final Map<String, Object> objects = new HashMap<>();
  private final Set<String> literals;
  final AtomicInteger canonicalLookups = new AtomicInteger();

  TestPolicy(String... literals) {
    this.literals = Set.of(literals);
  }

  /** Registers {@code o} as canonical under {@code name}. */
  TestPolicy canonical(String name, Object o) {
    names.put(o, name);
    objects.put(name, o);
    return this;
  }

  @Override
  public boolean isProcessClass(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (k == Fixtures.class) {
        return k != c;
      }
    }
    return false;
  }

  @Override
  public Class<?> resolve(String className) throws ClassNotFoundException {
    return Class.forName(className, false, TestPolicy.class.getClassLoader());
  }

  @Override
  public String canonicalName(Object o) {
    return names.get(o);
  }

  @Override
  public Object canonicalObject(String name) {
    canonicalLookups.incrementAndGet();
    return objects.get(name);
  }

  @Override
  public boolean isLiteral(String s) {
    return literals.contains(s);
  }

  /**
   * Encodes then decodes {@code root} with a fresh codec, as a section read as it arrives (length
   * unknown until the stream ends, as from {@link SnapshotStream}); the same bytes must also decode
   * as a section of known length.
   */
  @SuppressWarnings("unchecked")
  <T> T roundTrip(T root) throws Exception {
    HeapCodec codec = new HeapCodec(this);
    byte[] bytes = codec.encode(root);
    codec.decode(bytes);
    return (T) codec.decode(new java.io.ByteArrayInputStream(bytes));
  }
}
