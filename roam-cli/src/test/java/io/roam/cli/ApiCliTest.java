package io.roam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code io.roam.api.Roam} from the command line: under {@code roam local run} (no node) a send
 * fails with the documented message and a trace that shows the program's call of {@code
 * Roam.send}, not the kernel; under {@code roam local node} the same program forks, and the
 * parent's and child's output land in their own directories.
 */
class ApiCliTest {
  @TempDir Path dir;

  @Test
  void roamCallsWithoutANodeFailWithTheDocumentedMessage() {
    Jvm.Run r = Jvm.roam("local", "run", "--cp", Corpus.classPath(), "apiuse.ForkHeaps");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.outText()).isEmpty();
    assertThat(r.errText()).isEqualTo("Exception in thread \"main\" java.lang.IllegalStateException:"
        + " io.roam.api.Roam.send needs a Roam node, and this process runs alone ('roam local run');"
        + " run it with 'roam local node --program ...'\n"
        + "\tat io.roam.api.Roam.send(Roam.java)\n"
        + "\tat apiuse.ForkHeaps.main(ForkHeaps.java:25)\n");
  }

  @Test
  void forkOnALocalNodeGivesEachProcessItsDirectory() throws Exception {
    Path node = dir.resolve("node");
    Jvm.Run r = Jvm.roam("local", "node", "--dir", node.toString(), "--cp", Corpus.classPath(),
        "--program", "apiuse.ForkHeaps");
    assertThat(r.exit()).as(r.errText()).isZero();
    assertThat(r.errText()).contains("roam: n1.1 apiuse.ForkHeaps exited 0\n")
        .contains("roam: n1.2 apiuse.ForkHeaps exited 0\n");
    assertThat(Files.readString(node.resolve("n1.1/out"))).isEqualTo(
        "parent kept: queued before the fork\n"
        + "parent got: child sees list=[a, child] array[0]=100 counter=42 self!=parent=true fork()=none"
        + " empty mailbox=true\n"
        + "parent sees list=[a] array[0]=1 counter=1 child is sender=true fork() is none=false\n");
    assertThat(Files.readString(node.resolve("n1.2/out"))).isEmpty();
    assertThat(Files.readString(node.resolve("n1.2/process.properties"))).contains("parent=n1.1");
  }
}
