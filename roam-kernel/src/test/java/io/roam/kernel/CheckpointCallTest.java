package io.roam.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.node.DurableNode;
import io.roam.kernel.node.NodeKernel;
import io.roam.kernel.node.ProcessId;
import io.roam.kernel.node.ProcessInfo;
import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.VirtualConsole;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Roam.checkpoint()} writes a checkpoint round in a durable node (and returns true, also
 * when that checkpoint is later resumed) and is a no-op returning false on a plain node; {@code
 * Roam.migrateHint} lands in the process's accounting.
 */
class CheckpointCallTest {
  @TempDir Path dir;

  @Test
  void onAPlainNodeCheckpointIsFalseAndTheHintIsRecorded() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(1))) {
      ProcessId pid = k.spawn(CodeSource.fromClassPath(NodeKernelTest.cp()), "apiuse.Hints", new String[0],
          new VirtualConsole(out, err, new ByteArrayInputStream(new byte[0]), 0, 0), 0);
      ProcessInfo end = k.await(pid, Duration.ofMinutes(1));
      assertThat(err.toString()).isEmpty();
      assertThat(out.toString()).isEqualTo("checkpoint: false, squares [0, 1, 4, 9, 16, 25]\n");
      assertThat(end.migrateHint()).isEqualTo("n7");
    }
  }

  @Test
  void inADurableNodeCheckpointWritesARoundThatResumesReturningTrue() throws Exception {
    Path node = dir.resolve("node");
    ProcessId pid;
    try (DurableNode n = DurableNode.create(node, NodeKernel.Config.defaults("n1").withWorkers(1),
        Duration.ofHours(1), 3)) {
      pid = n.spawn(NodeKernelTest.cp(), "apiuse.Hints", new String[0]);
      ProcessInfo end = n.awaitAll(Duration.ofMinutes(1)).get(pid);
      assertThat(end.exitCode()).isZero();
    }
    Path pdir = node.resolve(pid.toString());
    assertThat(Files.readString(pdir.resolve("out"))).isEqualTo("checkpoint: true, squares [0, 1, 4, 9, 16, 25]\n");
    assertThat(pdir.resolve("checkpoint-1.roam")).exists();
    assertThat(Files.readString(node.resolve("cut.properties"))).contains("round=1").contains("pids=" + pid);
    // the checkpoint taken inside checkpoint() resumes there, returning true
    ByteArrayOutputStream rest = new ByteArrayOutputStream();
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(1))) {
      ProcessId again = k.adopt(pdir.resolve("checkpoint-1.roam"), (o, e) -> new VirtualConsole(rest,
          new ByteArrayOutputStream(), new ByteArrayInputStream(new byte[0]), o, e), 0);
      assertThat(k.await(again, Duration.ofMinutes(1)).migrateHint()).isEqualTo("n7");
    }
    assertThat(rest.toString()).isEqualTo("checkpoint: true, squares [0, 1, 4, 9, 16, 25]\n");
  }
}
