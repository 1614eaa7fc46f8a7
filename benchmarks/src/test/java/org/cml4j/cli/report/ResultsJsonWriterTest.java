package org.cml4j.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cml4j.bench.report.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonWriterTest {
  @Test
  void nonFiniteNumbersBecomeNull() {
    assertThat(ResultsJsonWriter.num(Double.NaN).isNull()).isTrue();
    assertThat(ResultsJsonWriter.num(Double.POSITIVE_INFINITY).isNull()).isTrue();
    assertThat(ResultsJsonWriter.num(Double.NEGATIVE_INFINITY).isNull()).isTrue();
    assertThat(ResultsJsonWriter.num(1.5).asDouble()).isEqualTo(1.5);
  }

  @Test
  void atomicWriteReplacesAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("a.txt");
    AtomicFiles.writeString(f, "one");
    AtomicFiles.writeString(f, "two");
    assertThat(f).hasContent("two");
    try {
      AtomicFiles.write(f, out -> {
        out.write("half".getBytes());
        throw new java.io.IOException("interrupted");
      });
    } catch (java.io.IOException expected) {
      // the old content survives
    }
    assertThat(f).hasContent("two");
    try (var s = Files.list(dir)) {
      assertThat(s).hasSize(1);
    }
  }
}
