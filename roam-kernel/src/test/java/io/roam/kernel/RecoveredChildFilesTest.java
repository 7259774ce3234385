package io.roam.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.node.DurableNode;
import io.roam.kernel.node.NodeKernel;
import io.roam.kernel.node.ProcessId;
import io.roam.kernel.node.ProcessInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child forked after the last cut is not recovered but made again by its recovered parent; what
 * its former self appended to a file is cut back (by the child's own journal) before the new one
 * runs: {@code apiuse.ForkAppend}'s child file holds its 200 lines once. The crash is a node
 * closed in this JVM (its processes killed, their state left RUNNING), the recovery a new node
 * over the same directory.
 */
class RecoveredChildFilesTest {
  @TempDir Path dir;

  @Test
  void aChildMadeAgainAfterRecoveryDoesNotFindItsFormerSelfsLines() throws Exception {
    Path node = dir.resolve("node");
    Path files = dir.resolve("files");
    Path child = files.resolve("child.txt");
    NodeKernel.Config config = NodeKernel.Config.defaults("n1").withWorkers(2);
    try (DurableNode n = DurableNode.create(node, config, Duration.ofHours(1), 3)) {
      n.spawn(NodeKernelTest.cp(), "apiuse.ForkAppend", new String[] {files.toString()});
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (!(Files.exists(child) && Files.size(child) > 1000)) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(5);
      }
    } // the crash: both killed mid-run
    assertThat(Files.readString(node.resolve("cut.properties"))).contains("pids=n1.1\n");
    assertThat(Files.readString(node.resolve("n1.2/process.properties"))).contains("state=RUNNING");

    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      lines.append("child line ").append(i).append('\n');
    }
    try (DurableNode n = DurableNode.recover(node, config, Duration.ofHours(1), 3)) {
      assertThat(n.recoveredFrom()).isEqualTo(Map.of(new ProcessId("n1", 1), 1L));
      Map<ProcessId, ProcessInfo> ends = n.awaitAll(Duration.ofMinutes(1));
      assertThat(ends.values()).allMatch(i -> i.exitCode() == 0, "exited 0");
    }
    assertThat(Files.readString(child)).isEqualTo(lines.toString());
    assertThat(Files.readString(node.resolve("n1.1/out")))
        .isEqualTo("child said done, child.txt has " + lines.length() + " bytes\n");
  }
}
