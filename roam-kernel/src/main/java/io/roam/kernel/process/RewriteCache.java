package io.roam.kernel.process;

import io.roam.instrument.Instrumenter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rewritten classes kept on disk, so that a second run of the same program does not rewrite
 * again. Keyed by rewriter version and by the digest of the program's whole code (rewriting a
 * class depends on the classes around it), one file per class. A missing, unreadable or corrupt
 * entry is rewritten again; writes are atomic. Location: {@code $ROAM_CACHE}, else
 * {@code ~/.cache/roam}. Thread-safe.
 */
final class RewriteCache {
  private final Path dir;

  private RewriteCache(Path dir) {
    this.dir = dir;
  }

  /** The cache for a program's code, or a disabled cache when no directory can be used. */
  static RewriteCache forCode(CodeSource code) {
    String env = System.getenv("ROAM_CACHE");
    Path base = env != null && !env.isEmpty() ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".cache", "roam");
    if ("off".equals(env)) {
      return new RewriteCache(null);
    }
    return new RewriteCache(base.resolve("rewritten-v" + Instrumenter.VERSION)
        .resolve(REWRITER_BUILD).resolve(code.digest()));
  }

  /**
   * Digest of the rewriter's own class files, so that a rebuilt rewriter never reads entries an
   * older build wrote under the same version number.
   */
  private static final String REWRITER_BUILD = rewriterBuild();

  private static String rewriterBuild() {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      Path loc = Path.of(Instrumenter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(loc)) {
        try (var files = Files.walk(loc)) {
          for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
            md.update(loc.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(f));
          }
        }
      } else {
        md.update(Files.readAllBytes(loc));
      }
      return java.util.HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (Exception e) {
      return "unknown-" + System.nanoTime();
    }
  }

  /**
   * Entries read or written in this JVM, by cache directory and class: a node restoring the same
   * program again (every migration in, every recovery) defines its classes without touching the
   * disk. Bounded by {@value #MEMORY_MAX_BYTES} bytes of class files (cleared when full).
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, Instrumenter.Result> MEMORY =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final java.util.concurrent.atomic.AtomicLong MEMORY_BYTES = new java.util.concurrent.atomic.AtomicLong();
  private static final long MEMORY_MAX_BYTES = 64L << 20;

  private void remember(String className, Instrumenter.Result r) {
    long n = size(r);
    if (MEMORY_BYTES.addAndGet(n) > MEMORY_MAX_BYTES) {
      MEMORY.clear();
      MEMORY_BYTES.set(n);
    }
    MEMORY.put(dir + "/" + className, r);
  }

  private static long size(Instrumenter.Result r) {
    long n = r.bytes().length;
    for (Instrumenter.Result g : r.generated().values()) {
      n += size(g);
    }
    return n;
  }

  Instrumenter.Result get(String className) {
    if (dir == null) {
      return null;
    }
    Instrumenter.Result m = MEMORY.get(dir + "/" + className);
    if (m != null) {
      return m;
    }
    Path f = dir.resolve(className + ".bin");
    try {
      if (!Files.isRegularFile(f)) {
        return null;
      }
      Instrumenter.Result r = read(new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(f))));
      remember(className, r);
      return r;
    } catch (IOException | RuntimeException corrupt) {
      return null;
    }
  }

  void put(String className, Instrumenter.Result r) {
    if (dir == null) {
      return;
    }
    remember(className, r);
    try {
      Files.createDirectories(dir);
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      write(new DataOutputStream(b), r);
      Path tmp = Files.createTempFile(dir, ".entry", ".tmp");
      Files.write(tmp, b.toByteArray());
      Files.move(tmp, dir.resolve(className + ".bin"), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      // the cache is an optimisation: a read-only or full disk only costs rewriting next time
    }
  }

  private static void write(DataOutputStream d, Instrumenter.Result r) throws IOException {
    d.writeUTF(r.name());
    d.writeInt(r.bytes().length);
    d.write(r.bytes());
    d.writeInt(r.safeInvokeOffsets().size());
    for (Map.Entry<String, int[]> e : r.safeInvokeOffsets().entrySet()) {
      d.writeUTF(e.getKey());
      d.writeInt(e.getValue().length);
      for (int o : e.getValue()) {
        d.writeInt(o);
      }
    }
    d.writeInt(r.generated().size());
    for (Instrumenter.Result g : r.generated().values()) {
      write(d, g);
    }
    d.flush();
  }

  private static Instrumenter.Result read(DataInputStream d) throws IOException {
    String name = d.readUTF();
    byte[] bytes = new byte[d.readInt()];
    d.readFully(bytes);
    int n = d.readInt();
    Map<String, int[]> offsets = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String m = d.readUTF();
      int[] o = new int[d.readInt()];
      for (int k = 0; k < o.length; k++) {
        o[k] = d.readInt();
      }
      offsets.put(m, o);
    }
    int g = d.readInt();
    Map<String, Instrumenter.Result> generated = new LinkedHashMap<>();
    for (int i = 0; i < g; i++) {
      Instrumenter.Result r = read(d);
      generated.put(r.name(), r);
    }
    if (Instrumenter.stampOf(bytes) != Instrumenter.VERSION) {
      throw new IOException("cache entry " + name + " has another rewriter stamp");
    }
    return new Instrumenter.Result(name, bytes, offsets, generated);
  }
}
