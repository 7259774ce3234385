package io.roam.kernel.snapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Turns the object graph reachable from one root into the bytes of a snapshot's heap section
 * and back, in another JVM, keeping object identity (shared references, cycles) and the
 * canonical objects of the new JVM. Only classes the {@link HeapPolicy} calls process classes
 * and the JDK classes Roam allows are captured; anything else is refused at encode and again at
 * decode, before any object is created.
 *
 * <p>Heap section format (all multi-byte values little-endian; varint = unsigned LEB128; string
 * = varint length in chars, coder byte 0 Latin-1 / 1 UTF-16, chars; ref = varint object id + 1,
 * 0 for null):
 *
 * <pre>
 * int "RHP2"
 * varint classCount, then per class: string name (DERIVED: the DerivedKind id), byte kind
 *     (1 OBJECT, 2 ARRAY, 3 VALUE, 4 ENUM, 5 IMMUTABLE, 6 DERIVED); OBJECT adds varint
 *     fieldCount, (string owner, string name, string descriptor) per field, byte hashed base
 *     (0 none, else HashedKind ordinal + 1)
 * varint objectCount, ref root
 * per object, headers: varint classRef (0 JDK singleton + string name, 1 kernel object +
 *     string name, else class index + 2), then by kind: OBJECT with hashed base: its settings
 *     (load factor, table capacity, access order as the kind has them); ARRAY: varint length,
 *     primitive elements in bulk; VALUE: the value; ENUM: string constant; DERIVED: varint
 *     header (iterator mode and flags)
 * per object with references, bodies: OBJECT: field values in table order (primitives raw,
 *     references as refs), then for a hashed base varint entry count and refs (key, value
 *     pairs); reference ARRAY: refs; IMMUTABLE: varint entry count and refs; DERIVED: varint
 *     slot count and refs (collection, last key and remaining keys for an iterator; map, key,
 *     value for an entry; see DerivedKind)
 * varint fillCount, varint id per hashed, immutable or derived object in fill order (innermost
 *     first, each iterator, view or entry after the collection it belongs to)
 * int "RHPE"
 * </pre>
 *
 * <p>Iterators resume where they were: those of collections copied by field are copied with
 * them; those of rebuilt collections (and map entries and views) are recreated from the rebuilt
 * collection ({@link DerivedKind}), in the original order. Capture is refused for an iterator
 * part-way through a HashMap, HashSet or ConcurrentHashMap whose keys hash differently in another
 * JVM (enum constants, Class objects, plain Objects), and for stream pipelines.
 *
 * <p>A codec is immutable and thread-safe; every call is an independent run. While {@link
 * #encode} runs the process must be stopped.
 */
public final class HeapCodec {
  private final HeapPolicy policy;
  private final HeapLimits limits;

  public HeapCodec(HeapPolicy policy) {
    this(policy, HeapLimits.DEFAULT);
  }

  public HeapCodec(HeapPolicy policy, HeapLimits limits) {
    this.policy = policy;
    this.limits = limits;
  }

  /** Writes the graph reachable from {@code root} (may be null); does not close {@code out}. */
  public void encode(Object root, OutputStream out) throws IOException, SnapshotCaptureException {
    new HeapEncoder(policy).encode(root, out);
  }

  /** The encoding of the graph reachable from {@code root}, in memory. */
  public byte[] encode(Object root) throws SnapshotCaptureException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      encode(root, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads a heap section of exactly {@code length} bytes from {@code in} and returns its root;
   * reads no further than {@code length}.
   */
  public Object decode(InputStream in, long length) throws IOException, SnapshotFormatException {
    return new HeapDecoder(policy, limits).decode(in, length);
  }

  /**
   * Reads a heap section from {@code in} until it ends — a {@link SnapshotStream} section, decoded
   * as it arrives; the objects are filled (process code such as {@code hashCode} runs) only after
   * {@code in} has reported its end, so only once the stream has checked all of the section.
   */
  public Object decode(InputStream in) throws IOException, SnapshotFormatException {
    try {
      return new HeapDecoder(policy, limits).decode(in, HeapInput.UNKNOWN);
    } catch (SnapshotStream.Failure f) {
      throw f.unwrap();
    }
  }

  /** Decodes a heap section held in memory. */
  public Object decode(byte[] section) throws SnapshotFormatException {
    try {
      return decode(new ByteArrayInputStream(section), section.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
