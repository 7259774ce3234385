package io.roam.kernel.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Pooled carriers: a run finds its carrier as a new thread would be, whatever the run before did. */
class CarrierPoolTest {
  record Seen(Thread carrier, boolean interrupted, boolean daemon) {}

  @Test
  void aRunOnAReusedCarrierDoesNotSeeTheInterruptLeftByTheRunBefore() throws Exception {
    int reused = 0;
    for (int attempt = 0; attempt < 50 && reused < 5; attempt++) {
      CompletableFuture<Thread> first = new CompletableFuture<>();
      CarrierPool.execute(() -> {
        Thread.currentThread().interrupt();
        first.complete(Thread.currentThread());
      });
      Thread t = first.get(30, TimeUnit.SECONDS);
      CompletableFuture<Seen> second = new CompletableFuture<>();
      CarrierPool.execute(() -> second.complete(new Seen(Thread.currentThread(),
          Thread.currentThread().isInterrupted(), Thread.currentThread().isDaemon())));
      Seen s = second.get(30, TimeUnit.SECONDS);
      assertThat(s.interrupted()).as("interrupt status on a carrier").isFalse();
      assertThat(s.daemon()).as("carriers never keep the JVM alive").isTrue();
      if (s.carrier() == t) {
        reused++;
      }
    }
    assertThat(reused).as("runs that found the previous run's carrier").isGreaterThan(0);
  }
}
