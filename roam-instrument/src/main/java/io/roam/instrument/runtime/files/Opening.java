package io.roam.instrument.runtime.files;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Opening for the java.io classes: their argument checks and their exception messages. */
final class Opening {
  private Opening() {}

  /** Opens {@code name} as {@code new FileInputStream(name)} and its kin would. */
  static int open(FileService fs, String name, int flags) throws FileNotFoundException {
    if (name == null) {
      throw new NullPointerException();
    }
    if (name.indexOf('\u0000') >= 0) {
      throw new FileNotFoundException("Invalid file path");
    }
    if (name.isEmpty()) {
      throw new FileNotFoundException(" (No such file or directory)"); // open("") fails so in the JDK
    }
    try {
      return fs.open(name, flags);
    } catch (FileNotFoundException e) {
      throw e;
    } catch (NoSuchFileException e) {
      throw new FileNotFoundException(name + " (No such file or directory)");
    } catch (AccessDeniedException e) {
      throw new FileNotFoundException(name + " (Permission denied)");
    } catch (FileSystemException e) {
      throw new FileNotFoundException(name + " (" + (e.getReason() != null ? e.getReason() : e.getMessage()) + ")");
    } catch (IOException e) {
      throw new FileNotFoundException(name + " (" + e.getMessage() + ")");
    }
  }
}
