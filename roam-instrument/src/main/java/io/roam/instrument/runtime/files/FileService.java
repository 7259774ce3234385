package io.roam.instrument.runtime.files;

import java.io.IOException;
import java.util.List;

/**
 * The kernel's file interface for one process: every byte a process reads from or writes to a
 * file, and every name it looks up, goes through it. Paths are strings in the process's view
 * (relative ones are resolved against the process's working directory, which travels with it);
 * open files are small integer handles whose position, mode and byte counts the kernel keeps,
 * so that they can be captured with the process and reopened where it resumes. A local
 * implementation does the I/O in this JVM; a remote one can send the same calls to the
 * process's home node (every argument and result is plain data).
 *
 * <p>Called by the process's file objects ({@link FileProxy}) on the process's carrier, one call
 * at a time. Errors are the {@link IOException}s the JDK would throw for the same call, with the
 * path as the process wrote it.
 */
public interface FileService {
  /** Open for reading. */
  int READ = 1;
  /** Open for writing. */
  int WRITE = 2;
  /** Every write goes to the end of the file. */
  int APPEND = 4;
  /** Create the file if it does not exist. */
  int CREATE = 8;
  /** Truncate the file to zero length when opening. */
  int TRUNCATE = 16;
  /** Fail if the file exists. */
  int CREATE_NEW = 32;
  /** Writes reach the device before they return ("rws"/"rwd", SYNC/DSYNC). */
  int SYNC = 64;

  /** Opens {@code path} with {@code flags}; returns its handle. */
  int open(String path, int flags) throws IOException;

  /** Reads at the handle's position and advances it; -1 at end of file. */
  int read(int h, byte[] b, int off, int len) throws IOException;

  /** Reads at {@code pos} without moving the handle's position; -1 at end of file. */
  int readAt(int h, long pos, byte[] b, int off, int len) throws IOException;

  /** Writes all bytes at the handle's position (at the end in append mode) and advances it. */
  void write(int h, byte[] b, int off, int len) throws IOException;

  /** Writes all bytes at {@code pos} without moving the handle's position. */
  void writeAt(int h, long pos, byte[] b, int off, int len) throws IOException;

  long position(int h) throws IOException;

  void position(int h, long pos) throws IOException;

  long size(int h) throws IOException;

  /** Truncates to {@code size} if longer; the position moves back to {@code size} if beyond. */
  void truncate(int h, long size) throws IOException;

  /** Sets the file's length (extending or truncating it), as {@code RandomAccessFile.setLength}. */
  void setLength(int h, long length) throws IOException;

  void force(int h, boolean metaData) throws IOException;

  /** Closes the handle; closing a closed handle does nothing. */
  void close(int h) throws IOException;

  boolean isOpen(int h);

  /** The flags the handle was opened with. */
  int flags(int h);

  // ------------------------------------------------------------------ names

  /** The absolute path of {@code path} in the process's view (its working directory applied). */
  String resolve(String path);

  /** The process's working directory. */
  String workingDirectory();

  boolean exists(String path);

  boolean isDirectory(String path);

  boolean isRegularFile(String path);

  /** Size of the file in bytes. */
  long fileSize(String path) throws IOException;

  /** Deletes the file or empty directory; false when it did not exist. */
  boolean delete(String path) throws IOException;

  /** Creates the directory and its missing parents. */
  void createDirectories(String path) throws IOException;

  /** Creates one directory; fails if it exists or its parent is missing. */
  void createDirectory(String path) throws IOException;

  /** Creates an empty file; fails if it exists. */
  void createFile(String path) throws IOException;

  /** Copies a file ({@code replace}: over an existing target). */
  void copy(String from, String to, boolean replace) throws IOException;

  /** Moves or renames a file or directory ({@code replace}: over an existing target). */
  void move(String from, String to, boolean replace) throws IOException;

  /** Names of the entries of a directory, in the order the directory gives them. */
  List<String> list(String dir) throws IOException;
}
