package io.roam.kernel.files;

import java.nio.channels.FileChannel;

/**
 * One open file of a process in this JVM: its absolute path, the flags it was opened with, the
 * channel, and the position the process reads and writes at (kept here rather than in the
 * channel so that it is what a capture records). Used on the process's carrier only.
 */
final class OpenFile {
  /** Absolute path in the process's view. */
  final String path;
  /** {@code FileService} flags. */
  final int flags;
  /** The JVM's channel, opened without APPEND (append writes go to the size explicitly). */
  final FileChannel channel;
  /** The accounting counters of {@link #path}. */
  final Counter counter;
  /** Where the next relative read or write happens. */
  long position;

  OpenFile(String path, int flags, FileChannel channel, Counter counter, long position) {
    this.path = path;
    this.flags = flags;
    this.channel = channel;
    this.counter = counter;
    this.position = position;
  }

  /** Bytes read from and written to one path; written by the carrier, read by anyone. */
  static final class Counter {
    volatile long read;
    volatile long written;

    Counter(long read, long written) {
      this.read = read;
      this.written = written;
    }
  }
}
