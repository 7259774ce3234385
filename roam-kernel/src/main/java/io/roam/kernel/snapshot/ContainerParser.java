package io.roam.kernel.snapshot;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Reads a container from a {@link Source} and checks the header, every frame's checksum and its
 * link to the frame before it, the frame grammar, section ends, the trailer's counts and size,
 * and that nothing follows the trailer; {@link #parse} returns the sections only when all of it
 * holds. Three modes: <em>keep</em> (a stream read whole, {@link SnapshotReader#read}) reads and
 * checks every frame and keeps the chunks' bytes; <em>index</em> (a file, {@link ContainerFile})
 * reads only the heads and checksum fields of chunks, not their payloads, and records each
 * chunk's link and checksum so that its reader can check the chunk against the chain checked
 * here; every other frame is read and checked; <em>stream</em> ({@link SnapshotStream}) is driven
 * frame by frame through {@link #step}, each chunk checked and handed out before the next is
 * read. Single use.
 */
final class ContainerParser {
  /** Sequential bytes of a container. */
  interface Source {
    /** Reads exactly {@code len} bytes or throws {@link EOFException}. */
    void readFully(byte[] b, int off, int len) throws IOException;

    /** True when no byte follows. */
    boolean atEnd() throws IOException;

    /** Bytes left when known, else {@code Long.MAX_VALUE}. */
    long remaining();

    /** Skips exactly {@code len} bytes or throws {@link EOFException} (index mode only). */
    default void skip(long len) throws IOException {
      throw new UnsupportedOperationException("this source is read whole");
    }
  }

  /**
   * A verified section: its chunks' frame offsets and sizes; in index mode the checksum field of
   * each chunk as read here and the link of the first one (the section header's checksum), in
   * keep mode the chunks' bytes.
   */
  record Section(String name, long length, long[] frameOffsets, int[] chunkSizes,
      int[] chunkCrcs, int firstLink, List<byte[]> chunks) {
    /** The link of chunk {@code i}: the checksum field before it. */
    int link(int i) {
      return i == 0 ? firstLink : chunkCrcs[i - 1];
    }
  }

  /**
   * What becomes of chunk payloads: kept in memory ({@code KEEP}), skipped and checked later by
   * the file's reader ({@code INDEX}), or checked and handed to the caller one at a time ({@code
   * STREAM}, {@link #step}).
   */
  enum Mode {
    KEEP, INDEX, STREAM
  }

  private final Source src;
  private final Mode mode;
  private int payloadLength;
  private boolean inPlace;
  /** The checksum field before the next frame. */
  private int link;
  /** Payload buffer when chunks are not kept; grows to the largest frame seen. */
  private byte[] scratch = new byte[8192];
  private final byte[] head = new byte[ContainerFormat.FRAME_HEAD];
  private final byte[] crcBytes = new byte[ContainerFormat.FRAME_CRC];
  private final Map<String, Section> sections = new LinkedHashMap<>();
  private long pos;

  // The open section.
  private String name;
  private long length;
  private long[] offsets;
  private int[] sizes;
  private int[] crcs;
  private int firstLink;
  private List<byte[]> chunks;
  private int chunkCount;

  ContainerParser(Source src, Mode mode) {
    this.src = src;
    this.mode = mode;
  }

  Map<String, Section> parse() throws IOException, SnapshotFormatException {
    readHeader();
    while (step() != ContainerFormat.TRAILER) {
      // every frame is checked and recorded by step
    }
    return sections;
  }

  /**
   * Reads, checks and records the next frame and returns its type; after {@link
   * ContainerFormat#TRAILER} the whole container has been checked and nothing follows it. In
   * <em>stream</em> mode a chunk's payload is left, checked, in {@link #payload()} until the next
   * call. Call {@link #readHeader} first.
   */
  byte step() throws IOException, SnapshotFormatException {
    return step(null, 0, 0);
  }

  /**
   * As {@link #step()}; in stream mode a chunk whose payload fits in {@code room} bytes is read
   * into {@code dst} at {@code off} (and checked there) instead of {@link #payload()}, which saves
   * a copy when the caller would copy it there anyway ({@link #payloadInPlace} tells which).
   */
  byte step(byte[] dst, int off, int room) throws IOException, SnapshotFormatException {
    long frameStart = pos;
    read(head, 0, head.length, "frame header");
    byte type = head[0];
    int len = ContainerFormat.le(head).getInt(1);
    checkLength(type, len, frameStart);
    if (mode == Mode.INDEX && type == ContainerFormat.CHUNK) {
      skip(len);
      read(crcBytes, 0, crcBytes.length, "frame checksum");
      frame(type, null, len, frameStart);
      link = ContainerFormat.le(crcBytes).getInt(0);
      return type;
    }
    byte[] payload;
    int at = 0;
    inPlace = mode == Mode.STREAM && type == ContainerFormat.CHUNK && dst != null && len <= room;
    if (inPlace) {
      payload = dst;
      at = off;
    } else if (mode == Mode.KEEP && type == ContainerFormat.CHUNK) {
      payload = new byte[len];
    } else {
      if (len > scratch.length) {
        scratch = new byte[len];
      }
      payload = scratch;
    }
    read(payload, at, len, ContainerFormat.describe(type));
    read(crcBytes, 0, crcBytes.length, "frame checksum");
    checkFrameCrc(type, payload, at, len, frameStart);
    link = ContainerFormat.le(crcBytes).getInt(0);
    payloadLength = len;
    if (type == ContainerFormat.TRAILER) {
      trailer(payload, frameStart);
      return type;
    }
    frame(type, payload, len, frameStart);
    return type;
  }

  /** Whether the chunk {@link #step} read last went into the caller's array. */
  boolean payloadInPlace() {
    return inPlace;
  }

  /** Stream mode: the payload of the frame {@link #step} read last (valid until the next step). */
  byte[] payload() {
    return scratch;
  }

  /** The payload length of the frame {@link #step} read last. */
  int payloadLength() {
    return payloadLength;
  }

  /** The name of the open section, or null between sections. */
  String openSection() {
    return name;
  }

  void readHeader() throws IOException, SnapshotFormatException {
    byte[] h = new byte[ContainerFormat.HEADER_SIZE];
    read(h, 0, h.length, "header");
    if (!Arrays.equals(h, 0, 8, ContainerFormat.MAGIC, 0, 8)) {
      throw new SnapshotFormatException("not a Roam snapshot: it does not start with ROAMSNAP;"
          + " check that the right file was given");
    }
    CRC32C crc = new CRC32C();
    crc.update(h, 0, 12);
    if ((int) crc.getValue() != ContainerFormat.le(h).getInt(12)) {
      throw corrupt("the header", 0);
    }
    int version = ContainerFormat.le(h).getInt(8);
    if (version != ContainerFormat.VERSION) {
      throw new SnapshotFormatException("snapshot format version " + version + " is not"
          + " supported by this Roam (supports " + ContainerFormat.VERSION + "); restore it with"
          + " the Roam version that wrote it");
    }
    link = ContainerFormat.le(h).getInt(12);
  }

  private void checkLength(byte type, int len, long at) throws SnapshotFormatException {
    int max = ContainerFormat.maxPayload(type);
    int min = type == ContainerFormat.END || type == ContainerFormat.TRAILER ? max : 1;
    if (max < 0 || len < min || len > max) {
      throw corrupt("the " + ContainerFormat.describe(type) + " (length " + len + ")", at);
    }
    if (len + (long) ContainerFormat.FRAME_CRC > src.remaining()) {
      throw truncated(ContainerFormat.describe(type), at);
    }
  }

  private void checkFrameCrc(byte type, byte[] payload, int off, int len, long at)
      throws SnapshotFormatException {
    CRC32C crc = ContainerFormat.frameCrc(link);
    crc.update(head, 0, head.length);
    crc.update(payload, off, len);
    if ((int) crc.getValue() != ContainerFormat.le(crcBytes).getInt(0)) {
      String where = name != null && type == ContainerFormat.CHUNK
          ? "chunk " + (chunkCount + 1) + " of section '" + name + "'"
          : "the " + ContainerFormat.describe(type);
      throw corrupt(where, at);
    }
  }

  private void frame(byte type, byte[] payload, int len, long at)
      throws SnapshotFormatException {
    if ((type == ContainerFormat.SECTION) == (name != null)) {
      throw corrupt("the frame structure (" + ContainerFormat.describe(type)
          + (name == null ? " outside a section)" : " inside section '" + name + "')"), at);
    }
    switch (type) {
      case ContainerFormat.SECTION -> begin(payload, len, at);
      case ContainerFormat.CHUNK -> chunk(payload, len, at);
      default -> end(payload, at);
    }
  }

  private void begin(byte[] payload, int len, long at) throws SnapshotFormatException {
    try {
      name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(payload, 0, len)).toString();
    } catch (CharacterCodingException e) {
      throw corrupt("a section name", at);
    }
    if (sections.containsKey(name)) {
      throw corrupt("the frame structure (section '" + name + "' twice)", at);
    }
    length = 0;
    chunkCount = 0;
    offsets = new long[8];
    sizes = new int[8];
    crcs = new int[8];
    firstLink = link;
    chunks = mode == Mode.KEEP ? new ArrayList<>() : List.of();
  }

  private void chunk(byte[] payload, int len, long at) {
    if (chunkCount == offsets.length) {
      offsets = Arrays.copyOf(offsets, chunkCount * 2);
      sizes = Arrays.copyOf(sizes, chunkCount * 2);
      crcs = Arrays.copyOf(crcs, chunkCount * 2);
    }
    offsets[chunkCount] = at;
    crcs[chunkCount] = ContainerFormat.le(crcBytes).getInt(0);
    sizes[chunkCount++] = len;
    length += len;
    if (mode == Mode.KEEP) {
      chunks.add(payload);
    }
  }

  private void end(byte[] payload, long at) throws SnapshotFormatException {
    ByteBuffer e = ContainerFormat.le(payload);
    if (e.getLong(0) != length || e.getInt(8) != chunkCount) {
      throw corrupt("the end of section '" + name + "' (its length or chunk count)", at);
    }
    sections.put(name, new Section(name, length, Arrays.copyOf(offsets, chunkCount),
        Arrays.copyOf(sizes, chunkCount), Arrays.copyOf(crcs, chunkCount), firstLink, chunks));
    name = null;
  }

  private void trailer(byte[] payload, long at) throws IOException, SnapshotFormatException {
    if (name != null) {
      throw truncated("section '" + name + "' (it has no end)", at);
    }
    ByteBuffer t = ContainerFormat.le(payload);
    if (t.getInt(0) != sections.size() || t.getLong(4) != at) {
      throw corrupt("the trailer (section count or size)", at);
    }
    if (!src.atEnd()) {
      throw corrupt("the end of the file (bytes follow the trailer)", pos);
    }
  }

  private void read(byte[] b, int off, int len, String what)
      throws IOException, SnapshotFormatException {
    try {
      src.readFully(b, off, len);
    } catch (EOFException e) {
      throw truncated(what, pos);
    }
    pos += len;
  }

  private void skip(long len) throws IOException, SnapshotFormatException {
    try {
      src.skip(len);
    } catch (EOFException e) {
      throw truncated("chunk", pos);
    }
    pos += len;
  }

  private static SnapshotFormatException corrupt(String what, long at) {
    return new SnapshotFormatException("snapshot corrupt: " + what + " at byte offset " + at
        + " fails its check; the file is damaged, use another copy or checkpoint");
  }

  private SnapshotFormatException truncated(String what, long at) {
    return new SnapshotFormatException("snapshot truncated: it ends inside the " + what
        + " at byte offset " + at + (name != null ? " (section '" + name + "')" : "")
        + "; the file is incomplete, copy it again or use another checkpoint");
  }
}
