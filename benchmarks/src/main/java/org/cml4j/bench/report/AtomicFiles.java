package org.cml4j.bench.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.cml4j.lsm.regional.AtomicWrite;

/**
 * Writes files atomically for the CLI's reports and plots: the content goes to a temporary file in
 * the target's folder, which is then renamed over the target, so an interrupted run never leaves a
 * half-written file; failures name the target or its folder. Delegates to the one implementation,
 * {@link AtomicWrite}.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes what {@code body} produces to {@code target}. */
  public static void write(Path target, IoConsumer<OutputStream> body) throws IOException {
    AtomicWrite.writeStream(target, body::accept);
  }

  /** Writes bytes. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /** Writes UTF-8 text. */
  public static void writeString(Path target, String text) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A consumer that may throw IOException. */
  @FunctionalInterface
  public interface IoConsumer<T> {
    void accept(T t) throws IOException;
  }
}
