package io.roam.instrument.sandbox;

/**
 * One family of escapes from the kernel that process code may not use. The {@link #id} is stable:
 * it appears in every message, in {@code roam local check} output and in docs/design/sandbox.md
 * (keep the three in sync).
 */
public enum Rule {
  /** Sockets, URL connections, socket channels, HTTP clients and servers, RMI, JNDI. */
  NET("net", "process code may not open network connections"),
  /** {@code ProcessBuilder}, {@code Runtime.exec}, handles to other OS processes, desktop launches. */
  EXEC("exec", "process code may not start or control operating-system processes"),
  /** Native method declarations, {@code System.load*}, {@code Runtime.load*}, foreign linkers. */
  NATIVE("native", "process code may not declare or load native code"),
  /** Any reference to {@code sun.misc.Unsafe} or {@code jdk.internal.misc.Unsafe}. */
  UNSAFE("unsafe", "process code may not use Unsafe"),
  /** Direct or reflective reach into JDK internals or Roam's own classes. */
  REFLECT_INTERNAL("reflect-internal", "process code may not reach JDK or Roam internals"),
  /** Replacing the JVM-wide security manager or policy. */
  SECURITY_MANAGER("security-manager", "process code may not replace the JVM's security manager or policy"),
  /** Class loaders, {@code Lookup.defineClass}, hidden classes, instrumentation agents, module layers. */
  DEFINE_CLASS("define-class", "process code may not define classes at run time; put them on the class path"),
  /**
   * Blocking or thread-creating {@code java.util.concurrent} primitives, parallel streams and
   * {@code Timer}: they would block the carrier of every thread of the process, or run process
   * code on JVM threads outside the kernel (docs/design/threads.md).
   */
  CONCURRENCY("concurrency", "process code may not use java.util.concurrent locks, queues, executors"
      + " or parallel streams, which Roam does not virtualize; use Thread, synchronized, wait/notify and join");

  /** Stable short name, as in "(rule net)". */
  public final String id;
  /** Why the call is refused: the second half of every message of this rule. */
  public final String reason;

  Rule(String id, String reason) {
    this.id = id;
    this.reason = reason;
  }
}
