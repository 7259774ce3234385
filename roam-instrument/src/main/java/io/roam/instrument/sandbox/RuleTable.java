package io.roam.instrument.sandbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's rule table: which members, types and supertypes of the platform belong to which
 * {@link Rule}. Pure data, no hierarchy: callers walk superclasses themselves (the verifier through
 * the process's class hierarchy, the run-time checks through {@link Class#getSuperclass()}), so
 * that {@code MulticastSocket.setDatagramSocketImplFactory} matches the entry of
 * {@code DatagramSocket}. Names are internal names ({@code java/net/Socket}). Documented, entry by
 * entry, in docs/design/sandbox.md (keep in sync). Immutable and thread-safe.
 */
public final class RuleTable {
  /** {@code owner.name} → rule; name {@code *} stands for every member of the owner. */
  private static final Map<String, Rule> MEMBERS = new HashMap<>();
  /** Owner package prefixes every member of which is refused. */
  private static final Map<String, Rule> OWNER_PREFIXES = Map.of(
      "java/net/http/", Rule.NET,
      "com/sun/net/httpserver/", Rule.NET,
      "jdk/jshell/", Rule.EXEC,
      "java/lang/instrument/", Rule.DEFINE_CLASS);
  /** Types any reference to which is refused (field, method, descriptor, cast, class literal). */
  private static final Map<String, Rule> TYPES = Map.of(
      "sun/misc/Unsafe", Rule.UNSAFE,
      "jdk/internal/misc/Unsafe", Rule.UNSAFE);
  /** Package prefixes of JDK and Roam internals; {@link #ALLOWED_ROAM} is the exception. */
  private static final List<String> INTERNAL_PREFIXES = List.of("io/roam/", "jdk/internal/", "sun/");
  /** The one Roam package process code may use. */
  private static final String ALLOWED_ROAM = "io/roam/api/";
  /** Classes a process class may not extend. */
  private static final Map<String, Rule> SUPERTYPES = Map.of(
      "java/net/Socket", Rule.NET,
      "java/net/ServerSocket", Rule.NET,
      "java/net/DatagramSocket", Rule.NET,
      "java/net/SocketImpl", Rule.NET,
      "java/net/DatagramSocketImpl", Rule.NET,
      "java/lang/ClassLoader", Rule.DEFINE_CLASS);

  static {
    members(Rule.NET, "java/net/Socket", "<init>", "setSocketImplFactory");
    members(Rule.NET, "java/net/ServerSocket", "<init>", "setSocketFactory");
    members(Rule.NET, "java/net/DatagramSocket", "<init>", "setDatagramSocketImplFactory");
    members(Rule.NET, "java/net/MulticastSocket", "<init>");
    members(Rule.NET, "java/net/URL", "openConnection", "openStream", "getContent", "setURLStreamHandlerFactory");
    members(Rule.NET, "java/net/URLConnection", "setContentHandlerFactory");
    members(Rule.NET, "java/nio/channels/SocketChannel", "open");
    members(Rule.NET, "java/nio/channels/ServerSocketChannel", "open");
    members(Rule.NET, "java/nio/channels/DatagramChannel", "open");
    members(Rule.NET, "java/nio/channels/AsynchronousSocketChannel", "open");
    members(Rule.NET, "java/nio/channels/AsynchronousServerSocketChannel", "open");
    members(Rule.NET, "java/nio/channels/spi/SelectorProvider",
        "openSocketChannel", "openServerSocketChannel", "openDatagramChannel", "inheritedChannel");
    members(Rule.NET, "java/nio/channels/spi/AsynchronousChannelProvider",
        "openAsynchronousSocketChannel", "openAsynchronousServerSocketChannel");
    members(Rule.NET, "java/lang/System", "inheritedChannel");
    members(Rule.NET, "javax/net/SocketFactory", "*");
    members(Rule.NET, "javax/net/ServerSocketFactory", "*");
    members(Rule.NET, "java/rmi/Naming", "*");
    members(Rule.NET, "java/rmi/registry/LocateRegistry", "*");
    members(Rule.NET, "java/rmi/server/UnicastRemoteObject", "*");
    members(Rule.NET, "javax/naming/InitialContext", "<init>");

    members(Rule.EXEC, "java/lang/ProcessBuilder", "<init>", "start", "startPipeline");
    members(Rule.EXEC, "java/lang/Runtime", "exec");
    members(Rule.EXEC, "java/lang/ProcessHandle", "of", "allProcesses");
    members(Rule.EXEC, "java/awt/Desktop", "*");

    members(Rule.NATIVE, "java/lang/System", "load", "loadLibrary");
    members(Rule.NATIVE, "java/lang/Runtime", "load", "loadLibrary");
    members(Rule.NATIVE, "java/lang/foreign/Linker", "*");
    members(Rule.NATIVE, "java/lang/foreign/SymbolLookup", "*");
    members(Rule.NATIVE, "jdk/incubator/foreign/CLinker", "*");
    members(Rule.NATIVE, "jdk/incubator/foreign/SymbolLookup", "*");

    members(Rule.REFLECT_INTERNAL, "java/beans/Statement", "<init>");
    members(Rule.REFLECT_INTERNAL, "java/beans/Expression", "<init>");

    members(Rule.SECURITY_MANAGER, "java/lang/System", "setSecurityManager");
    members(Rule.SECURITY_MANAGER, "java/security/Policy", "setPolicy");

    members(Rule.DEFINE_CLASS, "java/net/URLClassLoader", "<init>", "newInstance");
    members(Rule.DEFINE_CLASS, "java/lang/invoke/MethodHandles$Lookup",
        "defineClass", "defineHiddenClass", "defineHiddenClassWithClassData");
    members(Rule.DEFINE_CLASS, "java/lang/ModuleLayer",
        "defineModules", "defineModulesWithOneLoader", "defineModulesWithManyLoaders");
    members(Rule.DEFINE_CLASS, "java/rmi/server/RMIClassLoader", "*");

    concurrency();
  }

  /** Rule CONCURRENCY: creating what would block or run code outside the kernel is refused. */
  private static void concurrency() {
    String juc = "java/util/concurrent/";
    for (String c : List.of("locks/ReentrantLock", "locks/ReentrantReadWriteLock", "locks/StampedLock",
        "CountDownLatch", "Semaphore", "CyclicBarrier", "Phaser", "Exchanger", "ArrayBlockingQueue",
        "LinkedBlockingQueue", "LinkedBlockingDeque", "PriorityBlockingQueue", "DelayQueue",
        "SynchronousQueue", "LinkedTransferQueue", "ThreadPoolExecutor", "ForkJoinPool", "FutureTask")) {
      members(Rule.CONCURRENCY, juc + c, "<init>");
    }
    members(Rule.CONCURRENCY, juc + "locks/LockSupport", "*");
    members(Rule.CONCURRENCY, juc + "Executors", "*");
    members(Rule.CONCURRENCY, juc + "CompletableFuture", "*");
    members(Rule.CONCURRENCY, juc + "ForkJoinPool", "commonPool");
    members(Rule.CONCURRENCY, juc + "ForkJoinTask", "fork", "join", "invoke", "invokeAll", "get");
    members(Rule.CONCURRENCY, "java/util/Timer", "<init>");
    // JDK 21+: virtual threads and thread builders start JVM threads outside the kernel
    members(Rule.CONCURRENCY, "java/lang/Thread", "ofVirtual", "ofPlatform", "startVirtualThread");
    for (String c : List.of("java/util/Collection", "java/util/List", "java/util/Set", "java/util/Queue",
        "java/util/Deque", "java/util/ArrayList", "java/util/LinkedList", "java/util/HashSet",
        "java/util/TreeSet", "java/util/ArrayDeque")) {
      members(Rule.CONCURRENCY, c, "parallelStream");
    }
    for (String c : List.of("BaseStream", "Stream", "IntStream", "LongStream", "DoubleStream")) {
      members(Rule.CONCURRENCY, "java/util/stream/" + c, "parallel");
    }
    members(Rule.CONCURRENCY, "java/util/Arrays", "parallelSort", "parallelPrefix", "parallelSetAll");
  }

  private RuleTable() {}

  private static void members(Rule rule, String owner, String... names) {
    for (String n : names) {
      MEMBERS.put(owner + "." + n, rule);
    }
  }

  /**
   * The rule refusing member {@code name} (a method, constructor {@code <init>} or field) as
   * declared or inherited by exactly {@code owner}, or null. Includes the owner's own type rule.
   */
  public static Rule member(String owner, String name) {
    Rule r = MEMBERS.get(owner + "." + name);
    if (r == null) {
      r = MEMBERS.get(owner + ".*");
    }
    if (r == null) {
      for (Map.Entry<String, Rule> p : OWNER_PREFIXES.entrySet()) {
        if (owner.startsWith(p.getKey())) {
          return p.getValue();
        }
      }
    }
    return r != null ? r : type(owner);
  }

  /**
   * The rule refusing any reference to the class {@code internalName} (array element types
   * included), or null: Unsafe, and JDK or Roam internals.
   */
  public static Rule type(String internalName) {
    String t = elementType(internalName);
    Rule r = TYPES.get(t);
    if (r == null && isInternal(t)) {
      r = Rule.REFLECT_INTERNAL;
    }
    return r;
  }

  /** The rule refusing a process class that extends {@code internalName} directly, or null. */
  public static Rule supertype(String internalName) {
    return SUPERTYPES.get(internalName);
  }

  /**
   * True when the class (internal or binary name) is a JDK or Roam internal that process code may
   * not name: {@code io.roam.*} except {@code io.roam.api.*}, {@code jdk.internal.*}, {@code sun.*}.
   */
  public static boolean isInternal(String name) {
    String n = name.replace('.', '/');
    if (n.startsWith(ALLOWED_ROAM)) {
      return false;
    }
    for (String p : INTERNAL_PREFIXES) {
      if (n.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  private static String elementType(String name) {
    int i = 0;
    while (i < name.length() && name.charAt(i) == '[') {
      i++;
    }
    if (i > 0 && name.charAt(i) == 'L') {
      return name.substring(i + 1, name.length() - 1);
    }
    return i > 0 ? "" : name;
  }
}
