package io.roam.kernel.process;

import io.roam.api.Message;
import io.roam.api.Pid;

/**
 * The kernel service behind {@code io.roam.api.Roam} for one process: what {@link
 * ProcessRuntime}'s {@code roam*} system calls delegate to. A node kernel installs one per
 * process ({@link ProcessRuntime#setApi}); without one (a process run alone by {@code roam local
 * run}) the calls fail with a message saying they need a node. Called on the process's carrier.
 * {@link #receive}, {@link #fork} and {@link #checkpoint} are resumable: they may unwind the
 * process ({@link ProcessRuntime#blockUnwind}) and are re-entered when it rewinds.
 */
public interface ProcessApi {
  Pid self();

  void send(Pid to, Object message);

  /** @param timeoutMillis 0: do not wait; negative: wait as long as it takes */
  Message receive(long timeoutMillis);

  Pid spawn(String mainClass, String[] args);

  Pid fork();

  boolean checkpoint();

  void migrateHint(String node);
}
