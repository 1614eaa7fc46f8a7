package org.cml4j.lsm.regional;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way cml4j writes an output file: through a temporary sibling that is renamed over the
 * target, so an interrupted or failed run never leaves a half-written file, and the temporary file
 * is removed on failure. Every failure names the target: a folder that cannot be written is an
 * {@link AccessDeniedException} / {@link NotDirectoryException} / {@link FileSystemException} on the
 * folder (bad input: the CLI exits with code 2), anything else (a full disk, a library's write
 * error) an {@link IOException} "cannot write TARGET: reason" (exit code 1).
 */
public final class AtomicWrite {
  private static final AtomicLong COUNTER = new AtomicLong();

  private AtomicWrite() {}

  /** A content producer that writes the given temporary path; may throw IOException. */
  @FunctionalInterface
  public interface Body {
    void write(Path tmp) throws IOException;
  }

  /** A content producer that writes a stream; may throw IOException. */
  @FunctionalInterface
  public interface StreamBody {
    void write(OutputStream out) throws IOException;
  }

  /** Lets {@code body} write a temporary path, then moves it to {@code target}. */
  public static void write(Path target, Body body) throws IOException {
    Path t = target.toAbsolutePath();
    Path dir = t.getParent();
    if (Files.isDirectory(t)) {
      throw new FileSystemException(t.toString(), null, "is a folder, not a file");
    }
    try {
      Files.createDirectories(dir);
    } catch (FileSystemException e) {
      throw folderError(dir, e);
    }
    // not Files.createTempFile: that makes the file private (0600); this honours the umask
    Path tmp = t.resolveSibling("." + t.getFileName() + "." + ProcessHandle.current().pid() + "."
        + COUNTER.incrementAndGet() + ".tmp");
    try {
      body.write(tmp);
      try {
        Files.move(tmp, t, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, t, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (AccessDeniedException e) {
      throw folderError(dir, e);
    } catch (FileSystemException e) {
      String why = String.valueOf(e.getReason());
      if (why.contains("Read-only file system") || why.contains("Operation not permitted")) {
        throw folderError(dir, e);
      }
      throw new IOException("cannot write " + t + ": " + reason(e), e);
    } catch (IOException e) {
      throw new IOException("cannot write " + t + ": " + reason(e), e);
    } catch (IllegalArgumentException e) {
      throw e; // the caller's own validation, already naming what is wrong
    } catch (RuntimeException e) {
      // e.g. a file-format library's "Exception writing ..." that does not say where
      throw new IOException("cannot write " + t + ": " + reason(e), e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the original failure is the one to report
      }
    }
  }

  /** Writes what {@code body} produces to {@code target}. */
  public static void writeStream(Path target, StreamBody body) throws IOException {
    write(target, tmp -> {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        body.write(out);
      }
    });
  }

  /** Writes UTF-8 text. */
  public static void writeString(Path target, String text) throws IOException {
    writeStream(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static FileSystemException folderError(Path dir, FileSystemException e) {
    if (e instanceof NotDirectoryException || (e.getFile() != null && Files.exists(Path.of(
        e.getFile())) && !Files.isDirectory(Path.of(e.getFile())))) {
      return new NotDirectoryException(e.getFile() == null ? dir.toString() : e.getFile());
    }
    String reason = e instanceof AccessDeniedException ? "output folder is not writable "
        + "(permission denied)" : "cannot write in the output folder: " + reason(e);
    FileSystemException out = e instanceof AccessDeniedException
        ? new AccessDeniedException(dir.toString(), null, reason)
        : new FileSystemException(dir.toString(), null, reason);
    out.initCause(e);
    return out;
  }

  /** The cause's message, following causes for one that says more than the class name. */
  private static String reason(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = e; c != null && sb.length() < 300; c = c.getCause()) {
      String m = c instanceof FileSystemException fs ? fs.getReason() : c.getMessage();
      if (m != null && !m.isBlank() && sb.indexOf(m) < 0) {
        if (sb.length() > 0) {
          sb.append(": ");
        }
        sb.append(m);
      }
    }
    return sb.length() == 0 ? e.getClass().getSimpleName() : sb.toString();
  }
}
