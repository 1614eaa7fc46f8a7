package org.cml4j.embed.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Locates {@code ../shared/data} (beside the project root) from any module directory. */
public final class SharedData {
  private SharedData() {}

  /** The shared data folder, or a JUnit assumption failure (skip) with a clear message. */
  public static Path dir() {
    Path p = Path.of("").toAbsolutePath();
    for (int i = 0; i < 5 && p != null; i++, p = p.getParent()) {
      Path cand = p.resolve("shared").resolve("data");
      if (Files.isDirectory(cand)) {
        return cand;
      }
    }
    assumeTrue(false, "../shared/data not found above " + Path.of("").toAbsolutePath()
        + ": real-data test skipped");
    return null;
  }

  /** A file under {@code shared/data}; skips the calling test if absent. */
  public static Path file(String relative) {
    Path f = dir().resolve(relative);
    assumeTrue(Files.isRegularFile(f), () -> f + " not found; real-data test skipped");
    return f;
  }

  /** Reads a one-column text file of numbers. */
  public static double[] column(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.stream().map(String::trim).filter(s -> !s.isEmpty())
          .mapToDouble(Double::parseDouble).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
