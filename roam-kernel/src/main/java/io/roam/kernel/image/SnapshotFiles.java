package io.roam.kernel.image;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The temporary file a snapshot is written to before it is renamed over its final name. Cheaper
 * than {@code Files.createTempFile} on the capture path (no random name from a shared generator,
 * no directory re-creation); like it, the file is created new (never an existing one reused) and
 * readable by its owner only on POSIX file systems, since a snapshot holds the process's memory.
 * Names are unique per JVM (process id and a counter) and hidden: {@code .NAME.PID.N.tmp} next to
 * the snapshot. Thread-safe.
 */
final class SnapshotFiles {
  /** Numbers the temporary files of this JVM. */
  private static final AtomicLong COUNTER = new AtomicLong();
  /** Names tried before giving up when earlier ones exist. */
  private static final int MAX_ATTEMPTS = 1000;
  private static final long PID = ProcessHandle.current().pid();
  private static final Set<StandardOpenOption> CREATE = EnumSet.of(StandardOpenOption.CREATE_NEW,
      StandardOpenOption.WRITE);
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY = PosixFilePermissions.asFileAttribute(
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

  private SnapshotFiles() {}

  /** A temporary file next to a snapshot, created and open for writing. */
  record Temp(Path path, FileChannel channel) {}

  /**
   * Creates a new temporary file next to {@code snapshot}. A name that exists (left over by a
   * crashed JVM that had the same process id) is never reused: the next number is tried.
   */
  static Temp create(Path snapshot) throws IOException {
    Path abs = snapshot.toAbsolutePath();
    for (int attempt = 0; ; attempt++) {
      Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + PID + "." + COUNTER.incrementAndGet() + ".tmp");
      try {
        return new Temp(tmp, open(tmp));
      } catch (FileAlreadyExistsException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static FileChannel open(Path tmp) throws IOException {
    return POSIX && tmp.getFileSystem() == FileSystems.getDefault() ? FileChannel.open(tmp, CREATE, OWNER_ONLY)
        : FileChannel.open(tmp, CREATE);
  }
}
