package org.cml4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cml4j.lsm.data.SharedDataFolder;

/** Finds the {@code shared/data} folder. */
public final class DataLocator {
  private DataLocator() {}

  /**
   * {@code given} if not null (must be a folder), else the first {@code shared/data} found walking
   * up from the working directory and then from the jar (or classes) location.
   */
  public static Path find(Path given) {
    if (given != null) {
      if (!Files.isDirectory(given)) {
        throw new Cml4jCli.InputException("--data " + given + ": not a folder");
      }
      return given.toAbsolutePath().normalize();
    }
    Set<Path> roots = new LinkedHashSet<>();
    roots.add(Path.of("").toAbsolutePath());
    try {
      Path code = Path.of(DataLocator.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI()).toAbsolutePath();
      roots.add(Files.isDirectory(code) ? code : code.getParent());
    } catch (Exception e) {
      // no code location: the working directory only
    }
    List<String> searched = new ArrayList<>();
    for (Path r : roots) {
      Optional<Path> found = SharedDataFolder.above(r, Integer.MAX_VALUE);
      if (found.isPresent()) {
        return found.get().normalize();
      }
      searched.add(r.toString());
    }
    throw new Cml4jCli.InputException("cannot find the data folder shared/data: searched every "
        + "parent of " + String.join(" and of ", searched) + "; give it with --data DIR");
  }
}
