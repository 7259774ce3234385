package io.roam.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.node.NodeKernel;
import io.roam.kernel.node.ProcessId;
import io.roam.kernel.node.ProcessInfo;
import io.roam.kernel.node.ProcessStatus;
import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.VirtualConsole;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process blocked in {@code Roam.receive(timeout)} holds no worker (its slices do not grow
 * while it waits), can be suspended and checkpointed there, and, adopted by another node kernel,
 * finishes its wait on its own clock: receive returns null only once the whole timeout has passed.
 */
class BlockedReceiveFreezeTest {
  @TempDir Path dir;

  @Test
  void aBlockedReceiveIsFrozenAndTimesOutAfterTheMove() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path file = dir.resolve("waiting.roam");
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(1))) {
      ProcessId pid = k.spawn(CodeSource.fromClassPath(NodeKernelTest.cp()), "apiuse.WaitLong",
          new String[] {"600"}, new VirtualConsole(out, err, new ByteArrayInputStream(new byte[0]), 0, 0), 0);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      // alone on its worker, its first slice ends only when it blocks in receive
      while (k.info(pid).slices() < 1) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(5);
      }
      long slices = k.info(pid).slices();
      Thread.sleep(150);
      assertThat(k.info(pid).slices()).as("a blocked receive holds no worker").isEqualTo(slices);
      assertThat(k.suspend(pid, Duration.ofSeconds(10))).isEqualTo(ProcessStatus.SUSPENDED);
      k.checkpoint(pid, file, Duration.ofSeconds(10));
    }
    assertThat(out.toString()).isEqualTo("waiting 600 ms for a message\n");
    try (NodeKernel other = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(1))) {
      ProcessId pid = other.adopt(file, (o, e) -> new VirtualConsole(out, err,
          new ByteArrayInputStream(new byte[0]), o, e), 0);
      ProcessInfo end = other.await(pid, Duration.ofSeconds(30));
      assertThat(end.exitCode()).isZero();
    }
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).isEqualTo("waiting 600 ms for a message\ngot null after at least 600 ms: true\n");
  }
}
