package org.cml4j.cli;

import picocli.CommandLine.Option;

/** {@code -q/--quiet} (no progress bar), as a picocli mixin of the long-running commands. */
public final class QuietOption {
  @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
  boolean quiet;

  /** Whether the progress bar is off. */
  public boolean quiet() {
    return quiet;
  }
}
