/**
 * The snapshot: a process's heap turned into bytes and back, and the container file around it.
 *
 * <p>Public surface: {@link io.roam.kernel.snapshot.HeapCodec} (graph to heap section and
 * back), {@link io.roam.kernel.snapshot.HeapPolicy} (what the kernel says about the process:
 * its classes, canonical objects, literals, extra vetted JDK classes), {@link
 * io.roam.kernel.snapshot.HeapLimits}, {@link io.roam.kernel.snapshot.SnapshotWriter} and
 * {@link io.roam.kernel.snapshot.SnapshotReader} (the chunked, CRC32C-checked container of named
 * sections), and the two checked exceptions: {@link
 * io.roam.kernel.snapshot.SnapshotCaptureException} (capture refused, with the reference path)
 * and {@link io.roam.kernel.snapshot.SnapshotFormatException} (restore refused, before any
 * object is handed out).
 *
 * <p>What is captured and how is decided in one place per concern: {@code Layouts} (the rules),
 * {@code JdkAllowlist} (JDK classes copied by field, one comment per entry), {@code ValueKind}
 * (by value), {@code Canonicals} (JDK singletons by name), {@code HashedKind} (hash tables
 * rebuilt in the new JVM), {@code ImmutableKind} (immutable collections rebuilt through their
 * factories) and {@code DerivedKind} (iterators, views and entries of those, recreated from the
 * rebuilt collection; {@code ReplayIterator} resumes one whose order changed). The formats are
 * described in {@link io.roam.kernel.snapshot.HeapCodec} and {@code ContainerFormat}.
 *
 * <p>The JVM must run with the {@code --add-opens} flags of the repository's {@code jvm.opens}
 * ({@code java @jvm.opens …}): the codec reads and writes private fields of java.base classes.
 */
package io.roam.kernel.snapshot;
