package io.roam.instrument.runtime.files;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UnsupportedEncodingException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.CopyOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitOption;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Replacements for the {@code java.nio.file.Files}, {@code FileChannel.open}, {@code
 * java.io.File} and {@code Path.toAbsolutePath} calls of process code, and the file targets of
 * {@code PrintWriter}/{@code PrintStream} constructors. {@code FileRedirector} redirects each
 * call here with the process's {@link FileService} appended as the last argument; each method
 * behaves as the one it replaces, with the path resolved by the kernel against the process's
 * working directory. Streams ({@code lines}, {@code list}, {@code walk}) are read eagerly and
 * hold no open file or directory.
 */
public final class VFiles {
  private VFiles() {}

  // ------------------------------------------------------------------ open options

  private static int flags(OpenOption[] options, boolean writeDefault) {
    if (options.length == 0) {
      return writeDefault ? FileService.WRITE | FileService.CREATE | FileService.TRUNCATE : FileService.READ;
    }
    return flags(Set.of(options), writeDefault);
  }

  private static int flags(Set<? extends OpenOption> options, boolean write) {
    int f = 0;
    for (OpenOption o : options) {
      if (o == StandardOpenOption.READ) {
        f |= FileService.READ;
      } else if (o == StandardOpenOption.WRITE) {
        f |= FileService.WRITE;
      } else if (o == StandardOpenOption.APPEND) {
        f |= FileService.APPEND | FileService.WRITE;
      } else if (o == StandardOpenOption.CREATE) {
        f |= FileService.CREATE;
      } else if (o == StandardOpenOption.CREATE_NEW) {
        f |= FileService.CREATE_NEW;
      } else if (o == StandardOpenOption.TRUNCATE_EXISTING) {
        f |= FileService.TRUNCATE;
      } else if (o == StandardOpenOption.SYNC || o == StandardOpenOption.DSYNC) {
        f |= FileService.SYNC;
      } else if (o == null) {
        throw new NullPointerException();
      } else if (!(o instanceof LinkOption) && o != StandardOpenOption.SPARSE
          && o != StandardOpenOption.DELETE_ON_CLOSE) {
        throw new UnsupportedOperationException(o + " not supported");
      } else if (o == StandardOpenOption.DELETE_ON_CLOSE) {
        throw new UnsupportedOperationException("Roam: DELETE_ON_CLOSE is not virtualized");
      }
    }
    if (write) {
      f |= FileService.WRITE;
    }
    if ((f & FileService.WRITE) == 0) {
      f |= FileService.READ;
      f &= ~(FileService.TRUNCATE | FileService.CREATE | FileService.CREATE_NEW);
    }
    if ((f & FileService.APPEND) != 0 && (f & (FileService.READ | FileService.TRUNCATE)) != 0) {
      throw new IllegalArgumentException((f & FileService.READ) != 0 ? "READ + APPEND not allowed"
          : "APPEND + TRUNCATE_EXISTING not allowed");
    }
    return f;
  }

  private static String name(Path p) {
    return p.toString();
  }

  // ------------------------------------------------------------------ reading

  public static byte[] readAllBytes(Path p, FileService fs) throws IOException {
    int h = fs.open(name(p), FileService.READ);
    try {
      long size = fs.size(h);
      if (size > Integer.MAX_VALUE - 8) {
        throw new OutOfMemoryError("Required array size too large");
      }
      byte[] b = new byte[(int) size];
      int n = 0;
      for (int r; (r = fs.read(h, b, n, b.length - n)) > 0; ) {
        n += r;
        if (n == b.length) {
          b = Arrays.copyOf(b, Math.max(n * 2, 8192));
        }
      }
      return n == b.length ? b : Arrays.copyOf(b, n);
    } finally {
      fs.close(h);
    }
  }

  public static String readString(Path p, FileService fs) throws IOException {
    return readString(p, StandardCharsets.UTF_8, fs);
  }

