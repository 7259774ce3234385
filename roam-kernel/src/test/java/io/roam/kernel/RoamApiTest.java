package io.roam.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roam.api.Pid;
import io.roam.api.Roam;
import io.roam.kernel.node.NodeKernel;
import io.roam.kernel.node.ProcessId;
import io.roam.kernel.node.ProcessInfo;
import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.VirtualConsole;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The shapes of {@code io.roam.api.Roam} on a node kernel, each program checking itself and
 * printing what it saw: fork returns in both processes with separate heaps and statics; receive
 * times out; sends to unknown and ended processes fail with NoSuchProcessException; spawn; and
 * the API outside Roam.
 */
class RoamApiTest {
  private final Map<ProcessId, ByteArrayOutputStream> outs = new ConcurrentHashMap<>();
  private final ByteArrayOutputStream errs = new ByteArrayOutputStream();

  private VirtualConsole console(ProcessId pid) {
    ByteArrayOutputStream o = outs.computeIfAbsent(pid, k -> new ByteArrayOutputStream());
    return new VirtualConsole(o, errs, new ByteArrayInputStream(new byte[0]), 0, 0);
  }

  private ProcessInfo run(String main, String... args) throws Exception {
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(2))) {
      k.setChildConsoles((child, parent, m, pc) -> console(child));
      ProcessId pid = k.spawn(CodeSource.fromClassPath(NodeKernelTest.cp()), main, args,
          console(ProcessId.parse("n1.1")), 0);
      ProcessInfo end = k.await(pid, Duration.ofMinutes(1));
      for (ProcessInfo i : k.ps()) {
        k.await(i.pid(), Duration.ofMinutes(1));
      }
      return end;
    }
  }

  private String out(String pid) {
    return outs.getOrDefault(ProcessId.parse(pid), new ByteArrayOutputStream()).toString();
  }

  @Test
  void forkReturnsInBothProcessesWithSeparateHeaps() throws Exception {
    ProcessInfo end = run("apiuse.ForkHeaps");
    assertThat(errs.toString()).isEmpty();
    assertThat(end.exitCode()).isZero();
    assertThat(out("n1.1")).isEqualTo(
        "parent kept: queued before the fork\n"
        + "parent got: child sees list=[a, child] array[0]=100 counter=42 self!=parent=true fork()=none"
        + " empty mailbox=true\n"
        + "parent sees list=[a] array[0]=1 counter=1 child is sender=true fork() is none=false\n");
    assertThat(out("n1.2")).isEmpty();
  }

  @Test
  void receiveTimesOutAndSendsToMissingProcessesFail() throws Exception {
    ProcessInfo end = run("apiuse.Timeouts");
    assertThat(errs.toString()).isEmpty();
    assertThat(end.exitCode()).isZero();
    assertThat(out("n1.1")).isEqualTo("""
        receive(60) gave null after at least 60 ms: true
        receive(0) gave null
        receive(0) after a send to self gave to myself
        a list sent to self arrives as a copy: true, cycle kept: true, x 1 7
        send of a Pattern refused, naming it: true
        nothing else queued: true
        send to a pid that never existed: NoSuchProcessException for 9999
        spawned echo replied: echo: hello, from the spawned pid: true
        send to the ended echo: NoSuchProcessException
        """);
    Map<ProcessId, ?> peers = end.peers();
    assertThat(peers).containsOnlyKeys(ProcessId.parse("n1.1"), ProcessId.parse("n1.2"));
    assertThat(end.peers().get(ProcessId.parse("n1.1")).messagesOut()).isEqualTo(2);
    assertThat(end.peers().get(ProcessId.parse("n1.1")).messagesIn()).isEqualTo(2);
    assertThat(end.peers().get(ProcessId.parse("n1.2")).messagesIn()).isEqualTo(1);
  }

  @Test
  void outsideRoamTheApiSaysSo() {
    assertThat(Roam.isUnderRoam()).isFalse();
    assertThat(Roam.self()).isSameAs(Pid.NONE);
    assertThatThrownBy(() -> Roam.send(Pid.of("n1", 1), "x")).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("io.roam.api.Roam.send needs the Roam kernel, and this program is not running under Roam");
    assertThatThrownBy(Roam::fork).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not running under Roam");
  }
}
