package io.roam.kernel.snapshot;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A snapshot container (format in {@link ContainerFormat}); no byte of a section is handed out
 * before its chunk's checksum, chained to the frames before it, has been checked. From an {@link
 * InputStream} ({@link #read}) the whole container — magic, version, every frame's checksum and
 * link, the frame structure, the trailer — is read and checked before the factory returns, and
 * the chunks are kept in memory (one copy). From a {@link Path} ({@link #open}) the factory checks
 * the same but reads only the heads and checksum fields of chunks; each chunk's payload is read
 * once, into memory the reader owns, and checked there as a section stream reaches it (see {@link
 * ContainerFile}), so that at most one chunk per open stream is held. Immutable after
 * construction; section streams are independent and each is single-threaded. {@link #close}
 * releases the file.
 */
public final class SnapshotReader implements Closeable {
  /** The file, or null when the container was read from a stream. */
  private final ContainerFile file;
  private final Map<String, ContainerParser.Section> sections;

  private SnapshotReader(ContainerFile file, Map<String, ContainerParser.Section> sections) {
    this.file = file;
    this.sections = sections;
  }

  /**
   * Opens the container in {@code file} and checks its header, structure and checksum chain,
   * keeping only section positions in memory; the file stays open until {@link #close}.
   */
  public static SnapshotReader open(Path file) throws IOException, SnapshotFormatException {
    ContainerFile f = ContainerFile.open(file);
    return new SnapshotReader(f, f.sections());
  }

  /** Reads and verifies a whole container from {@code in}, which is not closed. */
  public static SnapshotReader read(InputStream in) throws IOException, SnapshotFormatException {
    return read(in, Long.MAX_VALUE);
  }

  /** As {@link #read(InputStream)}, refusing containers longer than {@code maxBytes}. */
  public static SnapshotReader read(InputStream in, long maxBytes)
      throws IOException, SnapshotFormatException {
    ContainerParser.Source src = new StreamSource(in, maxBytes);
    return new SnapshotReader(null, new ContainerParser(src, ContainerParser.Mode.KEEP).parse());
  }

  /** Releases the file (nothing for a container read from a stream); open streams fail. */
  @Override
  public void close() throws IOException {
    if (file != null) {
      file.close();
    }
  }

  /** The format version of the container (the only one this Roam reads). */
  public int formatVersion() {
    return ContainerFormat.VERSION;
  }

  /** Section names in file order. */
  public List<String> sectionNames() {
    return List.copyOf(sections.keySet());
  }

  /** Whether the container has a section of that name. */
  public boolean hasSection(String name) {
    return sections.containsKey(name);
  }

  /** The byte length of a section. */
  public long sectionLength(String name) throws SnapshotFormatException {
    return section(name).length();
  }

  /** A stream of the bytes of a section; close it when done. */
  public InputStream openSection(String name) throws IOException, SnapshotFormatException {
    ContainerParser.Section s = section(name);
    if (file != null) {
      return file.openSection(s);
    }
    List<InputStream> parts = new ArrayList<>();
    for (byte[] c : s.chunks()) {
      parts.add(new ByteArrayInputStream(c));
    }
    return new SequenceInputStream(Collections.enumeration(parts));
  }

  /** The bytes of a section, in one array (for small sections). */
  public byte[] readSection(String name) throws IOException, SnapshotFormatException {
    long len = sectionLength(name);
    if (len > Integer.MAX_VALUE - 16) {
      throw new IOException("section '" + name + "' is too large for one array; stream it");
    }
    try (InputStream in = openSection(name)) {
      return in.readNBytes((int) len);
    }
  }

  private ContainerParser.Section section(String name) throws SnapshotFormatException {
    ContainerParser.Section s = sections.get(name);
    if (s == null) {
      throw new SnapshotFormatException("the snapshot has no section '" + name + "' (it has "
          + sections.keySet() + "); it was written by an incompatible Roam");
    }
    return s;
  }

  /** Reads a stream, refusing more than a given number of bytes. */
  static final class StreamSource implements ContainerParser.Source {
    private final InputStream in;
    private long allowed;

    StreamSource(InputStream in, long maxBytes) {
      this.in = in;
      this.allowed = maxBytes;
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
      if (len > allowed) {
        throw new IOException("snapshot is larger than the allowed maximum");
      }
      if (in.readNBytes(b, off, len) < len) {
        throw new EOFException();
      }
      allowed -= len;
    }

    @Override
    public boolean atEnd() throws IOException {
      return in.read() < 0;
    }

    @Override
    public long remaining() {
      return Long.MAX_VALUE;
    }
  }
}
