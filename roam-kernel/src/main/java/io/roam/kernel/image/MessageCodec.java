package io.roam.kernel.image;

import io.roam.kernel.process.LiteralStrings;
import io.roam.kernel.process.ProcessRuntime;
import io.roam.kernel.snapshot.HeapCodec;
import io.roam.kernel.snapshot.SnapshotCaptureException;
import io.roam.kernel.snapshot.SnapshotFormatException;

/**
 * Copies message bodies between processes (each in its own class loader) with the snapshot's
 * heap codec: {@link #encode} with the sender's heap policy, {@link #decode} with the receiver's,
 * so a body holding process objects becomes objects of the receiver's classes, and whatever a
 * snapshot may not hold may not be sent either. One per process; thread-safe as {@link
 * HeapCodec} is (the literal-string set of the process is computed once, on first need).
 */
public final class MessageCodec {
  private final HeapCodec codec;

  public MessageCodec(ProcessRuntime rt) {
    var loader = rt.loader();
    this.codec = new HeapCodec(new ProcessHeapPolicy(loader, rt,
        () -> LiteralStrings.of(loader.code(), loader.definedClassNames())));
  }

  /** The encoding of the graph reachable from {@code body}, as this process's heap. */
  public byte[] encode(Object body) throws SnapshotCaptureException {
    return codec.encode(body);
  }

  /** The graph of {@code bytes} as objects of this process. */
  public Object decode(byte[] bytes) throws SnapshotFormatException {
    return codec.decode(bytes);
  }
}
