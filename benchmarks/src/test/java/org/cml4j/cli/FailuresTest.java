package org.cml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cml4j.cli.estimate.EstimateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One exception-to-exit-code mapping for every command, with one-line messages. */
class FailuresTest {
  @Test
  void inputErrorsAreTwoAndInternalOnesAreOne() {
    assertThat(Failures.classify(new IllegalArgumentException("bad")).exitCode()).isEqualTo(2);
    assertThat(Failures.classify(new Cml4jCli.InputException("bad")).exitCode()).isEqualTo(2);
    assertThat(Failures.classify(new java.io.UncheckedIOException(new AccessDeniedException(
        "/out"))).message()).startsWith("/out: permission denied");
    assertThat(Failures.classify(new java.io.UncheckedIOException(new AccessDeniedException(
        "/out"))).exitCode()).isEqualTo(2);
    assertThat(Failures.classify(new IllegalStateException("bug")).exitCode()).isEqualTo(1);
    assertThat(Failures.classify(new java.io.IOException("cannot write /x: No space left on "
        + "device")).exitCode()).isEqualTo(1);
    Failures.Verdict oomInWorker = Failures.classify(new IllegalStateException(
        "column worker died: java.lang.OutOfMemoryError", new OutOfMemoryError("Java heap")));
    assertThat(oomInWorker.exitCode()).isEqualTo(1);
    assertThat(oomInWorker.message()).contains("out of memory").contains("JAVA_OPTS=-Xmx");
    assertThat(Failures.classify(new java.util.concurrent.ExecutionException(
        new IllegalArgumentException("deep"))).message()).isEqualTo("deep");
  }

  @Test
  void outOfMemoryNamesTheSettingToChange(@TempDir Path dir) {
    SiteEstimation oom = (req, progress) -> {
      throw new OutOfMemoryError("Java heap space");
    };
    CliRun r = estimate(oom, dir);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("cml4j estimate: error: out of memory")
        .contains("JAVA_OPTS=-Xmx").doesNotContain("\tat ");
    assertThat(r.err().lines().count()).isEqualTo(1);
  }

  @Test
  void anInternalErrorIsOneLineWithWhereTheDetailsAre(@TempDir Path dir) throws Exception {
    SiteEstimation bug = (req, progress) -> {
      throw new IllegalStateException("index 7 out of range");
    };
    CliRun r = estimate(bug, dir);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertThat(r.err()).contains("index 7 out of range").contains("details: ")
        .contains("--verbose").doesNotContain("\tat ");
    String file = r.err().replaceAll("(?s).*details: (\\S+),.*", "$1");
    assertThat(Files.readString(Path.of(file))).contains("IllegalStateException")
        .contains("\tat ");
    Files.deleteIfExists(Path.of(file));
  }

  /** {@code cml4j estimate} of a site experiment with the given (failing) implementation. */
  private static CliRun estimate(SiteEstimation impl, Path dir) {
    return CliRun.run(Cml4jCli.commandLine(new EstimateCommand(impl)), "estimate",
        "--experiment", "bondville-1998", "--data", dir.toString(), "--quiet", "--out",
        dir.resolve("o").toString());
  }
}
