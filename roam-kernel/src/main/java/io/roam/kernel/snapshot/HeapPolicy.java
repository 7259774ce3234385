package io.roam.kernel.snapshot;

/**
 * What the kernel tells the {@link HeapCodec} about one process. Implementations must be
 * side-effect free and usable from the capturing thread and the restoring thread (one call at a
 * time per codec run).
 *
 * <ul>
 *   <li>{@link #isProcessClass} picks the classes loaded by the process's own class loader: their
 *       instances are encoded field by field (every non-static field of the class and its
 *       process superclasses, transient ones too) and created without running constructors.
 *   <li>{@link #resolve} finds a class by binary name at decode time, process classes through
 *       the process loader and the rest from the JDK; it must load, never initialise, the class.
 *   <li>{@link #canonicalName}/{@link #canonicalObject} map objects that must become the new
 *       JVM's equivalent (the virtual console's streams, virtual thread objects) by name.
 *   <li>{@link #isLiteral} names string literals of process classes, whose interned identity is
 *       kept.
 *   <li>{@link #isVettedJdkClass} lets a kernel add JDK classes it has vetted to the built-in
 *       allowlist; their fields (and those of their JDK superclasses, which must be vetted or on
 *       the allowlist too) are copied as for process classes.
 *   <li>{@link #sharesLayout} lets codec runs share the layouts of classes outside the bootstrap
 *       loader whose answers above do not depend on the policy instance (the kernel's own).
 * </ul>
 */
public interface HeapPolicy {

  /** True for classes defined by the process's class loader. */
  boolean isProcessClass(Class<?> c);

  /** The class with this binary name as the process sees it; loads without initialising. */
  Class<?> resolve(String className) throws ClassNotFoundException;

  /**
   * The name under which {@code o} is re-bound in the new JVM, or null if it is not canonical.
   * Asked for every captured object except strings, boxes, big numbers and Class objects.
   */
  default String canonicalName(Object o) {
    return null;
  }

  /** The object of this JVM with the given canonical name, or null if there is none. */
  default Object canonicalObject(String name) {
    return null;
  }

  /** True when {@code s} equals a string literal of a process class (its interning is kept). */
  default boolean isLiteral(String s) {
    return false;
  }

  /**
   * True for a JDK class the kernel has vetted for field-by-field copying. For classes of the
   * bootstrap loader, this and {@link #isProcessClass} must answer the same for every instance
   * of a policy class: their layouts are cached per policy class across codec runs.
   */
  default boolean isVettedJdkClass(Class<?> c) {
    return false;
  }

  /**
   * True for a {@code Thread} subclass whose state the kernel keeps in fields of its own (and of
   * its subclasses): its fields are copied as for a vetted class, {@code java.lang.Thread}'s own
   * (JVM-specific) fields are left out, and a decoded instance is made by running only {@code
   * Thread}'s no-argument constructor, so it is a fresh, unstarted thread of the new JVM. Like
   * {@link #isVettedJdkClass}, it must answer the same for every instance of a policy class.
   */
  default boolean capturesThread(Class<?> c) {
    return false;
  }

  /**
   * True for a class outside the bootstrap loader whose layout — what {@link #isProcessClass},
   * {@link #isVettedJdkClass} and {@link #capturesThread} answer for it and its superclasses —
   * is the same for every instance of this policy's class (the kernel's own classes, for a policy
   * whose process classes are those of a per-process loader): its layout is then computed once per
   * policy class, as bootstrap classes' are, instead of once per codec run.
   */
  default boolean sharesLayout(Class<?> c) {
    return false;
  }
}
