package io.roam.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.instrument.sandbox.SandboxViolationException;
import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.ProcessClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule {@code concurrency}: blocking {@code java.util.concurrent} primitives, executors and
 * parallel streams are refused when the class loads, one line per call naming class, method,
 * line and call (docs/design/sandbox.md) — never a hang at run time.
 */
class ConcurrencyRefusalTest {
  private static final String WHY = ": process code may not use java.util.concurrent locks, queues,"
      + " executors or parallel streams, which Roam does not virtualize; use Thread, synchronized,"
      + " wait/notify and join (rule concurrency)";

  @TempDir Path dir;

  @Test
  void blockingPrimitivesAreRefusedWithOneLinePerCall() throws Exception {
    Path classes = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
    Files.createDirectories(dir.resolve("sandbox"));
    Files.copy(classes.resolve("sandbox/BlocksOnConcurrency.class"), dir.resolve("sandbox/BlocksOnConcurrency.class"));
    ProcessClassLoader loader = new ProcessClassLoader(CodeSource.fromClassPath(dir.toString()),
        getClass().getClassLoader());
    List<String> lines = null;
    try {
      Class.forName("sandbox.BlocksOnConcurrency", false, loader);
    } catch (SandboxViolationException e) {
      lines = e.getMessage().lines().toList();
    }
    String at = "sandbox: sandbox.BlocksOnConcurrency.main(String[]) line ";
    assertThat(lines).containsExactly(
        at + "13 calls java.util.concurrent.locks.ReentrantLock.<init>" + WHY,
        at + "14 calls java.util.concurrent.CountDownLatch.<init>" + WHY,
        at + "15 calls java.util.concurrent.LinkedBlockingQueue.<init>" + WHY,
        at + "16 calls java.util.concurrent.Executors.newFixedThreadPool" + WHY,
        at + "17 calls java.util.concurrent.locks.LockSupport.park" + WHY,
        at + "18 calls java.util.List.parallelStream" + WHY);
  }
}
