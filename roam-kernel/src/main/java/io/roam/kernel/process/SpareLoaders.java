package io.roam.kernel.process;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Process class loaders made ahead of a restore, so that restoring a program this JVM has
 * restored before does not define its context class and its classes on the critical path. Each
 * process still gets a loader of its own that no process used before: a spare has its context
 * class and the classes the last snapshot of that code had initialized <em>defined and linked</em>
 * (verified, their reflection data built), the handle of the main method looked up and the
 * kernel's access to the context class readied, but no process class of it is initialized, so no static of the
 * process exists yet — exactly the state in which a fresh loader would reach the same point of
 * the restore. A spare is taken once and never returned.
 *
 * <p>Policy: a spare for a code digest and parent loader is made in the background when a
 * snapshot of that code is restored for the second time or later in this JVM (a one-shot {@code
 * roam local resume} makes none), at most one per key and {@value #MAX_SPARES} in all (the least
 * recently used key is dropped). A spare that is not ready yet is not waited for. A spare whose
 * preparation failed (a class the sandbox refuses …) is dropped: the restore then makes its loader
 * as before and reports the error itself. {@code -Droam.spareLoaders=false} turns spares off.
 * Thread-safe.
 */
public final class SpareLoaders {
  /** Spares kept at most, over all programs. */
  static final int MAX_SPARES = 4;
  /** Restores of one program after which spares are made for it. */
  static final int RESTORES_BEFORE_SPARES = 1;

  private static final boolean ENABLED = !"false".equals(System.getProperty("roam.spareLoaders"));

  /**
   * How often the maker thread looks for work: asking for a spare only queues it (waking a thread
   * on the restore path costs more than the queueing, and on a small machine the woken thread
   * would take the CPU the restored process rewinds on); the wait also lets the rewind go first.
   */
  static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
  /** The maker thread ends after this long without work (the next request starts one again). */
  static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(10);

  /** Spares asked for and not begun yet. */
  private static final ConcurrentLinkedQueue<Runnable> REQUESTS = new ConcurrentLinkedQueue<>();
  /** Whether a maker thread runs (or is being started). */
  private static final AtomicBoolean MAKER_RUNS = new AtomicBoolean();

  /** Per key, in access order: restores seen and the spare being made or ready (or null). */
  private static final Map<Key, Entry> ENTRIES = new LinkedHashMap<>(16, 0.75f, true);

  private SpareLoaders() {}

  private record Key(String digest, ClassLoader parent) {}

  private static final class Entry {
    /** The code of the last restore with this key. */
    CodeSource code;
    int restores;
    CompletableFuture<ProcessClassLoader> spare;
  }

  /**
   * A loader for {@code code} under {@code parent} that no process has used: a ready spare, else
   * a new one. {@code classes} (binary names) are those the restore will initialize; a spare made
   * for the next restore of the same code defines them and looks up {@code main} of {@code
   * mainClass}.
   */
  public static ProcessClassLoader take(CodeSource code, ClassLoader parent, List<String> classes, String mainClass) {
    if (!ENABLED) {
      return new ProcessClassLoader(code, parent);
    }
    ProcessClassLoader ready = null;
    Key key = new Key(code.digest(), parent);
    synchronized (ENTRIES) {
      Entry e = ENTRIES.computeIfAbsent(key, k -> new Entry());
      e.code = code;
      e.restores++;
      if (e.spare != null && e.spare.isDone()) {
        ready = e.spare.getNow(null);
        e.spare = null;
      }
      if (e.restores > RESTORES_BEFORE_SPARES && e.spare == null) {
        CompletableFuture<ProcessClassLoader> f = new CompletableFuture<>();
        List<String> names = List.copyOf(classes);
        request(() -> {
          ProcessClassLoader l = null;
          try {
            l = make(code, parent, names, mainClass);
          } finally {
            f.complete(l); // never left pending: a pending spare would block this key's next ones
          }
        });
        e.spare = f;
      }
      trim();
    }
    return ready != null ? ready : new ProcessClassLoader(code, parent);
  }

  /**
   * The code that the last restore of code with digest {@code digest} under {@code parent} used,
   * or null: a restore whose code section holds the same bytes ({@link CodeSource#sameEntries})
   * uses that instance, whose digest is known, instead of hashing its own.
   */
  public static CodeSource knownCode(String digest, ClassLoader parent) {
    if (!ENABLED) {
      return null;
    }
    synchronized (ENTRIES) {
      Entry e = ENTRIES.get(new Key(digest, parent));
      return e == null ? null : e.code;
    }
  }

  /** The spare being made or ready for {@code code} under {@code parent}, or null (for tests). */
  static CompletableFuture<ProcessClassLoader> spareFor(CodeSource code, ClassLoader parent) {
    synchronized (ENTRIES) {
      Entry e = ENTRIES.get(new Key(code.digest(), parent));
      return e == null ? null : e.spare;
    }
  }

  private static void request(Runnable make) {
    REQUESTS.add(make);
    if (MAKER_RUNS.compareAndSet(false, true)) {
      Thread t = new Thread(SpareLoaders::makeUntilIdle, "roam-spare-loaders");
      t.setDaemon(true);
      t.start();
    }
  }

  /** The maker thread: runs requests one at a time, polling, until idle for {@link #IDLE_NANOS}. */
  private static void makeUntilIdle() {
    long idleSince = System.nanoTime();
    while (true) {
      Runnable r = REQUESTS.poll();
      if (r != null) {
        try {
          r.run();
        } catch (Throwable t) {
          // a spare is an optimisation: whatever went wrong (an OutOfMemoryError …), the restore
          // that would have taken it makes its loader itself and meets the problem there
        }
        idleSince = System.nanoTime();
      } else if (System.nanoTime() - idleSince > IDLE_NANOS) {
        MAKER_RUNS.set(false);
        // a request queued after the poll, whose sender saw this thread still running, is ours
        if (REQUESTS.isEmpty() || !MAKER_RUNS.compareAndSet(false, true)) {
          return;
        }
      } else {
        LockSupport.parkNanos(POLL_NANOS);
      }
    }
  }

  /** Drops spares beyond {@link #MAX_SPARES}, least recently used first; forgets keys without one. */
  private static void trim() {
    List<Key> withSpare = new ArrayList<>();
    for (Map.Entry<Key, Entry> e : ENTRIES.entrySet()) {
      if (e.getValue().spare != null) {
        withSpare.add(e.getKey());
      }
    }
    for (int i = 0; i < withSpare.size() - MAX_SPARES; i++) {
      ENTRIES.remove(withSpare.get(i));
    }
    for (Iterator<Entry> it = ENTRIES.values().iterator(); ENTRIES.size() > 4 * MAX_SPARES && it.hasNext(); ) {
      if (it.next().spare == null) {
        it.remove();
      }
    }
  }

  /** A spare, or null when one of its classes cannot be defined (the restore will say why). */
  private static ProcessClassLoader make(CodeSource code, ClassLoader parent, List<String> classes, String mainClass) {
    try {
      ProcessClassLoader l = new ProcessClassLoader(code, parent);
      ProcessRuntime.prepareContext(l);
      for (String c : classes) {
        // reflection links (verifies) the class without initializing it, and its field table is
        // what restoring the statics reads
        Objects.requireNonNull(Class.forName(c, false, l).getDeclaredFields());
      }
      l.literalStrings(); // what the process's next capture asks first, if it defines nothing new
      // what the resume asks first; made before the class is initialized, the handle checks that
      // on its calls (≈ 20 µs more in the first rewind), but a lookup after the restore costs 40
      l.mainMethod(mainClass);
      return l;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }
}
