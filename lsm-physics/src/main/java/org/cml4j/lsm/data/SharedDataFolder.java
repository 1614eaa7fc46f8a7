package org.cml4j.lsm.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the project's real data live: a folder {@code shared/data} next to the checkout (see
 * {@code ../shared/data/README.md}). One search for the CLI's {@code --data} default, the
 * examples and the tests.
 */
public final class SharedDataFolder {
  private SharedDataFolder() {}

  /**
   * The first {@code shared/data} folder found in {@code start} or one of its parents, looking at
   * most {@code levels} folders up ({@code start} itself counts as one).
   *
   * @param start folder the search begins in (made absolute)
   * @param levels how many folders to look in, at least 1
   */
  public static Optional<Path> above(Path start, int levels) {
    Path p = start.toAbsolutePath();
    for (int i = 0; i < levels && p != null; i++, p = p.getParent()) {
      Path cand = p.resolve("shared").resolve("data");
      if (Files.isDirectory(cand)) {
        return Optional.of(cand);
      }
    }
    return Optional.empty();
  }
}
