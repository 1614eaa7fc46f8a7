package org.cml4j.cascade.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
