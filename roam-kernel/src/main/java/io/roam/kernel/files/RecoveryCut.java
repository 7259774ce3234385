package io.roam.kernel.files;

import io.roam.kernel.RoamException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the files a process wrote after a checkpoint back as they were at it, before the process
 * resumes from that checkpoint for recovery: the re-executed code then writes the same bytes
 * again, once. Built from the lengths the checkpoint recorded for its open writable files and the
 * {@link FileJournal} entries of later epochs; for each path the earliest record wins (it is the
 * length at the checkpoint: nothing of the process wrote the file in between).
 *
 * <ul>
 *   <li>a file that did not exist at the checkpoint is deleted (the re-run creates it again);
 *   <li>a file written in place or appended to is cut to its length; shorter than that is an
 *       error naming the file (something else cut it: its bytes are gone);
 *   <li>a file whose first change after the checkpoint replaced its content (a truncating open,
 *       a copy onto it) is cut when it is at least as long; shorter, it is left as it is, since the
 *       re-run replaces it again before writing to it.
 * </ul>
 * Every file is checked before any is changed: an error changes nothing.
 */
final class RecoveryCut {
  /** Length at the checkpoint (-1: absent) and whether the first change replaced the content. */
  private record Target(long length, boolean replaced) {}

  private final Map<String, Target> targets = new LinkedHashMap<>();

  /**
   * @param atCapture lengths the checkpoint recorded (files open for writing at its capture)
   * @param epoch the checkpoint's epoch: journal entries of this epoch or later are after it
   * @param journal the process's journal, oldest entry first
   */
  RecoveryCut(Map<String, Long> atCapture, long epoch, List<FileJournal.Entry> journal) {
    atCapture.forEach((p, len) -> targets.put(p, new Target(len, false)));
    for (FileJournal.Entry e : journal) {
      if (e.epoch() >= epoch) {
        targets.putIfAbsent(e.path(), new Target(e.length(), e.replaces()));
      }
    }
  }

  /** Checks every file, then cuts or deletes them; returns how many were changed. */
  int apply() throws RoamException {
    for (Map.Entry<String, Target> t : targets.entrySet()) {
      check(t.getKey(), t.getValue());
    }
    int changed = 0;
    for (Map.Entry<String, Target> t : targets.entrySet()) {
      try {
        changed += put(Path.of(t.getKey()), t.getValue()) ? 1 : 0;
      } catch (IOException e) {
        throw new RoamException("cannot cut " + t.getKey() + " back to its length at the checkpoint ("
            + t.getValue().length() + " bytes) for the recovered process: " + e, e);
      }
    }
    return changed;
  }

  private static void check(String path, Target t) throws RoamException {
    if (t.length() < 0 || t.replaced()) {
      return;
    }
    Path p = Path.of(path);
    long size;
    try {
      size = Files.isRegularFile(p) ? Files.size(p) : -1;
    } catch (IOException e) {
      size = -1;
    }
    if (size < t.length()) {
      throw new RoamException(path + " had " + t.length() + " bytes at the checkpoint and the process wrote"
          + " it since, but it now " + (size < 0 ? "no longer exists" : "has only " + size + " bytes")
          + "; something else cut it, so the process cannot continue from the checkpoint: restore the"
          + " file (at least its first " + t.length() + " bytes) and recover again");
    }
  }

  private static boolean put(Path p, Target t) throws IOException {
    if (t.length() < 0) {
      return Files.isRegularFile(p) && Files.deleteIfExists(p);
    }
    if (!Files.isRegularFile(p) || Files.size(p) <= t.length()) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
      ch.truncate(t.length());
    }
    return true;
  }
}
