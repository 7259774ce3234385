package io.roam.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.files.FileBytes;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-process file accounting (ProcessInfo.fileBytes): corpus.FileCopy, preempted every 2 ms on
 * a node kernel, reads and writes exactly the bytes its code implies, per path; checkpointed
 * half-way, killed, and adopted by another kernel, it finishes with the same output and the same
 * totals (the counters and the open files travel in the checkpoint).
 */
class FileAccountingTest {
  @TempDir Path dir;

  /** source.bin: written once (1.6 MB), read twice (CRC, copy); copy.bin: written, 13 appended, read for two CRCs and 8 bytes. */
  static final Map<String, FileBytes> EXPECTED = Map.of(
      "source.bin", new FileBytes(3_200_000, 1_600_000),
      "copy.bin", new FileBytes(1_600_000 + 8 + 1_600_013, 1_600_013));

  static Map<String, FileBytes> byName(ProcessInfo end) {
    Path work = Path.of(System.getProperty("user.dir"), "fileio-FileCopy");
    Map<String, FileBytes> out = new java.util.TreeMap<>();
    end.fileBytes().forEach((p, b) -> {
      assertThat(Path.of(p).getParent()).as(p).isEqualTo(work);
      out.put(Path.of(p).getFileName().toString(), b);
    });
    return out;
  }

  @Test
  void bytesReadAndWrittenAreCountedPerPath() throws Exception {
    InJvm.Result alone = new InJvm().run(NodeKernelTest.cp(), "corpus.FileCopy", new String[0], 0, false, dir);
    NodeKernelTest.Console c = NodeKernelTest.Console.create();
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(1)
        .withSlice(Duration.ofMillis(2)))) {
      ProcessId pid = k.spawn(CodeSource.fromClassPath(NodeKernelTest.cp()), "corpus.FileCopy", new String[0],
          c.console(), 0);
      ProcessInfo end = k.await(pid, Duration.ofMinutes(2));
      assertThat(end.exitCode()).isZero();
      assertThat(c.out().toString()).isEqualTo(alone.out());
      assertThat(byName(end)).isEqualTo(EXPECTED);
    }
  }

  @Test
  void countsAndOpenFilesTravelWithACheckpoint() throws Exception {
    InJvm.Result alone = new InJvm().run(NodeKernelTest.cp(), "corpus.FileCopy", new String[0], 0, false, dir);
    NodeKernelTest.Console c = NodeKernelTest.Console.create();
    Path file = dir.resolve("copy.roam");
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(1))) {
      ProcessId pid = k.spawn(CodeSource.fromClassPath(NodeKernelTest.cp()), "corpus.FileCopy", new String[0],
          c.console(), 0);
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (written(k.info(pid), "source.bin") < 400_000 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(k.suspend(pid, Duration.ofSeconds(10))).isEqualTo(ProcessStatus.SUSPENDED);
      k.checkpoint(pid, file, Duration.ofSeconds(10));
      k.kill(pid);
      assertThat(k.await(pid, Duration.ofSeconds(10)).status()).isEqualTo(ProcessStatus.FAILED);
    }
    ByteArrayOutputStream rest = new ByteArrayOutputStream();
    try (NodeKernel other = new NodeKernel(NodeKernel.Config.defaults("n2").withWorkers(1)
        .withSlice(Duration.ofMillis(2)))) {
      ProcessId pid = other.adopt(file, (o, e) -> new VirtualConsole(rest, new ByteArrayOutputStream(),
          new ByteArrayInputStream(new byte[0]), o, e), 0);
      ProcessInfo end = other.await(pid, Duration.ofMinutes(2));
      assertThat(end.exitCode()).isZero();
      assertThat(byName(end)).isEqualTo(EXPECTED);
    }
    assertThat(c.out().toString() + rest).isEqualTo(alone.out());
  }

  private static long written(ProcessInfo i, String name) {
    return i.fileBytes().entrySet().stream().filter(e -> e.getKey().endsWith("/" + name))
        .mapToLong(e -> e.getValue().written()).sum();
  }
}
