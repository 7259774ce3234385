package io.roam.kernel.node;

import io.roam.api.Message;
import io.roam.api.NoSuchProcessException;
import io.roam.api.Pid;
import io.roam.kernel.process.ProcessApi;
import io.roam.kernel.process.ProcessRuntime;
import io.roam.kernel.process.ProcessState;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code io.roam.api.Roam} service of one process of a node: its mailbox, its per-peer
 * accounting and its migrate hint, and the resumable calls (receive, fork, checkpoint) built on
 * the runtime's blocking-call primitives. The mailbox travels in the process's snapshot under
 * {@link #RESOURCE} (see {@link #beforeCapture}; read back by {@link #restore}).
 *
 * <p>Threading: {@link #deliver} is called by senders on any thread; everything else on the
 * process's carrier, except {@link #traffic} (any thread). The queue and counters are guarded by
 * {@code this}.
 */
final class ProcessEndpoint implements ProcessApi, ProcessState.ResourceHook {
  /** Key of the mailbox in {@link ProcessState#resources()}. */
  static final String RESOURCE = "roam.api";
  /** syscallState of a process unwound in fork, waiting for its copy. */
  static final String FORK_PENDING = "roam.fork:pending";
  /** syscallState of the copy: fork returns {@link Pid#NONE}. */
  static final String FORK_CHILD = "roam.fork:child";
  /** Prefix of the parent's syscallState after the copy: the child's pid follows. */
  static final String FORK_PARENT = "roam.fork:parent:";
  /** Prefix of the parent's syscallState when the copy failed: the reason follows. */
  static final String FORK_FAILED = "roam.fork:failed:";
  /** syscallState of a process unwound in checkpoint, waiting for the node's checkpoint. */
  static final String CHECKPOINT_PENDING = "roam.checkpoint:pending";
  /** Prefix of the syscallState after the checkpoint: "true" or "false" follows. */
  static final String CHECKPOINT_DONE = "roam.checkpoint:done:";

  final ProcessId pid;
  final Pid apiPid;
  final ProcessRuntime runtime;
  private final MessageRouter router;
  private final ArrayDeque<Message> queue = new ArrayDeque<>();
  /** peer → {messages in, bytes in, messages out, bytes out}. */
  private final Map<ProcessId, long[]> traffic = new LinkedHashMap<>();
  /** The last receiver this process sent to, its endpoint and its counters (carrier only). */
  private Pid lastTo;
  private ProcessEndpoint lastTarget;
  private long[] lastOut;
  /** The last sender delivered from and its counters (guarded by this). */
  private ProcessId lastFrom;
  private long[] lastIn;
  /** The receiver waits (or is about to): a delivery must wake it. */
  private boolean waiting;
  /** Ended: deliveries fail (written under the lock; read without it by senders' peer caches). */
  private volatile boolean closed;
  private volatile String migrateHint;
  /** Copies message bodies from and to this process; made on first need. */
  private volatile io.roam.kernel.image.MessageCodec codec;
  /** A fork or checkpoint request of this process is with the router (carrier only). */
  boolean requestPending;
  /**
   * While the process is MIGRATING: the messages delivered since its move began, in order (its
   * snapshot holds the mailbox as it was then); null otherwise. Guarded by this.
   */
  private java.util.List<Message> held;

  ProcessEndpoint(ProcessId pid, ProcessRuntime runtime, MessageRouter router) {
    this.pid = pid;
    this.apiPid = Pid.of(pid.node(), pid.seq());
    this.runtime = runtime;
    this.router = router;
  }

  // ------------------------------------------------------------------ messages

  @Override
  public Pid self() {
    return apiPid;
  }

  @Override
  public void send(Pid to, Object message) {
    if (to == null) {
      throw new NullPointerException("Roam.send: the receiver is null");
    }
    ProcessEndpoint target = to.equals(lastTo) ? lastTarget : null;
    if (target == null || target.isClosed()) {
      target = router.endpoint(to);
      if (target == null) {
        throw noSuchProcess(to);
      }
      lastTo = to;
      lastTarget = target;
      synchronized (this) {
        lastOut = traffic.computeIfAbsent(target.pid, k -> new long[4]);
      }
    }
    MessageCopy.Copied c = MessageCopy.copy(this, target, message);
    if (!target.deliver(pid, apiPid, c.body(), c.bytes())) {
      lastTo = null;
      throw noSuchProcess(to);
    }
    synchronized (this) {
      lastOut[2]++;
      lastOut[3] += c.bytes();
    }
  }

  private boolean isClosed() {
    return closed;
  }

  private NoSuchProcessException noSuchProcess(Pid to) {
    return new NoSuchProcessException(to, "Roam.send from " + apiPid + ": no live process " + to
        + " on node " + router.nodeId() + " (it never existed, has ended or has moved); the message"
        + " was not sent");
  }

  /** Appends a message; false when this process has ended. Any thread. */
  boolean deliver(ProcessId from, Pid fromApi, Object body, long bytes) {
    boolean wake;
    synchronized (this) {
      if (closed) {
        return false;
      }
      (held != null ? held : queue).add(new Message(fromApi, body));
      if (!from.equals(lastFrom)) {
        lastFrom = from;
        lastIn = traffic.computeIfAbsent(from, k -> new long[4]);
      }
      long[] t = lastIn;
      t[0]++;
      t[1] += bytes;
      wake = waiting;
      waiting = false;
    }
    if (wake) {
      runtime.wake();
    }
    return true;
  }

  @Override
  public Message receive(long timeoutMillis) {
    Object saved = runtime.finishBlockedRewind();
    if (saved == null) {
      synchronized (this) { // fast path: a message is there
        Message m = queue.poll();
        if (m != null) {
          return m;
        }
      }
    }
    var clock = runtime.state().clock;
    long deadline;
    if (saved instanceof Long d) {
      deadline = d;
    } else if (timeoutMillis < 0) {
      deadline = Long.MAX_VALUE;
    } else {
      deadline = clock.nanoTime() + Math.min(timeoutMillis, Long.MAX_VALUE / 4_000_000L) * 1_000_000L;
    }
    while (true) {
      synchronized (this) {
        Message m = queue.poll();
        if (m != null) {
          return m;
        }
        waiting = true;
      }
      long wakeAt = Long.MAX_VALUE;
      if (deadline != Long.MAX_VALUE) {
        long left = deadline - clock.nanoTime();
        if (left <= 0) {
          if (!runtime.hasOtherThreads()) { // else another thread may wait in receive too
            synchronized (this) {
              waiting = false;
            }
          }
          return null;
        }
        wakeAt = System.nanoTime() + left;
      }
      if (runtime.blockUnwind(deadline, wakeAt)) {
        return null; // unwinding: the value is not used
      }
      runtime.awaitWake(wakeAt);
    }
  }

  /** Marks the process ended: later deliveries fail, queued messages are dropped. */
  synchronized void close() {
    closed = true;
    queue.clear();
  }

  /** The process starts moving away: later messages are held (see {@link #held}). */
  synchronized void hold() {
    held = new java.util.ArrayList<>();
  }

  /** The move was given up: the held messages join the mailbox, after those it had, in order. */
  void release() {
    boolean wake;
    synchronized (this) {
      if (held == null) {
        return;
      }
      queue.addAll(held);
      wake = waiting && !held.isEmpty();
      if (wake) {
        waiting = false;
      }
      held = null;
    }
    if (wake) {
      runtime.wake();
    }
  }

  /**
   * The move was committed: deliveries fail from now on (the process lives elsewhere), and the
   * held messages are returned, their bodies encoded for the destination, in order.
   */
  java.util.List<NodeKernel.Forwarded> departed() throws io.roam.kernel.snapshot.SnapshotCaptureException {
    java.util.List<Message> out;
    synchronized (this) {
      closed = true;
      out = held != null ? held : java.util.List.of();
      held = null;
      queue.clear();
    }
    java.util.List<NodeKernel.Forwarded> f = new java.util.ArrayList<>();
    for (Message m : out) {
      f.add(new NodeKernel.Forwarded(m.sender(), codec().encode(m.body())));
    }
    return f;
  }

  /** Messages waiting in the mailbox. */
  synchronized int queued() {
    return queue.size();
  }

  /** Per-peer accounting, by peer. Any thread. */
  synchronized Map<ProcessId, PeerTraffic> traffic() {
    Map<ProcessId, PeerTraffic> out = new LinkedHashMap<>();
    traffic.forEach((k, t) -> out.put(k, new PeerTraffic(t[0], t[1], t[2], t[3])));
    return java.util.Collections.unmodifiableMap(out);
  }

  io.roam.kernel.image.MessageCodec codec() {
    var c = codec;
    if (c == null) {
      synchronized (this) {
        c = codec;
        if (c == null) {
          codec = c = new io.roam.kernel.image.MessageCodec(runtime);
        }
      }
    }
    return c;
  }

  String migrateHint() {
    return migrateHint;
  }

  // ------------------------------------------------------------------ processes

  @Override
  public Pid spawn(String mainClass, String[] args) {
    return router.spawn(this, mainClass, args == null ? new String[0] : args.clone());
  }

  @Override
  public Pid fork() {
    Object saved = runtime.finishBlockedRewind();
    if (saved instanceof String s && s.equals(FORK_CHILD)) {
      return Pid.NONE;
    }
    if (saved instanceof String s && s.startsWith(FORK_PARENT)) {
      return Pid.parse(s.substring(FORK_PARENT.length()));
    }
    if (saved instanceof String s && s.startsWith(FORK_FAILED)) {
      throw new IllegalStateException(s.substring(FORK_FAILED.length()));
    }
    // a new call, or re-entered while the copy is still pending (after a capture or recovery)
    if (!runtime.blockUnwind(FORK_PENDING, Long.MAX_VALUE)) {
      throw new IllegalStateException("Roam.fork() in process " + apiPid + " was called where the"
          + " process cannot be captured (inside synchronized, or from a callback of JDK code);"
          + " call it from plain code");
    }
    if (!requestPending) {
      requestPending = true;
      router.forkLater(this);
    }
    return null; // unwinding: the value is not used
  }

  @Override
  public boolean checkpoint() {
    Object saved = runtime.finishBlockedRewind();
    if (saved instanceof String s && s.startsWith(CHECKPOINT_DONE)) {
      return Boolean.parseBoolean(s.substring(CHECKPOINT_DONE.length()));
    }
    if (!router.checkpoints()) {
      return false;
    }
    if (!runtime.blockUnwind(CHECKPOINT_PENDING, Long.MAX_VALUE)) {
      throw new IllegalStateException("Roam.checkpoint() in process " + apiPid + " was called where"
          + " the process cannot be captured (inside synchronized, or from a callback of JDK code)");
    }
    if (!requestPending) {
      requestPending = true;
      router.checkpointLater(this);
    }
    return false; // unwinding: the value is not used
  }

  @Override
  public void migrateHint(String node) {
    migrateHint = node;
  }

  // ------------------------------------------------------------------ capture

  @Override
  public void beforeCapture(ProcessState state) {
    synchronized (this) {
      Object[] peers = new Object[traffic.size() * 2];
      int i = 0;
      for (Map.Entry<ProcessId, long[]> e : traffic.entrySet()) {
        peers[i++] = e.getKey().toString();
        peers[i++] = e.getValue().clone();
      }
      state.resources().put(RESOURCE, new Object[] {pid.toString(), queue.toArray(), migrateHint, peers});
    }
  }

  /** Takes back the mailbox, accounting and hint a snapshot of this process held. */
  void restore(ProcessState state) {
    Object r = state.resources().get(RESOURCE);
    if (!(r instanceof Object[] a)) {
      return;
    }
    synchronized (this) {
      for (Object m : (Object[]) a[1]) {
        queue.add((Message) m);
      }
      migrateHint = (String) a[2];
      Object[] peers = (Object[]) a[3];
      for (int i = 0; i < peers.length; i += 2) {
        traffic.put(ProcessId.parse((String) peers[i]), ((long[]) peers[i + 1]).clone());
      }
    }
  }
}
