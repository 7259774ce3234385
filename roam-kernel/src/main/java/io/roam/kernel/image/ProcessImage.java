package io.roam.kernel.image;

import io.roam.instrument.Instrumenter;
import io.roam.instrument.runtime.Continuation;
import io.roam.instrument.runtime.Frame;
import io.roam.kernel.RoamException;
import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.ProcessClassLoader;
import io.roam.kernel.process.ProcessRuntime;
import io.roam.kernel.process.ProcessState;
import io.roam.kernel.process.SpareLoaders;
import io.roam.kernel.process.VirtualClock;
import io.roam.kernel.process.VirtualConsole;
import io.roam.kernel.snapshot.HeapCodec;
import io.roam.kernel.snapshot.SnapshotCaptureException;
import io.roam.kernel.snapshot.SnapshotFormatException;
import io.roam.kernel.snapshot.SnapshotReader;
import io.roam.kernel.snapshot.SnapshotStream;
import io.roam.kernel.snapshot.SnapshotWriter;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A captured process as a snapshot file, and back. Sections, in order:
 * <ul>
 *   <li>{@code meta}: rewriter version, process and main class names, code digest, console byte
 *       counts, clock readings, identity-hash state, main thread name, initialized classes;
 *   <li>{@code code}: every entry of the process's class path (original, not rewritten, bytes);
 *   <li>{@code heap}: one object graph (see {@link HeapCodec}) rooted at
 *       {@code [statics, frames, threadLocals, mathRandom, syscallState, resources]}; {@code
 *       resources} is {@link ProcessState#resources()}, whose hooks run before a capture.
 * </ul>
 * Reading checks the container up to the end of the code section, the rewriter version and the
 * code digest before any process class is loaded, the heap's class table before any object is
 * created, and the rest of the container, trailer included, before any process code runs (a file
 * is checked whole when opened; a stream is decoded as it arrives, see {@link SnapshotStream}).
 */
public final class ProcessImage {
  private static final int META_VERSION = 2;

  /** A process read back from a snapshot, ready to be resumed. */
  public record Restored(ProcessRuntime runtime, String mainClass, String processId) {}

  private ProcessImage() {}

  // ------------------------------------------------------------------ write

  /** Writes the captured process to {@code file} atomically; returns the file's size. */
  public static long write(ProcessRuntime rt, String mainClass, Path file) throws IOException, RoamException {
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
    }
    SnapshotFiles.Temp temp = SnapshotFiles.create(file);
    Path tmp = temp.path();
    boolean moved = false;
    try {
      long size;
      try (FileChannel ch = temp.channel();
          // small writes (frame heads, CRCs) are buffered; chunk payloads go straight through
          OutputStream out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 64 << 10)) {
        writeTo(rt, mainClass, out);
        out.flush();
        size = ch.size();
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
      return size;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * The snapshot of the captured process in memory, exactly as {@link #write} writes it to a file
   * (a fork's copy; no file is touched).
   */
  public static byte[] toBytes(ProcessRuntime rt, String mainClass) throws RoamException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    try {
      writeTo(rt, mainClass, out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Writes the snapshot of the captured process to {@code out} (what a migration sends to another
   * node), the same bytes {@link #write} puts in a file; {@code out} is flushed, not closed.
   */
  public static void write(ProcessRuntime rt, String mainClass, OutputStream out) throws IOException, RoamException {
    writeTo(rt, mainClass, out);
    out.flush();
  }

  /** The container with the meta, code and heap sections of the captured process. */
  private static void writeTo(ProcessRuntime rt, String mainClass, OutputStream out) throws IOException, RoamException {
    ProcessClassLoader loader = rt.loader();
    List<String> initialized = rt.initializedClasses();
    for (ProcessState.ResourceHook h : rt.state().hooks()) {
      h.beforeCapture(rt.state());
    }
    Object root = new Object[] {statics(loader, initialized), frames(rt.state().mainContinuation),
        rt.state().mainContinuation.threadLocals(), rt.state().mathRandom(), rt.state().mainContinuation.syscallState,
        new LinkedHashMap<>(rt.state().resources())};
    HeapCodec codec = new HeapCodec(new ProcessHeapPolicy(loader, rt, loader::literalStrings));
    try {
      SnapshotWriter w = new SnapshotWriter(out);
      w.writeSection("meta", meta(rt, mainClass, loader.code(), initialized));
      try (OutputStream s = w.openSection("code")) {
        writeCode(loader.code(), s);
      }
      try (OutputStream s = w.openSection("heap")) {
        codec.encode(root, s);
      }
      w.finish();
    } catch (SnapshotCaptureException e) {
      throw new RoamException("cannot capture process " + mainClass + ": " + e.getMessage(), e);
    }
  }

  private static byte[] meta(ProcessRuntime rt, String mainClass, CodeSource code, List<String> initialized)
      throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    d.writeInt(META_VERSION);
    d.writeInt(Instrumenter.VERSION);
    d.writeUTF("local-1");
    d.writeUTF("local");
    d.writeUTF(mainClass);
    d.writeUTF(code.digest());
    d.writeLong(rt.console().outWritten());
    d.writeLong(rt.console().errWritten());
    d.writeLong(rt.state().clock.nanoTime());
    d.writeLong(rt.state().clock.currentTimeMillis());
    d.writeInt(rt.state().hashState());
    d.writeUTF(rt.state().mainThread.getName());
    d.writeInt(initialized.size());
    for (String c : initialized) {
      d.writeUTF(c);
    }
    d.flush();
    return b.toByteArray();
  }

  private static void writeCode(CodeSource code, OutputStream s) throws IOException {
    DataOutputStream d = new DataOutputStream(s);
    d.writeInt(code.entries().size());
    for (Map.Entry<String, byte[]> e : code.entries().entrySet()) {
      d.writeUTF(e.getKey());
      d.writeInt(e.getValue().length);
      d.write(e.getValue());
    }
    d.flush();
  }

  /** {@code [className, String[] names, Object[] values]} per initialized class, in order. */
  private static Object[] statics(ProcessClassLoader loader, List<String> initialized) throws RoamException {
    List<Object> out = new ArrayList<>();
    for (String name : initialized) {
      try {
        Class<?> c = Class.forName(name, false, loader);
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Field f : staticFields(c)) {
          names.add(f.getName());
          values.add(f.get(null));
        }
        out.add(new Object[] {name, names.toArray(String[]::new), values.toArray()});
      } catch (ReflectiveOperationException e) {
        throw new RoamException("cannot read the static fields of " + name + ": " + e, e);
      }
    }
    return out.toArray();
  }

  private static List<Field> staticFields(Class<?> c) {
    List<Field> out = new ArrayList<>();
    for (Field f : c.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        f.setAccessible(true);
        out.add(f);
      }
    }
    return out;
  }

  /** {@code [method, site, self, long[] prims, Object[] refs]} per frame, innermost first. */
  private static Object[] frames(Continuation c) {
    List<Frame> fs = c.frames();
    Object[] out = new Object[fs.size()];
    for (int i = 0; i < out.length; i++) {
      Frame f = fs.get(i);
      out[i] = new Object[] {f.method, f.site, f.self, f.prims(), f.refs()};
    }
    return out;
  }

  // ------------------------------------------------------------------ read

  /** Reads a snapshot; nothing of the process runs until the caller resumes it. */
  public static Restored read(Path file, ClassLoader parent) throws IOException, RoamException {
    return read(file, parent, VirtualConsole.Factory.STANDARD);
  }

  /** As {@link #read(Path, ClassLoader)}, with the resumed process's console made by {@code consoles}. */
  public static Restored read(Path file, ClassLoader parent, VirtualConsole.Factory consoles)
      throws IOException, RoamException {
    try {
      try (SnapshotReader r = SnapshotReader.open(file)) {
        return read(sectionsOf(r, file), file, parent, consoles);
      }
    } catch (SnapshotFormatException e) {
      throw new RoamException("snapshot " + file + " is not usable: " + e.getMessage(), e);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new RoamException("snapshot " + file + " does not exist", e);
    }
  }

  /** Reads a snapshot held in memory ({@link #toBytes}); {@code label} names it in errors. */
  public static Restored read(byte[] image, String label, ClassLoader parent, VirtualConsole.Factory consoles)
      throws RoamException {
    return read(new ByteArrayInputStream(image), label, parent, consoles);
  }

  /**
   * Reads a snapshot from a stream up to its end (what a node receives from another), decoding it
   * as it arrives: each chunk is checked before any of its bytes is decoded, the trailer before
   * any process code runs (hash collections are filled last), and nothing of the process runs
   * until the caller resumes it. {@code label} names the source in errors; {@code in} is not
   * closed.
   */
  public static Restored read(InputStream in, String label, ClassLoader parent, VirtualConsole.Factory consoles)
      throws RoamException {
    Path file = Path.of(label);
    try {
      SnapshotStream s = SnapshotStream.open(in, Long.MAX_VALUE);
      return read(new Sections() {
        @Override
        public byte[] section(String name) throws IOException, SnapshotFormatException {
          return s.readSection(name, name.equals("code") ? (int) Math.min(Integer.MAX_VALUE - 16, 2 * CodeSource.MAX_BYTES)
              : MAX_META);
        }

        @Override
        public Object heap(HeapCodec codec) throws IOException, SnapshotFormatException {
          String name = s.nextSection();
          if (!"heap".equals(name)) {
            throw new SnapshotFormatException("the snapshot has " + (name == null ? "no heap section"
                : "section '" + name + "' where its heap section should be") + "; it was not written by Roam");
          }
          return codec.decode(s.section(true));
        }
      }, file, parent, consoles);
    } catch (SnapshotFormatException e) {
      throw new RoamException("snapshot " + label + " is not usable: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new RoamException("snapshot " + label + " could not be read: " + e.getMessage(), e);
    }
  }

  /** The most bytes a meta section may have. */
  private static final int MAX_META = 64 << 20;

  /** Where a snapshot's sections come from: a file or a stream; meta and code first, then the heap. */
  private interface Sections {
    byte[] section(String name) throws IOException, SnapshotFormatException;

    /** Decodes the heap section, which a stream must have last. */
    Object heap(HeapCodec codec) throws IOException, SnapshotFormatException;
  }

  /** The sections of a container read by {@code r}, by name. */
  private static Sections sectionsOf(SnapshotReader r, Path file) throws RoamException {
    for (String s : List.of("meta", "code", "heap")) {
      if (!r.hasSection(s)) {
        throw new RoamException("snapshot " + file + " has no '" + s + "' section; it was not written by Roam");
      }
    }
    return new Sections() {
      @Override
      public byte[] section(String name) throws IOException, SnapshotFormatException {
        return r.readSection(name);
      }

      @Override
      public Object heap(HeapCodec codec) throws IOException, SnapshotFormatException {
        // Streamed: a heap section may be larger than any one array (2 GiB).
        try (InputStream in = r.openSection("heap")) {
          return codec.decode(in, r.sectionLength("heap"));
        }
      }
    };
  }

  private static Restored read(Sections r, Path file, ClassLoader parent, VirtualConsole.Factory consoles)
      throws IOException, RoamException {
    try {
      Meta m = Meta.parse(r.section("meta"), file);
      CodeSource code = readCode(r.section("code"), file);
      CodeSource known = SpareLoaders.knownCode(m.digest, parent);
      if (known != null && known.sameEntries(code)) {
        code = known; // the same bytes as a restore before: its digest is known
      }
      if (!code.digest().equals(m.digest)) {
        throw new RoamException("snapshot " + file + ": its code does not match its recorded digest; the file is corrupt");
      }
      ProcessClassLoader loader = SpareLoaders.take(code, parent, m.initialized, m.mainClass);
      Continuation main = new Continuation();
      ProcessState state = new ProcessState(main, m.threadName, VirtualClock.resume(m.nanos, m.millis), m.hashState);
      state.initialized().addAll(m.initialized);
      ProcessRuntime rt = new ProcessRuntime(loader, state, consoles.create(m.outWritten, m.errWritten));
      rt.restoring(new HashSet<>(m.initialized));
      try {
        HeapCodec codec = new HeapCodec(new ProcessHeapPolicy(loader, rt, Set::of));
        Object[] root = (Object[]) r.heap(codec);
        restoreStatics(loader, (Object[]) root[0]);
        restoreFrames(main, (Object[]) root[1]);
        @SuppressWarnings("unchecked")
        Map<Object, Object> locals = (Map<Object, Object>) root[2];
        main.threadLocals().putAll(locals);
        state.mathRandom((Random) root[3]);
        main.syscallState = root[4];
        @SuppressWarnings("unchecked")
        Map<String, Object> resources = (Map<String, Object>) root[5];
        state.resources().putAll(resources);
        rt.files().restore(state);
      } finally {
        rt.restoring(Set.of());
      }
      return new Restored(rt, m.mainClass, m.processId);
    } catch (SnapshotFormatException e) {
      throw new RoamException("snapshot " + file + " is not usable: " + e.getMessage(), e);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new RoamException("snapshot " + file + " does not exist", e);
    } catch (IOException e) {
      throw new RoamException("snapshot " + file + " could not be read: " + e.getMessage(), e);
    } catch (ClassCastException | ArrayIndexOutOfBoundsException e) {
      throw new RoamException("snapshot " + file + " has a heap of the wrong shape: " + e.getMessage(), e);
    }
  }

  private static CodeSource readCode(byte[] section, Path file) throws IOException, RoamException {
    DataInputStream d = new DataInputStream(new ByteArrayInputStream(section));
    try {
      int n = d.readInt();
      if (n < 0 || n > 1_000_000) {
        throw new RoamException("snapshot " + file + " claims " + n + " code entries");
      }
      Map<String, byte[]> entries = new LinkedHashMap<>();
      long total = 0;
      for (int i = 0; i < n; i++) {
        String name = d.readUTF();
        int len = d.readInt();
        total += len;
        if (len < 0 || len > d.available() || total > CodeSource.MAX_BYTES) {
          throw new RoamException("snapshot " + file + ": code entry " + name + " has an impossible length " + len);
        }
        byte[] b = new byte[len];
        d.readFully(b);
        entries.put(name, b);
      }
      return CodeSource.of(entries);
    } catch (EOFException e) {
      throw new RoamException("snapshot " + file + ": the code section is truncated", e);
    }
  }

  private static void restoreStatics(ProcessClassLoader loader, Object[] statics) throws RoamException {
    for (Object o : statics) {
      Object[] cls = (Object[]) o;
      String name = (String) cls[0];
      String[] names = (String[]) cls[1];
      Object[] values = (Object[]) cls[2];
      try {
        Class<?> c = Class.forName(name, true, loader);
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Field f : staticFields(c)) {
          fields.put(f.getName(), f);
        }
        for (int i = 0; i < names.length; i++) {
          Field f = fields.get(names[i]);
          if (f == null) {
            throw new RoamException("snapshot names static field " + name + "." + names[i] + " that the code lacks");
          }
          f.set(null, values[i]);
        }
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        throw new RoamException("cannot restore the static fields of " + name + ": " + e.getMessage(), e);
      }
    }
  }

  private static void restoreFrames(Continuation main, Object[] frames) {
    for (Object o : frames) {
      Object[] f = (Object[]) o;
      main.frames().add(new Frame((String) f[0], (Integer) f[1], f[2], (long[]) f[3], (Object[]) f[4]));
    }
  }

  /** The fields of the meta section. */
  private record Meta(String processId, String home, String mainClass, String digest, long outWritten,
      long errWritten, long nanos, long millis, int hashState, String threadName, List<String> initialized) {
    static Meta parse(byte[] b, Path file) throws IOException, RoamException {
      DataInputStream d = new DataInputStream(new ByteArrayInputStream(b));
      try {
        int v = d.readInt();
        if (v != META_VERSION) {
          throw new RoamException("snapshot " + file + " has process metadata version " + v
              + "; this Roam reads version " + META_VERSION);
        }
        int rewriter = d.readInt();
        if (rewriter != Instrumenter.VERSION) {
          throw new RoamException("snapshot " + file + " was captured by rewriter version " + rewriter
              + "; this Roam's rewriter is version " + Instrumenter.VERSION + " — resume it with the Roam that wrote it");
        }
        String pid = d.readUTF();
        String home = d.readUTF();
        String main = d.readUTF();
        String digest = d.readUTF();
        long out = d.readLong();
        long err = d.readLong();
        long nanos = d.readLong();
        long millis = d.readLong();
        int hash = d.readInt();
        String thread = d.readUTF();
        int n = d.readInt();
        if (n < 0 || n > 10_000_000) {
          throw new RoamException("snapshot " + file + " claims " + n + " initialized classes");
        }
        List<String> init = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          init.add(d.readUTF());
        }
        return new Meta(pid, home, main, digest, out, err, nanos, millis, hash, thread, init);
      } catch (EOFException e) {
        throw new RoamException("snapshot " + file + ": the meta section is truncated", e);
      }
    }
  }
}
