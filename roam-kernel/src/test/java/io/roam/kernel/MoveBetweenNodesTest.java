package io.roam.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roam.kernel.node.NodeKernel;
import io.roam.kernel.node.ProcessId;
import io.roam.kernel.node.ProcessInfo;
import io.roam.kernel.node.ProcessStatus;
import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.VirtualConsole;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The node kernel's half of moving a process (docs/design/node-kernel.md, "Moving a process"):
 * {@code apiuse.Feed}'s child receives 20 000 numbers its parent keeps sending while the child is
 * moved from node n1 to node n2 over a loopback TCP connection. Messages that arrive while it is
 * MIGRATING are held, handed over at the commit and delivered on n2 after those its snapshot
 * carried: the child, which exits with code 3 on a lost, duplicated or reordered number, prints
 * exactly what it prints when nothing moves. A transfer that fails midway (the peer went away)
 * leaves the process running on the source with every message; the destination, which decodes the
 * snapshot as it arrives, refuses one cut off anywhere, down to its trailer's last byte, and adopts
 * nothing.
 */
class MoveBetweenNodesTest {
  static final String N = "20000";
  static final ProcessId PARENT = ProcessId.parse("n1.1");
  static final ProcessId CHILD = ProcessId.parse("n1.2");

  @Test
  void aReceiverMovedMidStreamGetsEveryMessageOnceAndInOrder() throws Exception {
    String expected = uninterrupted();
    ByteArrayOutputStream out1 = new ByteArrayOutputStream();
    ByteArrayOutputStream out2 = new ByteArrayOutputStream();
    try (NodeKernel n1 = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(2));
        NodeKernel n2 = new NodeKernel(NodeKernel.Config.defaults("n2").withWorkers(1));
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(n1.spawn(code(), "apiuse.Feed", new String[] {N}, console(out1, 0, 0), 0)).isEqualTo(PARENT);
      awaitOutput(out1, "child: 1000 in order");
      CompletableFuture<ProcessId> arrived = CompletableFuture.supplyAsync(() -> {
        try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
          return n2.adopt(in, "n1", (o, e) -> console(out2, o, e), 0, CHILD, false);
        } catch (IOException | RoamException e) {
          throw new IllegalStateException(e);
        }
      });
      NodeKernel.Migration move;
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
          OutputStream out = new BufferedOutputStream(s.getOutputStream())) {
        move = n1.migrate(CHILD, out, Duration.ofSeconds(30));
      }
      assertThat(arrived.get(60, TimeUnit.SECONDS)).isEqualTo(CHILD);
      assertThat(n1.info(CHILD).status()).isEqualTo(ProcessStatus.MIGRATING);
      assertThatThrownBy(() -> n1.kill(CHILD)).isInstanceOf(RoamException.class).hasMessageContaining("MIGRATING");
      assertThat(n1.await(PARENT, Duration.ofMinutes(1)).exitCode()).as("the parent sent everything").isZero();
      List<NodeKernel.Forwarded> held = move.commit();
      assertThat(held).as("messages that arrived while the child moved").isNotEmpty();
      assertThat(n1.info(CHILD).status()).isEqualTo(ProcessStatus.MOVED);
      assertThat(n2.info(CHILD).status()).isEqualTo(ProcessStatus.STARTING);
      for (NodeKernel.Forwarded f : held) {
        n2.deliver(CHILD, f);
      }
      n2.resume(CHILD);
      ProcessInfo end = n2.await(CHILD, Duration.ofMinutes(1));
      assertThat(end.status()).isEqualTo(ProcessStatus.EXITED);
      assertThat(end.exitCode()).isZero();
      assertThat(out1.toString(StandardCharsets.UTF_8) + out2.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
      assertThat(out2.toString(StandardCharsets.UTF_8)).as("the child went on printing on n2").isNotEmpty();
    }
  }

  @Test
  void aTransferThatFailsMidwayLeavesTheProcessRunningHereWithEveryMessage() throws Exception {
    String expected = uninterrupted();
    ByteArrayOutputStream out1 = new ByteArrayOutputStream();
    try (NodeKernel n1 = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(2))) {
      n1.spawn(code(), "apiuse.Feed", new String[] {N}, console(out1, 0, 0), 0);
      awaitOutput(out1, "child: 1000 in order");
      OutputStream deadPeer = new OutputStream() {
        long left = 4096;

        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          left -= len;
          if (left < 0) {
            throw new IOException("connection reset by peer");
          }
        }
      };
      assertThatThrownBy(() -> n1.migrate(CHILD, deadPeer, Duration.ofSeconds(30)))
          .isInstanceOf(IOException.class).hasMessage("connection reset by peer");
      assertThat(n1.info(CHILD).status()).isIn(ProcessStatus.RUNNING, ProcessStatus.EXITED);
      assertThat(n1.await(PARENT, Duration.ofMinutes(1)).exitCode()).isZero();
      ProcessInfo end = n1.await(CHILD, Duration.ofMinutes(1));
      assertThat(end.status()).isEqualTo(ProcessStatus.EXITED);
      assertThat(end.exitCode()).isZero();
      assertThat(out1.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    }
  }

  @Test
  void aSnapshotCutOffInTransitIsRefusedByTheDestinationWhichAdoptsNothing() throws Exception {
    ByteArrayOutputStream out1 = new ByteArrayOutputStream();
    ByteArrayOutputStream out2 = new ByteArrayOutputStream();
    try (NodeKernel n1 = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(2));
        NodeKernel n2 = new NodeKernel(NodeKernel.Config.defaults("n2").withWorkers(1))) {
      n1.spawn(code(), "apiuse.Feed", new String[] {N}, console(out1, 0, 0), 0);
      awaitOutput(out1, "child: 1000 in order");
      ByteArrayOutputStream sent = new ByteArrayOutputStream();
      n1.migrate(CHILD, sent, Duration.ofSeconds(30)).giveUp(); // the child runs on at n1
      byte[] whole = sent.toByteArray();
      // the sender died: in the code, in the heap, in its last chunk, in the trailer
      for (int len : new int[] {whole.length / 4, whole.length / 2, whole.length - 40, whole.length - 1}) {
        assertThatThrownBy(() -> n2.adopt(new ByteArrayInputStream(whole, 0, len), "n1",
            (o, e) -> console(out2, o, e), 0, CHILD, false))
            .as("cut at " + len + " of " + whole.length)
            .isInstanceOf(RoamException.class).hasMessageContaining("snapshot n1 is not usable");
        assertThat(n2.ps()).as("processes on n2 after a cut at " + len).isEmpty();
      }
      assertThat(out2.size()).as("nothing of the child ran on n2").isZero();
      assertThat(n2.adopt(new ByteArrayInputStream(whole), "n1", (o, e) -> console(out2, o, e), 0, CHILD, false))
          .isEqualTo(CHILD);
      assertThat(n2.info(CHILD).status()).isEqualTo(ProcessStatus.STARTING);
      assertThat(n1.await(CHILD, Duration.ofMinutes(1)).exitCode()).as("the child, still at n1").isZero();
    }
  }

  /** What the child prints when nothing moves. */
  private static String uninterrupted() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("n1").withWorkers(2))) {
      k.spawn(code(), "apiuse.Feed", new String[] {N}, console(out, 0, 0), 0);
      assertThat(k.await(PARENT, Duration.ofMinutes(1)).exitCode()).isZero();
      assertThat(k.await(CHILD, Duration.ofMinutes(1)).exitCode()).isZero();
    }
    String s = out.toString(StandardCharsets.UTF_8);
    assertThat(s).endsWith(" checksum " + checksum() + "\n").contains("child: 20000 in order");
    return s;
  }

  /** The child's checksum of 0..N-1, as it computes it. */
  private static String checksum() {
    long sum = 0;
    for (long i = 0; i < Long.parseLong(N); i++) {
      sum = sum * 31 + i;
    }
    return Long.toHexString(sum);
  }

  private static CodeSource code() throws Exception {
    return CodeSource.fromClassPath(NodeKernelTest.cp());
  }

  private static VirtualConsole console(ByteArrayOutputStream out, long o, long e) {
    return new VirtualConsole(out, out, new ByteArrayInputStream(new byte[0]), o, e);
  }

  private static void awaitOutput(ByteArrayOutputStream out, String mark) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!out.toString(StandardCharsets.UTF_8).contains(mark)) {
      assertThat(System.nanoTime()).as("waiting for '" + mark + "'").isLessThan(deadline);
      Thread.sleep(1);
    }
  }
}
