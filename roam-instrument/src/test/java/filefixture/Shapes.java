package filefixture;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** File call shapes for FileRedirectorTest (never run). */
public class Shapes {
  /** A process subclass: its super(name) is not virtualized. */
  public static class OwnStream extends FileInputStream {
    public OwnStream(String name) throws IOException {
      super(name);
    }
  }

  static Object plain(String n) throws IOException {
    return new FileInputStream(n);
  }

  static Object nested(String n) throws IOException {
    return new BufferedReader(new InputStreamReader(new FileInputStream(new File(n)), StandardCharsets.UTF_8));
  }

  static Object descriptor() {
    return new FileInputStream(FileDescriptor.in);
  }

  static Object own(String n) throws IOException {
    return new OwnStream(n);
  }

  static Object printWriter(String n) throws IOException {
    return new PrintWriter(n);
  }

  static byte[] files(Path p) throws IOException {
    return Files.readAllBytes(p);
  }

  static int raf(RandomAccessFile r) throws IOException {
    return r.readInt();
  }

  static boolean exists(File f) {
    return f.exists();
  }
}
