package io.roam.instrument.runtime.files;

import java.io.FileNotFoundException;
import java.nio.charset.Charset;

/**
 * The keys of {@link FileProxy} objects and their re-creation in a resuming JVM. A key is
 * {@code kind:handle} followed, for channels, by {@code :open} or {@code :closed}, for readers and writers, by {@code :charset:pending} (the
 * surrogate they hold, or -1). Keep in sync with the {@code proxyKey} methods.
 */
public final class FileProxies {
  static final String INPUT = "in";
  static final String OUTPUT = "out";
  static final String RANDOM_ACCESS = "raf";
  static final String CHANNEL = "chan";
  static final String READER = "reader";
  static final String WRITER = "writer";

  private FileProxies() {}

  static String key(String kind, int h, String... more) {
    StringBuilder b = new StringBuilder(kind).append(':').append(h);
    for (String m : more) {
      b.append(':').append(m);
    }
    return b.toString();
  }

  /** The charset between handle and pending surrogate (a charset name may contain ':'). */
  private static Charset charset(String[] p) {
    return Charset.forName(String.join(":", java.util.Arrays.copyOfRange(p, 2, p.length - 1)));
  }

  /**
   * The process object for {@code key} over {@code fs}, whose handles have been (or will be,
   * before the process runs) reopened.
   *
   * @throws IllegalArgumentException when the key is malformed
   */
  public static FileProxy recreate(FileService fs, String key) {
    String[] p = key.split(":", -1);
    try {
      int h = Integer.parseInt(p[1]);
      return switch (p[0]) {
        case INPUT -> new VFileInputStream(fs, h);
        case OUTPUT -> new VFileOutputStream(fs, h);
        case RANDOM_ACCESS -> new VRandomAccessFile(fs, h);
        case CHANNEL -> VFileChannel.of(fs, h, p[2].equals("closed"));
        case READER -> new VFileReader(fs, h, charset(p), Integer.parseInt(p[p.length - 1]));
        case WRITER -> new VFileWriter(fs, h, charset(p), Integer.parseInt(p[p.length - 1]));
        default -> throw new IllegalArgumentException("unknown kind of file object: " + key);
      };
    } catch (RuntimeException | FileNotFoundException e) {
      throw new IllegalArgumentException("malformed file object key '" + key + "': " + e, e);
    }
  }
}
