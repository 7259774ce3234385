package io.roam.kernel.snapshot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Byte layout of the snapshot container, shared by {@link SnapshotWriter} and {@link
 * SnapshotReader} (keep in sync with the description in {@link SnapshotWriter}). All integers
 * are little-endian.
 *
 * <pre>
 * header:  "ROAMSNAP" | u32 version | u32 crc32c(magic, version)
 * frame:   u8 type | u32 length | payload[length] | u32 crc32c(link, type, length, payload)
 *   link: the 4 bytes before the frame — the previous frame's checksum, or the header's
 *   'S' section begin, payload: UTF-8 name, 1..255 bytes, unique in the file
 *   'C' chunk of the open section, payload: 1..1 MiB of section bytes
 *   'E' section end, payload: u64 section length | u32 chunk count
 *   'T' trailer, payload: u32 section count | u64 bytes before the trailer
 * file:    header, then per section 'S' 'C'* 'E', then 'T', then end of file
 * </pre>
 *
 * <p>The checksums form a chain: a frame checks only where it follows the frame it was written
 * after, so frames reordered, dropped or taken from another snapshot are refused, and a valid
 * trailer vouches for the whole sequence before it. Version 1 had unchained frame checksums and a
 * whole-file CRC32C in the trailer, which cannot see such changes: a CRC32C over data followed by
 * that data's own CRC32C is the same constant whatever the data, so v1's whole-file checksum
 * depended on the header and the frame lengths only.
 */
final class ContainerFormat {
  static final byte[] MAGIC = "ROAMSNAP".getBytes(StandardCharsets.US_ASCII);
  /** The format version this Roam writes and the only one it reads. */
  static final int VERSION = 2;
  static final int HEADER_SIZE = 16;
  /** Frame type and length. */
  static final int FRAME_HEAD = 5;
  static final int FRAME_CRC = 4;
  static final int MAX_CHUNK = 1 << 20;
  static final int MAX_NAME = 255;
  static final byte SECTION = 'S';
  static final byte CHUNK = 'C';
  static final byte END = 'E';
  static final byte TRAILER = 'T';
  static final int END_SIZE = 12;
  static final int TRAILER_SIZE = 12;

  private ContainerFormat() {}

  /** A new CRC32C of a frame, fed with its link (the checksum before it). */
  static CRC32C frameCrc(int link) {
    CRC32C crc = new CRC32C();
    crc.update(new byte[] {(byte) link, (byte) (link >>> 8), (byte) (link >>> 16),
        (byte) (link >>> 24)});
    return crc;
  }

  static ByteBuffer le(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The largest payload a frame of this type may have, or -1 for an unknown type. */
  static int maxPayload(byte type) {
    return switch (type) {
      case SECTION -> MAX_NAME;
      case CHUNK -> MAX_CHUNK;
      case END -> END_SIZE;
      case TRAILER -> TRAILER_SIZE;
      default -> -1;
    };
  }

  static String describe(byte type) {
    return switch (type) {
      case SECTION -> "section header";
      case CHUNK -> "chunk";
      case END -> "section end";
      case TRAILER -> "trailer";
      default -> "frame of unknown type " + (type & 0xFF);
    };
  }
}
