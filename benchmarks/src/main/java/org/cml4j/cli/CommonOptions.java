package org.cml4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Options shared by the long-running commands ({@code estimate}, {@code map}), as a picocli
 * mixin: {@code --threads N} (worker threads, default the available processors) and
 * {@code -q/--quiet} (no progress bar).
 */
public final class CommonOptions {
  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads. Default: available processors.")
  Integer threads;

  @CommandLine.Mixin
  QuietOption quiet = new QuietOption();

  /**
   * The worker-thread count: {@code --threads}, else the available processors.
   *
   * @param cl the command line, for the error message
   * @throws ParameterException if {@code --threads} is below 1
   */
  public int threads(CommandLine cl) {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new ParameterException(cl, "--threads must be at least 1, got " + n);
    }
    return n;
  }

  /** Whether the progress bar is off. */
  public boolean quiet() {
    return quiet.quiet();
  }
}
