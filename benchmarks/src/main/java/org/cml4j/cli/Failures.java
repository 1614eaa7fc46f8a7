package org.cml4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.cml4j.lsm.data.SiteDataException;

/**
 * The one mapping of every failure of a command to an exit code and a one-line message, for all
 * commands: {@link Cml4jCli#USAGE} 2 for bad input (an unusable file, option, window, output folder
 * the user cannot write to), {@link Cml4jCli#FAILURE} 1 for anything else (a bug, a full disk, an
 * exhausted heap). An internal failure's stack trace goes to a details file (or to stderr with
 * {@code --verbose}); stderr never holds only a stack trace.
 */
public final class Failures {
  private Failures() {}

  /** A classified failure: exit code and message (without the command name). */
  public record Verdict(int exitCode, String message, Throwable root) {
    public boolean input() {
      return exitCode == Cml4jCli.USAGE;
    }
  }

  /** Classifies {@code t} (wrappers without a message of their own are unwrapped). */
  public static Verdict classify(Throwable t) {
    // an exhausted heap or stack anywhere in the chain (e.g. in a worker thread) is what to report
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c != t && c instanceof VirtualMachineError vm) {
        return classify(vm);
      }
    }
    Throwable r = t;
    while (r.getCause() != null && (r.getMessage() == null || r instanceof ExecutionException
        || r instanceof CompletionException || r instanceof UncheckedIOException
        || r.getClass() == RuntimeException.class)) {
      r = r.getCause();
    }
    if (r instanceof OutOfMemoryError) {
      long max = Runtime.getRuntime().maxMemory() >> 20;
      return new Verdict(Cml4jCli.FAILURE, "out of memory (Java heap limit " + max + " MB): give "
          + "the JVM more, e.g. JAVA_OPTS=-Xmx" + Math.max(2, 2 * max / 1024 + 1) + "g ./cml4j ..."
          + ", or make the run smaller (fewer columns, starts or threads)", r);
    }
    if (r instanceof StackOverflowError) {
      return new Verdict(Cml4jCli.FAILURE, "stack overflow: give the JVM a larger stack, e.g. "
          + "JAVA_OPTS=-Xss8m ./cml4j ...", r);
    }
    String msg = r.getMessage() == null || r.getMessage().isBlank()
        ? r.getClass().getSimpleName() : r.getMessage();
    if (r instanceof FileSystemException fs) {
      return new Verdict(fileSystemInput(fs) ? Cml4jCli.USAGE : Cml4jCli.FAILURE, io(fs), r);
    }
    if (r instanceof IOException) {
      return new Verdict(Cml4jCli.FAILURE, msg, r);
    }
    if (r instanceof ReadOnlyFileSystemException) {
      return new Verdict(Cml4jCli.USAGE, "the output location is on a read-only file system", r);
    }
    boolean input = r instanceof Cml4jCli.InputException || r instanceof IllegalArgumentException
        || r instanceof SiteDataException || r instanceof java.time.DateTimeException;
    return new Verdict(input ? Cml4jCli.USAGE : Cml4jCli.FAILURE, msg, r);
  }

  /** Whether a file-system error is the user's to fix (missing, not writable, wrong kind). */
  private static boolean fileSystemInput(FileSystemException fs) {
    return fs instanceof AccessDeniedException || fs instanceof NoSuchFileException
        || fs instanceof NotDirectoryException || fs instanceof FileAlreadyExistsException
        || String.valueOf(fs.getReason()).contains("Read-only file system")
        || String.valueOf(fs.getReason()).contains("Operation not permitted")
        || String.valueOf(fs.getReason()).contains("not writable");
  }

  /** A file-system error as "PATH: what" (the JDK's messages sometimes give only the path). */
  private static String io(FileSystemException fs) {
    String what = fs.getReason() != null ? fs.getReason()
        : fs instanceof AccessDeniedException ? "permission denied (not writable or "
        + "readable by this user)"
        : fs instanceof NoSuchFileException ? "no such file or folder"
        : fs instanceof NotDirectoryException ? "not a folder"
        : fs instanceof FileAlreadyExistsException ? "already exists"
        : fs.getClass().getSimpleName();
    String file = fs.getFile() == null ? "" : fs.getFile();
    String other = fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile();
    return file.isEmpty() ? what : file + other + ": " + what;
  }

  /**
   * Prints the verdict for {@code t} to {@code err} as one line prefixed by {@code command}; for
   * an internal failure adds where the details are (a file with the stack trace, or --verbose).
   *
   * @return the exit code
   */
  public static int report(String command, Throwable t, boolean verbose, PrintWriter err) {
    Verdict v = classify(t);
    StringBuilder line = new StringBuilder(command).append(": ");
    if (!v.input()) {
      line.append("error: ");
    }
    line.append(v.message().replace('\n', ' '));
    if (!v.input() && !verbose) {
      Path details = detailsFile(t);
      line.append(details != null ? " (details: " + details + ", or run with --verbose)"
          : " (details: run with --verbose)");
    }
    err.println(line);
    if (verbose) {
      t.printStackTrace(err);
    }
    err.flush();
    return v.exitCode();
  }

  /** Writes the stack trace to a file in the temporary folder; null if that fails. */
  static Path detailsFile(Throwable t) {
    try {
      StringWriter sw = new StringWriter();
      t.printStackTrace(new PrintWriter(sw));
      Path f = Files.createTempFile("cml4j-error-", ".txt");
      Files.writeString(f, sw.toString(), StandardCharsets.UTF_8);
      return f;
    } catch (IOException | RuntimeException | Error e) {
      return null;
    }
  }
}
