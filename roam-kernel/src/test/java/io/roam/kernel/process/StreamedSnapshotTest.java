package io.roam.kernel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roam.kernel.RoamException;
import io.roam.kernel.image.ProcessImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot sent as a stream (what a migration does): {@link ProcessImage#write(ProcessRuntime,
 * String, OutputStream)} puts a snapshot container on the stream, and {@link
 * ProcessImage#read(InputStream, String, ClassLoader, VirtualConsole.Factory)} on the other end of
 * a loopback TCP connection restores a process that prints what the uninterrupted program prints.
 * A stream cut short or with a flipped bit is refused with an error naming it, nothing restored.
 */
class StreamedSnapshotTest {
  static final String MAIN = "corpus.StaticTables";
  static final ClassLoader PARENT = StreamedSnapshotTest.class.getClassLoader();

  @TempDir Path dir;

  @Test
  void aSnapshotStreamedOverASocketResumesAndPrintsWhatThePlainRunPrints() throws Exception {
    CodeSource code = CodeSource.fromClassPath(SpareLoaderRestoreTest.classPathOf(MAIN));
    String plain = SpareLoaderRestoreTest.runFresh(code, false).out();
    SpareLoaderRestoreTest.Fresh frozen = SpareLoaderRestoreTest.runFresh(code, true);
    assertThat(plain).startsWith(frozen.out()).isNotEqualTo(frozen.out());
    Path file = dir.resolve("s.roam");
    ProcessImage.write(frozen.rt(), MAIN, file);
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    byte[] received;
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
            OutputStream out = s.getOutputStream()) {
          ProcessImage.write(frozen.rt(), MAIN, out);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
        received = in.readAllBytes();
      }
      sender.get(60, TimeUnit.SECONDS);
    }
    assertThat(received.length).as("about a file's size (the clock in it moves on)").isCloseTo((int) Files.size(file),
        org.assertj.core.data.Offset.offset(64));
    ProcessImage.Restored r = ProcessImage.read(new ByteArrayInputStream(received), "peer n2", PARENT,
        (o, e) -> new VirtualConsole(tail, tail, new ByteArrayInputStream(new byte[0]), o, e));
    assertThat(ProcessRunner.run(r.runtime(), ProcessRunner.mainMethod(r.runtime().loader(), MAIN), null))
        .isEqualTo(new ProcessRunner.Exited(0));
    r.runtime().console().flush();
    assertThat(frozen.out() + tail).isEqualTo(plain);
  }

  @Test
  void aStreamCutShortOrWithAFlippedBitIsRefusedNamingItsSource() throws Exception {
    CodeSource code = CodeSource.fromClassPath(SpareLoaderRestoreTest.classPathOf(MAIN));
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    ProcessImage.write(SpareLoaderRestoreTest.runFresh(code, true).rt(), MAIN, sent);
    byte[] whole = sent.toByteArray();
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    assertThatThrownBy(() -> ProcessImage.read(new ByteArrayInputStream(cut), "peer n2", PARENT,
        VirtualConsole.Factory.STANDARD))
        .isInstanceOf(RoamException.class).hasMessageStartingWith("snapshot peer n2 ");
    byte[] flipped = whole.clone();
    flipped[whole.length * 3 / 4] ^= 0x10;
    assertThatThrownBy(() -> ProcessImage.read(new ByteArrayInputStream(flipped), "peer n2", PARENT,
        VirtualConsole.Factory.STANDARD))
        .isInstanceOf(RoamException.class).hasMessageStartingWith("snapshot peer n2 is not usable");
  }
}
