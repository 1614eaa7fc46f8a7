package org.cml4j.lsm.regional;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file through a temporary sibling that is renamed over the target, so an interrupted run
 * never leaves a half-written part or map (the pattern of the CLI's {@code AtomicFiles}).
 */
final class AtomicWrite {
  private static final AtomicLong COUNTER = new AtomicLong();

  private AtomicWrite() {}

  /** A content producer that may throw IOException. */
  @FunctionalInterface
  interface Body {
    void write(Path tmp) throws IOException;
  }

  /** Lets {@code body} write a temporary path, then moves it to {@code target}. */
  static void write(Path target, Body body) throws IOException {
    Path t = target.toAbsolutePath();
    Files.createDirectories(t.getParent());
    Path tmp = t.resolveSibling("." + t.getFileName() + "." + ProcessHandle.current().pid() + "."
        + COUNTER.incrementAndGet() + ".tmp");
    try {
      body.write(tmp);
      try {
        Files.move(tmp, t, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, t, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes UTF-8 text. */
  static void writeString(Path target, String text) throws IOException {
    write(target, tmp -> {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
        out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    });
  }
}
