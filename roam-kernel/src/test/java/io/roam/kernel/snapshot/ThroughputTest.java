package io.roam.kernel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.snapshot.Fixtures.Node;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput of the heap codec, printed, not asserted (numbers depend on the machine): run with
 * {@code -Pfull} or {@code -Dgroups=slow}. Reports MB/s of encode + decode for primitive arrays
 * (the bulk path) and for a million small process objects, codec alone and through a container
 * file.
 */
@Tag("slow")
class ThroughputTest {
  private static final int ROUNDS = 5;
  private final TestPolicy policy = new TestPolicy();
  @TempDir Path dir;

  /** An in-memory sink that reuses its array. */
  private static final class Sink extends OutputStream {
    byte[] buf = new byte[1024];
    int size;

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (size + len > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
      }
      System.arraycopy(b, off, buf, size, len);
      size += len;
    }
  }

  @Test
  void doubleArrays() throws Exception {
    for (int mib : new int[] {1, 100}) {
      double[] d = new double[mib << 17];
      Arrays.setAll(d, i -> i * 1.25);
      report(mib + " MiB double[]", d, 1);
    }
  }

  @Test
  void millionSmallObjects() throws Exception {
    Node head = new Node(0);
    Node n = head;
    for (int i = 1; i < 1_000_000; i++) {
      n.next = new Node(i);
      n = n.next;
    }
    report("1e6 Node objects", head, 1_000_000);
  }

  private void report(String what, Object root, int objects) throws Exception {
    HeapCodec codec = new HeapCodec(policy);
    Sink sink = new Sink();
    double bestEncode = Double.MAX_VALUE;
    double bestDecode = Double.MAX_VALUE;
    Object back = null;
    for (int r = 0; r < ROUNDS; r++) {
      sink.size = 0;
      long t0 = System.nanoTime();
      codec.encode(root, sink);
      long t1 = System.nanoTime();
      back = codec.decode(new ByteArrayInputStream(sink.buf, 0, sink.size), sink.size);
      long t2 = System.nanoTime();
      bestEncode = Math.min(bestEncode, (t1 - t0) / 1e9);
      bestDecode = Math.min(bestDecode, (t2 - t1) / 1e9);
    }
    assertThat(back).isNotNull();
    double mb = sink.size / 1e6;
    double file = throughFile(codec, root) ;
    System.out.printf("%-18s %9.1f MB  encode %8.0f MB/s  decode %8.0f MB/s  round trip %8.0f MB/s"
            + "  (%.0f objects/s)  via container file %8.0f MB/s%n",
        what, mb, mb / bestEncode, mb / bestDecode, mb / (bestEncode + bestDecode),
        objects / (bestEncode + bestDecode), mb / file);
  }

  /** Best seconds for encode into a container file and decode from it. */
  private double throughFile(HeapCodec codec, Object root) throws Exception {
    Path p = dir.resolve("t.snap");
    double best = Double.MAX_VALUE;
    for (int r = 0; r < ROUNDS; r++) {
      long t0 = System.nanoTime();
      try (OutputStream out = Files.newOutputStream(p)) {
        SnapshotWriter w = new SnapshotWriter(out);
        try (OutputStream s = w.openSection("heap")) {
          codec.encode(root, s);
        }
        w.finish();
      }
      try (SnapshotReader reader = SnapshotReader.open(p); InputStream in = reader.openSection("heap")) {
        codec.decode(in, reader.sectionLength("heap"));
      }
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    return best;
  }
}
