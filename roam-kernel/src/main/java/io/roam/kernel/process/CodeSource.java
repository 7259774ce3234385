package io.roam.kernel.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The code of one process: every class file and resource of its class path, read once into
 * memory, keyed by path inside the class path ({@code a/b/C.class}). Earlier class path entries
 * win, as with {@code java -cp}. It is what a snapshot carries, so that a process resumes anywhere
 * with nothing else. Immutable and thread-safe.
 */
public final class CodeSource {
  /** Upper bound on the code of one process, so that a hostile snapshot cannot claim more. */
  public static final long MAX_BYTES = 512L << 20;

  private final Map<String, byte[]> entries;
  /** Digest of all entries, computed on first use. */
  private volatile String digest;

  private CodeSource(Map<String, byte[]> entries) {
    this.entries = Collections.unmodifiableMap(entries);
  }

  /** Reads a class path of jars and directories (as in {@code java -cp}). */
  public static CodeSource fromClassPath(String classPath) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    long[] total = {0};
    for (String part : classPath.split(java.io.File.pathSeparator)) {
      if (part.isEmpty()) {
        continue;
      }
      Path p = Path.of(part);
      if (Files.isDirectory(p)) {
        readDirectory(p, m, total);
      } else if (Files.isRegularFile(p)) {
        readJar(p, m, total);
      } else {
        throw new IOException("class path entry " + p + " does not exist");
      }
    }
    return new CodeSource(m);
  }

  /** Code decoded from a snapshot. */
  public static CodeSource of(Map<String, byte[]> entries) {
    return new CodeSource(new TreeMap<>(entries));
  }

  /**
   * True when {@code other} holds exactly the same entries, byte for byte (then its digest is
   * this one's: a restore that finds the code it received already known reuses that instance and
   * its digest instead of hashing the bytes again).
   */
  public boolean sameEntries(CodeSource other) {
    if (other == this) {
      return true;
    }
    if (other.entries.size() != entries.size()) {
      return false;
    }
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      byte[] o = other.entries.get(e.getKey());
      if (o == null || !java.util.Arrays.equals(o, e.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static void readDirectory(Path dir, Map<String, byte[]> m, long[] total) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        String name = dir.relativize(f).toString().replace(java.io.File.separatorChar, '/');
        put(m, name, Files.readAllBytes(f), total);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void readJar(Path jar, Map<String, byte[]> m, long[] total) throws IOException {
    try (JarFile jf = new JarFile(jar.toFile())) {
      for (JarEntry e : Collections.list(jf.entries())) {
        if (e.isDirectory()) {
          continue;
        }
        try (InputStream in = jf.getInputStream(e)) {
          put(m, e.getName(), in.readAllBytes(), total);
        }
      }
    }
  }

  private static void put(Map<String, byte[]> m, String name, byte[] bytes, long[] total) throws IOException {
    if (m.containsKey(name)) {
      return;
    }
    total[0] += bytes.length;
    if (total[0] > MAX_BYTES) {
      throw new IOException("class path holds more than " + (MAX_BYTES >> 20) + " MiB");
    }
    m.put(name, bytes);
  }

  /** Bytes of an entry, or null. */
  public byte[] get(String path) {
    return entries.get(path);
  }

  /** Bytes of a class by internal name, or null when the class path does not hold it. */
  public byte[] classBytes(String internalName) {
    return entries.get(internalName + ".class");
  }

  /** All entries (read-only). */
  public Map<String, byte[]> entries() {
    return entries;
  }

  /** SHA-256 over all entry names and contents: identifies the code of a process. */
  public String digest() {
    String d = digest;
    if (d == null) {
      d = computeDigest();
      digest = d;
    }
    return d;
  }

  private String computeDigest() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        md.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(e.getValue());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
