package org.cml4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --data DIR}, the shared data folder, as a picocli mixin of the commands that read the
 * project's data ({@code estimate}, {@code bench}, {@code run}); found by {@link DataLocator}.
 */
public final class DataOption {
  @Option(names = "--data", paramLabel = "DIR",
      description = "The shared/data folder. Default: found by walking up from the working "
          + "directory and from the jar.")
  Path data;

  /**
   * The data folder: {@code --data} if given (must be a folder), else found by walking up.
   *
   * @throws Cml4jCli.InputException if it is not a folder or none is found
   */
  public Path folder() {
    return DataLocator.find(data);
  }
}
