package io.roam.kernel.node;

import io.roam.api.Pid;
import io.roam.instrument.runtime.Continuation;
import io.roam.kernel.RoamException;
import io.roam.kernel.image.ProcessImage;
import io.roam.kernel.process.ProcessRuntime;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The node side of {@code io.roam.api.Roam}: one {@link ProcessEndpoint} per live process of a
 * {@link NodeKernel}, found by pid for {@link ProcessEndpoint#send}; spawn; and the requests a
 * process cannot serve on its own carrier because they need it stopped — fork (copy its image
 * into a new process) and checkpoint — which run on the router's own thread once the process has
 * unwound.
 *
 * <p>{@link #freezeLock} orders every operation that suspends processes and resumes them again
 * (a fork's copy, a durable node's checkpoint round): one at a time, so that none resumes a
 * process another one still needs stopped. Thread-safe.
 */
final class MessageRouter {
  private final NodeKernel kernel;
  private final Map<ProcessId, ProcessEndpoint> endpoints = new ConcurrentHashMap<>();
  /** Held while processes are suspended on purpose (fork copies, checkpoint rounds). */
  final ReentrantLock freezeLock = new ReentrantLock();
  /** Runs fork and checkpoint requests; made on first need. */
  private ExecutorService requests;
  /** Writes a checkpoint of the whole node (set by a durable node), or null. */
  private volatile CheckpointRound checkpointer;

  /** A consistent checkpoint of every process of the node; called with {@link #freezeLock} held. */
  interface CheckpointRound {
    void run() throws Exception;
  }

  MessageRouter(NodeKernel kernel) {
    this.kernel = kernel;
  }

  /** Gives a starting process its endpoint, with the mailbox its snapshot held (if any). */
  ProcessEndpoint attach(ProcessId pid, ProcessRuntime rt) {
    ProcessEndpoint e = new ProcessEndpoint(pid, rt, this);
    e.restore(rt.state());
    rt.setApi(e);
    rt.state().addHook(e);
    endpoints.put(pid, e);
    return e;
  }

  /** The process ended: its mailbox goes, sends to it fail. */
  void detach(ProcessId pid) {
    ProcessEndpoint e = endpoints.remove(pid);
    if (e != null) {
      e.close();
    }
  }

  /**
   * The endpoint of a live process on this node, or null: its own, and those that moved here from
   * another node (a process keeps its id when it moves).
   */
  ProcessEndpoint endpoint(Pid pid) {
    if (pid.isNone()) {
      return null;
    }
    return endpoints.get(new ProcessId(pid.node(), pid.seq()));
  }

  String nodeId() {
    return kernel.config().nodeId();
  }

  void setCheckpointer(CheckpointRound c) {
    this.checkpointer = c;
  }

  boolean checkpoints() {
    return checkpointer != null;
  }

  Pid spawn(ProcessEndpoint parent, String mainClass, String[] args) {
    try {
      ProcessId child = kernel.spawnChild(parent.pid, mainClass, args);
      return Pid.of(child.node(), child.seq());
    } catch (RoamException e) {
      throw new IllegalArgumentException("Roam.spawn(" + mainClass + ") from " + parent.apiPid + ": "
          + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------ requests of stopped processes

  void forkLater(ProcessEndpoint parent) {
    submit(() -> whileStopped(parent, ProcessEndpoint.FORK_PENDING, c -> fork(parent, c)));
  }

  void checkpointLater(ProcessEndpoint p) {
    submit(() -> whileStopped(p, ProcessEndpoint.CHECKPOINT_PENDING, c -> checkpoint(p, c)));
  }

  private synchronized void submit(Runnable r) {
    if (requests == null) {
      requests = Executors.newSingleThreadExecutor(r2 -> {
        Thread t = new Thread(r2, "roam-api-" + kernel.config().nodeId());
        t.setDaemon(true);
        return t;
      });
    }
    requests.execute(r);
  }

  /**
   * Suspends the process (it has unwound, or is about to, in the call that asked), runs {@code
   * action} on the continuation of the virtual thread still stopped in that call ({@code pending}
   * in its continuation; any thread of the process), marks it answered, and lets the process run again
   * unless someone else had it suspended.
   */
  private void whileStopped(ProcessEndpoint e, String pending,
      java.util.function.Consumer<Continuation> action) {
    freezeLock.lock();
    try {
      ProcessStatus before = kernel.statusOrNull(e.pid);
      if (before == null || before.isFinal()
          || kernel.suspend(e.pid, Duration.ofSeconds(60)) != ProcessStatus.SUSPENDED) {
        return;
      }
      try {
        Continuation asking = e.runtime.continuationBlockedIn(pending);
        if (asking != null) {
          action.accept(asking);
          e.runtime.answered(asking); // a thread that waits alone in the call looks again
        }
      } finally {
        e.requestPending = false;
        askAgainIfPending(e);
        if (before != ProcessStatus.SUSPENDED) {
          kernel.resume(e.pid);
        }
      }
    } catch (RoamException | TimeoutException ex) {
      // the process ended or could not be stopped: nothing to answer
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    } finally {
      freezeLock.unlock();
    }
  }

  /**
   * Another thread of the stopped process called fork or checkpoint while this request was with
   * the router (its call saw {@code requestPending} and asked nothing): a request for it now.
   */
  private void askAgainIfPending(ProcessEndpoint e) {
    if (e.runtime.continuationBlockedIn(ProcessEndpoint.FORK_PENDING) != null) {
      e.requestPending = true;
      forkLater(e);
    } else if (e.runtime.continuationBlockedIn(ProcessEndpoint.CHECKPOINT_PENDING) != null) {
      e.requestPending = true;
      checkpointLater(e);
    }
  }

  /** The parent is stopped in fork: copies its image into a new process, answers both. */
  private void fork(ProcessEndpoint parent, Continuation main) {
    try {
      parent.runtime.console().flush();
      ProcessId child = kernel.nextPid();
      main.syscallState = ProcessEndpoint.FORK_CHILD;
      byte[] image;
      try {
        image = ProcessImage.toBytes(parent.runtime, kernel.mainClassOf(parent.pid));
      } finally {
        main.syscallState = ProcessEndpoint.FORK_PENDING;
      }
      kernel.startFork(parent.pid, child, image);
      main.syscallState = ProcessEndpoint.FORK_PARENT + child;
    } catch (RoamException | RuntimeException ex) {
      main.syscallState = ProcessEndpoint.FORK_FAILED + "Roam.fork() in process " + parent.apiPid
          + " failed: " + ex.getMessage();
    }
  }

  /** The process is stopped in checkpoint: runs the node's checkpoint round, answers true. */
  private void checkpoint(ProcessEndpoint p, Continuation main) {
    CheckpointRound c = checkpointer;
    main.syscallState = ProcessEndpoint.CHECKPOINT_DONE + "true"; // what its snapshot resumes with
    try {
      c.run();
    } catch (Exception ex) {
      main.syscallState = ProcessEndpoint.CHECKPOINT_DONE + "false";
    }
  }

  /** Stops the request thread. */
  synchronized void close() {
    if (requests != null) {
      requests.shutdownNow();
    }
  }
}
