package io.roam.kernel.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temporary file a snapshot is written to: new, hidden, owner-only, never an existing one. */
class SnapshotFilesTest {
  @TempDir
  Path dir;

  @Test
  void leftoverTemporaryFilesAreSkippedNotOverwritten() throws Exception {
    Path snap = dir.resolve("p.roam");
    SnapshotFiles.Temp first = SnapshotFiles.create(snap);
    first.channel().close();
    long n = counterOf(first.path());
    byte[] leftover = {1, 2, 3};
    for (long k = n + 1; k <= n + 10; k++) {
      Files.write(dir.resolve(".p.roam." + ProcessHandle.current().pid() + "." + k + ".tmp"), leftover);
    }
    SnapshotFiles.Temp second = SnapshotFiles.create(snap);
    second.channel().close();
    assertTrue(counterOf(second.path()) > n + 10, second.path().toString());
    for (long k = n + 1; k <= n + 10; k++) {
      assertArrayEquals(leftover, Files.readAllBytes(dir.resolve(".p.roam." + ProcessHandle.current().pid() + "." + k + ".tmp")));
    }
    assertEquals(0, Files.size(second.path()));
  }

  @Test
  void onlyTheOwnerMayReadASnapshotBeingWritten() throws Exception {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    SnapshotFiles.Temp t = SnapshotFiles.create(dir.resolve("q.roam"));
    t.channel().close();
    assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(t.path()));
    assertTrue(t.path().getFileName().toString().startsWith(".q.roam."));
  }

  private static long counterOf(Path tmp) {
    String[] parts = tmp.getFileName().toString().split("\\.");
    return Long.parseLong(parts[parts.length - 2]);
  }
}
