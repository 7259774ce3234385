package io.roam.instrument.runtime;

import java.util.Map;
import java.util.function.Supplier;

/**
 * What process code gets for {@code new ThreadLocal()}, {@code ThreadLocal.withInitial} and
 * subclasses of {@code ThreadLocal}: values live in the running virtual thread's
 * {@link Continuation}, not in the carrier thread, so they are captured with the process and
 * follow it to another JVM.
 */
public class VThreadLocal<T> extends ThreadLocal<T> {
  /** Initial value supplier of {@link #withInitial}, or null. */
  private Supplier<? extends T> supplier;

  public VThreadLocal() {}

  /** Replacement of {@link ThreadLocal#withInitial}. */
  public static <S> VThreadLocal<S> withInitial(Supplier<? extends S> supplier) {
    VThreadLocal<S> t = new VThreadLocal<>();
    t.supplier = java.util.Objects.requireNonNull(supplier);
    return t;
  }

  @Override
  protected T initialValue() {
    return supplier == null ? null : supplier.get();
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get() {
    Map<Object, Object> m = Continuation.current().threadLocals();
    if (m.containsKey(this)) {
      return (T) m.get(this);
    }
    T v = initialValue();
    m.put(this, v);
    return v;
  }

  @Override
  public void set(T value) {
    Continuation.current().threadLocals().put(this, value);
  }

  @Override
  public void remove() {
    Continuation.current().threadLocals().remove(this);
  }
}