  public static String readString(Path p, Charset cs, FileService fs) throws IOException {
    java.util.Objects.requireNonNull(cs);
    return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(readAllBytes(p, fs))).toString();
  }

  public static List<String> readAllLines(Path p, FileService fs) throws IOException {
    return readAllLines(p, StandardCharsets.UTF_8, fs);
  }

  public static List<String> readAllLines(Path p, Charset cs, FileService fs) throws IOException {
    BufferedReader r = new BufferedReader(new StringReader(readString(p, cs, fs)));
    List<String> lines = new ArrayList<>();
    for (String l; (l = r.readLine()) != null; ) {
      lines.add(l);
    }
    return lines;
  }

  public static Stream<String> lines(Path p, FileService fs) throws IOException {
    return readAllLines(p, fs).stream();
  }

  public static Stream<String> lines(Path p, Charset cs, FileService fs) throws IOException {
    return readAllLines(p, cs, fs).stream();
  }

  public static BufferedReader newBufferedReader(Path p, FileService fs) throws IOException {
    return newBufferedReader(p, StandardCharsets.UTF_8, fs);
  }

  public static BufferedReader newBufferedReader(Path p, Charset cs, FileService fs) throws IOException {
    java.util.Objects.requireNonNull(cs);
    return new BufferedReader(new VFileReader(fs, fs.open(name(p), FileService.READ), cs, -1));
  }

  public static InputStream newInputStream(Path p, OpenOption[] options, FileService fs) throws IOException {
    for (OpenOption o : options) {
      if (o == StandardOpenOption.APPEND || o == StandardOpenOption.WRITE) {
        throw new UnsupportedOperationException("'" + o + "' not allowed");
      }
    }
    return new VFileInputStream(fs, fs.open(name(p), FileService.READ));
  }

  // ------------------------------------------------------------------ writing

  public static OutputStream newOutputStream(Path p, OpenOption[] options, FileService fs) throws IOException {
    return new VFileOutputStream(fs, fs.open(name(p), flags(options, true)));
  }

  public static BufferedWriter newBufferedWriter(Path p, OpenOption[] options, FileService fs) throws IOException {
    return newBufferedWriter(p, StandardCharsets.UTF_8, options, fs);
  }

  public static BufferedWriter newBufferedWriter(Path p, Charset cs, OpenOption[] options, FileService fs)
      throws IOException {
    java.util.Objects.requireNonNull(cs);
    return new BufferedWriter(new VFileWriter(fs, fs.open(name(p), flags(options, true)), cs, -1));
  }

  public static Path write(Path p, byte[] bytes, OpenOption[] options, FileService fs) throws IOException {
    java.util.Objects.requireNonNull(bytes);
    int h = fs.open(name(p), flags(options, true));
    try {
      fs.write(h, bytes, 0, bytes.length);
    } finally {
      fs.close(h);
    }
    return p;
  }

  public static Path write(Path p, Iterable<? extends CharSequence> lines, OpenOption[] options, FileService fs)
      throws IOException {
    return write(p, lines, StandardCharsets.UTF_8, options, fs);
  }

  public static Path write(Path p, Iterable<? extends CharSequence> lines, Charset cs, OpenOption[] options,
      FileService fs) throws IOException {
    StringBuilder b = new StringBuilder();
    for (CharSequence l : lines) {
      b.append(l).append(System.lineSeparator());
    }
    return write(p, encode(b, cs), options, fs);
  }

  public static Path writeString(Path p, CharSequence s, OpenOption[] options, FileService fs) throws IOException {
    return writeString(p, s, StandardCharsets.UTF_8, options, fs);
  }

  public static Path writeString(Path p, CharSequence s, Charset cs, OpenOption[] options, FileService fs)
      throws IOException {
    java.util.Objects.requireNonNull(s);
    return write(p, encode(s, cs), options, fs);
  }

  private static byte[] encode(CharSequence s, Charset cs) throws IOException {
    CharsetEncoder e = cs.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer b = e.encode(java.nio.CharBuffer.wrap(s));
    return Arrays.copyOfRange(b.array(), b.arrayOffset() + b.position(), b.arrayOffset() + b.limit());
  }

  // ------------------------------------------------------------------ channels

  public static FileChannel channelOpen(Path p, OpenOption[] options, FileService fs) throws IOException {
    return VFileChannel.of(fs, fs.open(name(p), flags(options, false)));
  }

  public static FileChannel channelOpen(Path p, Set<? extends OpenOption> options, FileAttribute<?>[] attrs,
      FileService fs) throws IOException {
    return VFileChannel.of(fs, fs.open(name(p), options.isEmpty() ? FileService.READ : flags(options, false)));
  }

  // ------------------------------------------------------------------ names

  public static boolean exists(Path p, LinkOption[] options, FileService fs) {
    return fs.exists(name(p));
  }

  public static boolean notExists(Path p, LinkOption[] options, FileService fs) {
    return !fs.exists(name(p));
  }

  public static boolean isDirectory(Path p, LinkOption[] options, FileService fs) {
    return fs.isDirectory(name(p));
  }

  public static boolean isRegularFile(Path p, LinkOption[] options, FileService fs) {
    return fs.isRegularFile(name(p));
  }

  public static long size(Path p, FileService fs) throws IOException {
    return fs.fileSize(name(p));
  }

  public static void delete(Path p, FileService fs) throws IOException {
    if (!fs.delete(name(p))) {
      throw new NoSuchFileException(name(p));
    }
  }

  public static boolean deleteIfExists(Path p, FileService fs) throws IOException {
    return fs.delete(name(p));
  }

  public static Path createDirectories(Path p, FileAttribute<?>[] attrs, FileService fs) throws IOException {
    fs.createDirectories(name(p));
    return p;
  }

  public static Path createDirectory(Path p, FileAttribute<?>[] attrs, FileService fs) throws IOException {
    fs.createDirectory(name(p));
    return p;
  }

  public static Path createFile(Path p, FileAttribute<?>[] attrs, FileService fs) throws IOException {
    fs.createFile(name(p));
    return p;
  }

  public static Path copy(Path from, Path to, CopyOption[] options, FileService fs) throws IOException {
    fs.copy(name(from), name(to), Arrays.asList(options).contains(StandardCopyOption.REPLACE_EXISTING));
    return to;
  }

  public static Path move(Path from, Path to, CopyOption[] options, FileService fs) throws IOException {
    fs.move(name(from), name(to), Arrays.asList(options).contains(StandardCopyOption.REPLACE_EXISTING));
    return to;
  }

  public static Stream<Path> list(Path dir, FileService fs) throws IOException {
    List<Path> out = new ArrayList<>();
    for (String n : fs.list(name(dir))) {
      out.add(dir.resolve(n));
    }
    return out.stream();
  }

  public static Stream<Path> walk(Path start, FileVisitOption[] options, FileService fs) throws IOException {
    return walk(start, Integer.MAX_VALUE, options, fs);
  }

  public static Stream<Path> walk(Path start, int maxDepth, FileVisitOption[] options, FileService fs)
      throws IOException {
    if (maxDepth < 0) {
      throw new IllegalArgumentException("'maxDepth' is negative");
    }
    if (!fs.exists(name(start))) {
      throw new NoSuchFileException(name(start));
    }
    List<Path> out = new ArrayList<>();
    walk(start, maxDepth, fs, out);
    return out.stream();
  }

  private static void walk(Path p, int depth, FileService fs, List<Path> out) throws IOException {
    out.add(p);
    if (depth > 0 && fs.isDirectory(name(p))) {
      for (String n : fs.list(name(p))) {
        walk(p.resolve(n), depth - 1, fs, out);
      }
    }
  }

  public static Path toAbsolutePath(Path p, FileService fs) {
    return p.isAbsolute() ? p : p.getFileSystem().getPath(fs.resolve(name(p)));
  }

  // ------------------------------------------------------------------ java.io.File

  public static boolean fileExists(File f, FileService fs) {
    return fs.exists(f.getPath());
  }

  public static boolean fileIsFile(File f, FileService fs) {
    return fs.isRegularFile(f.getPath());
  }

  public static boolean fileIsDirectory(File f, FileService fs) {
    return fs.isDirectory(f.getPath());
  }

  public static long fileLength(File f, FileService fs) {
    try {
      return fs.isRegularFile(f.getPath()) ? fs.fileSize(f.getPath()) : 0L;
    } catch (IOException e) {
      return 0L;
    }
  }

  public static boolean fileDelete(File f, FileService fs) {
    try {
      return fs.delete(f.getPath());
    } catch (IOException e) {
      return false;
    }
  }

  public static boolean fileMkdir(File f, FileService fs) {
    try {
      fs.createDirectory(f.getPath());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static boolean fileMkdirs(File f, FileService fs) {
    if (fs.exists(f.getPath())) {
      return false;
    }
    try {
      fs.createDirectories(f.getPath());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static boolean fileCreateNewFile(File f, FileService fs) throws IOException {
    try {
      fs.createFile(f.getPath());
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (NoSuchFileException e) {
      throw new IOException("No such file or directory");
    }
  }

  public static boolean fileRenameTo(File f, File to, FileService fs) {
    try {
      fs.move(f.getPath(), to.getPath(), true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static String[] fileList(File f, FileService fs) {
    if (!fs.isDirectory(f.getPath())) {
      return null;
    }
    try {
      return fs.list(f.getPath()).toArray(String[]::new);
    } catch (IOException e) {
      return null;
    }
  }

  public static File[] fileListFiles(File f, FileService fs) {
    String[] names = fileList(f, fs);
    if (names == null) {
      return null;
    }
    File[] out = new File[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = new File(f, names[i]);
    }
    return out;
  }

  public static String fileGetAbsolutePath(File f, FileService fs) {
    return f.isAbsolute() ? f.getPath() : fs.resolve(f.getPath());
  }

  public static File fileGetAbsoluteFile(File f, FileService fs) {
    return new File(fileGetAbsolutePath(f, fs));
  }

  // ------------------------------------------------------------------ PrintWriter, PrintStream targets

  /** The writer under {@code new PrintWriter(fileName)}. */
  public static Writer printWriterTarget(String name, FileService fs) throws IOException {
    return new BufferedWriter(new VFileWriter(name, fs));
  }

  public static Writer printWriterTarget(File file, FileService fs) throws IOException {
    return printWriterTarget(file.getPath(), fs);
  }

  /** The writer under {@code new PrintWriter(fileName, csn)}. */
  public static Writer printWriterTarget(String name, String csn, FileService fs) throws IOException {
    java.util.Objects.requireNonNull(csn, "charsetName");
    Charset cs;
    try {
      cs = Charset.forName(csn);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedEncodingException(csn);
    }
    return printWriterTarget(name, cs, fs);
  }

  public static Writer printWriterTarget(File file, String csn, FileService fs) throws IOException {
    return printWriterTarget(file.getPath(), csn, fs);
  }

  public static Writer printWriterTarget(String name, Charset cs, FileService fs) throws IOException {
    return new BufferedWriter(new VFileWriter(name, cs, fs));
  }

  public static Writer printWriterTarget(File file, Charset cs, FileService fs) throws IOException {
    return printWriterTarget(file.getPath(), cs, fs);
  }

  /** The stream under {@code new PrintStream(fileName)}. */
  public static OutputStream printStreamTarget(String name, FileService fs) throws IOException {
    return new VFileOutputStream(name, fs);
  }

  public static OutputStream printStreamTarget(File file, FileService fs) throws IOException {
    return new VFileOutputStream(file, fs);
  }
}
