package org.cml4j.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks and creates a command's output folder before any work is done, so that a folder the user
 * cannot write to is a one-line input error (exit code 2) naming it and the option, not a failure
 * after minutes of fitting.
 */
public final class OutputFolder {
  private OutputFolder() {}

  /**
   * Creates {@code dir} (and its parents) and checks that files can be created in it.
   *
   * @param option the option that named it, e.g. {@code "--out"}, for messages
   * @throws Cml4jCli.InputException if it or an ancestor is a file, or it cannot be created or
   *     written
   */
  public static Path prepare(Path dir, String option) {
    Path abs = dir.toAbsolutePath().normalize();
    for (Path p = abs; p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new Cml4jCli.InputException(option + " " + dir + ": " + (p.equals(abs)
            ? "exists and is not a folder" : p + " is a file, not a folder"));
      }
    }
    try {
      Files.createDirectories(abs);
      // a probe file: Files.isWritable answers true for root even on a read-only mount
      Path probe = Files.createTempFile(abs, ".cml4j-write-check-", ".tmp");
      Files.delete(probe);
    } catch (FileSystemException e) {
      String why = e.getReason() != null ? e.getReason()
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : e.getClass().getSimpleName();
      throw new Cml4jCli.InputException(option + " " + dir + ": the folder cannot be created or "
          + "written (" + (e.getFile() != null && !e.getFile().equals(abs.toString())
          ? e.getFile() + ": " : "") + why + ")");
    } catch (IOException e) {
      throw new Cml4jCli.InputException(option + " " + dir + ": the folder cannot be written ("
          + e.getMessage() + ")");
    }
    return dir;
  }
}
