package io.roam.kernel.node;

import io.roam.kernel.image.MessageCodec;
import io.roam.kernel.snapshot.SnapshotCaptureException;
import io.roam.kernel.snapshot.SnapshotFormatException;

/**
 * Makes the receiver's copy of a message body. JDK immutable values (null, String, boxed
 * primitives) are shared as they are; primitive arrays are cloned; any other graph is encoded
 * with the sender's heap policy and decoded with the receiver's ({@link MessageCodec}), which
 * turns process objects into objects of the receiver's classes and refuses, at send, what no
 * snapshot may hold or what the receiver cannot load. Thread-safe.
 */
final class MessageCopy {
  /** A body as the receiver gets it and its payload size (see {@link PeerTraffic}). */
  record Copied(Object body, long bytes) {}

  private MessageCopy() {}

  static Copied copy(ProcessEndpoint from, ProcessEndpoint to, Object body) {
    if (body == null) {
      return new Copied(null, 0);
    }
    if (body instanceof String s) {
      return new Copied(s, 2L * s.length());
    }
    if (body instanceof Integer || body instanceof Long || body instanceof Double
        || body instanceof Boolean || body instanceof Character || body instanceof Byte
        || body instanceof Short || body instanceof Float) {
      return new Copied(body, 8);
    }
    Copied array = primitiveArray(body);
    if (array != null) {
      return array;
    }
    return viaCodec(from, to, body);
  }

  private static Copied primitiveArray(Object body) {
    if (body instanceof byte[] a) {
      return new Copied(a.clone(), a.length);
    } else if (body instanceof int[] a) {
      return new Copied(a.clone(), 4L * a.length);
    } else if (body instanceof long[] a) {
      return new Copied(a.clone(), 8L * a.length);
    } else if (body instanceof double[] a) {
      return new Copied(a.clone(), 8L * a.length);
    } else if (body instanceof char[] a) {
      return new Copied(a.clone(), 2L * a.length);
    } else if (body instanceof float[] a) {
      return new Copied(a.clone(), 4L * a.length);
    } else if (body instanceof short[] a) {
      return new Copied(a.clone(), 2L * a.length);
    } else if (body instanceof boolean[] a) {
      return new Copied(a.clone(), a.length);
    }
    return null;
  }

  private static Copied viaCodec(ProcessEndpoint from, ProcessEndpoint to, Object body) {
    byte[] bytes;
    try {
      bytes = codec(from).encode(body);
    } catch (SnapshotCaptureException e) {
      throw new IllegalArgumentException("Roam.send from " + from.apiPid + " to " + to.apiPid
          + ": the message (" + body.getClass().getName() + ") cannot be copied: " + e.getMessage(), e);
    }
    try {
      return new Copied(codec(to).decode(bytes), bytes.length);
    } catch (SnapshotFormatException e) {
      throw new IllegalArgumentException("Roam.send from " + from.apiPid + " to " + to.apiPid
          + ": the receiver cannot take the message (" + body.getClass().getName() + "): "
          + e.getMessage() + " (does its class path hold the message's classes?)", e);
    }
  }

  private static MessageCodec codec(ProcessEndpoint e) {
    return e.codec();
  }
}
