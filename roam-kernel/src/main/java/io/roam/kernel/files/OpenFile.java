package io.roam.kernel.files;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;

/**
 * One open file of a process in this JVM: its absolute path, the flags it was opened with, the
 * file, and the position the process reads and writes at (kept here rather than in the
 * descriptor so that it is what a capture records). Used on the process's carrier only.
 *
 * <p>Relative reads and writes use the RandomAccessFile's own offset, moved only when it differs
 * from {@link #position} (one native call per read or write, as FileInputStream and
 * FileOutputStream make; a FileChannel with a heap buffer copies through a direct buffer and is
 * about half as fast); positional ones use its channel.
 */
final class OpenFile {
  /** Absolute path in the process's view. */
  final String path;
  /** {@code FileService} flags. */
  final int flags;
  /** The JVM's file ("r", "rw" or "rws"; append writes go to the length explicitly). */
  final RandomAccessFile file;
  /** The file's channel, for positional reads and writes, size, truncate and force. */
  final FileChannel channel;
  /** The accounting counters of {@link #path}. */
  final Counter counter;
  /** Where the next relative read or write happens. */
  long position;
  /** The descriptor's offset as far as known, or -1. */
  private long fdPosition;

  OpenFile(String path, int flags, RandomAccessFile file, Counter counter, long position) {
    this.path = path;
    this.flags = flags;
    this.file = file;
    this.channel = file.getChannel();
    this.counter = counter;
    this.position = position;
    this.fdPosition = 0;
  }

  /** Moves the descriptor's offset to {@code pos} unless it is there already. */
  void seek(long pos) throws IOException {
    if (fdPosition != pos) {
      file.seek(pos);
    }
  }

  /** The descriptor's offset is now {@code pos} (-1: unknown). */
  void at(long pos) {
    fdPosition = pos;
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
