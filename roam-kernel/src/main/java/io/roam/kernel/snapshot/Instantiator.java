package io.roam.kernel.snapshot;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;

/**
 * Creates instances without running constructors, through {@code
 * sun.misc.Unsafe.allocateInstance} found reflectively (so no compile-time dependency on
 * jdk.unsupported). allocateInstance is not one of Unsafe's deprecated memory-access methods:
 * it prints no warning on JDK 25. Stateless and thread-safe.
 */
final class Instantiator {
  private static final MethodHandle ALLOCATE = findAllocate();

  private Instantiator() {}

  private static MethodHandle findAllocate() {
    try {
      Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
      Field f = unsafeClass.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      Object unsafe = f.get(null);
      MethodHandle mh = MethodHandles.lookup().findVirtual(unsafeClass, "allocateInstance",
          MethodType.methodType(Object.class, Class.class));
      return mh.bindTo(unsafe);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ExceptionInInitializerError(
          "sun.misc.Unsafe.allocateInstance is not available (module jdk.unsupported missing?): "
              + e);
    }
  }

  /** A new instance of {@code c} with all fields at their default values. */
  static Object allocate(Class<?> c) throws InstantiationException {
    try {
      return (Object) ALLOCATE.invokeExact(c);
    } catch (InstantiationException e) {
      throw e;
    } catch (Throwable t) {
      InstantiationException ie = new InstantiationException("cannot allocate " + c.getName());
      ie.initCause(t);
      throw ie;
    }
  }

  /**
   * A new instance of {@code c}, a {@code Thread} subclass, made by running only {@code Thread()}
   * (as Java serialization runs the first non-serializable superclass's constructor), through
   * {@code sun.reflect.ReflectionFactory} found reflectively. The JDK's own fields are then those
   * of a fresh, unstarted thread; the subclass's fields are at their defaults.
   */
  static Object newThread(Class<?> c) throws InstantiationException {
    try {
      Class<?> rf = Class.forName("sun.reflect.ReflectionFactory");
      Object factory = rf.getMethod("getReflectionFactory").invoke(null);
      java.lang.reflect.Constructor<?> ctor = (java.lang.reflect.Constructor<?>) rf
          .getMethod("newConstructorForSerialization", Class.class, java.lang.reflect.Constructor.class)
          .invoke(factory, c, Thread.class.getConstructor());
      return ctor.newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      InstantiationException ie = new InstantiationException("cannot create thread object " + c.getName());
      ie.initCause(e);
      throw ie;
    }
  }
}
