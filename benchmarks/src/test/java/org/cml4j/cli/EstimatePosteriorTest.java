package org.cml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cml4j.lsm.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cml4j estimate --posterior} end to end on huang2025-2depth (needs shared/data). */
class EstimatePosteriorTest {

  static boolean haveData() {
    try {
      DataLocator.find(null);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Test
  void twoDepthPosteriorWritesSamplesWithRhatBelow101AndACornerPlot(@TempDir Path dir)
      throws Exception {
    SharedData.require(haveData(), "shared/data not found (posterior end to end)");
    // 400 draws: with 300 the largest R-hat (alpha's) sat at 1.009-1.010, on either side of the
    // warning threshold depending on the last digits of the LM start (lockstep vs per-start LM,
    // which agree to 1e-6); 400 draws give 1.007 (measured)
    CliRun r = CliRun.run("estimate", "--experiment", "huang2025-2depth", "--starts", "2",
        "--posterior", "--chains", "4", "--warmup", "100", "--draws", "400", "--quiet", "--out",
        dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("posterior: 4 chains x 400 draws").contains("batched adjoint")
        .doesNotContain("WARNING");
    List<String> lines = Files.readAllLines(dir.resolve("posterior_samples.csv"));
    assertThat(lines.get(0)).isEqualTo("chain,draw,alpha,lambda,C,hbeta,Tb");
    assertThat(lines).hasSize(1 + 4 * 400);
    assertThat(String.join("\n", lines)).doesNotContain("NaN").doesNotContain("Infinity");
    List<String> md = Files.readAllLines(dir.resolve("posterior_summary.md"));
    int rows = 0;
    for (String l : md) {
      String[] c = l.split("\\|");
      if (c.length > 9 && List.of("alpha", "lambda", "C", "hbeta", "Tb").contains(c[1].trim())) {
        assertThat(Double.parseDouble(c[8].trim())).as(l).isLessThan(1.01);
        rows++;
      }
    }
    assertThat(rows).isEqualTo(5);
    for (String png : List.of("posterior_corner.png", "posterior_predictive_SurfTemp.png")) {
      byte[] head = Files.readAllBytes(dir.resolve(png));
      assertThat(head.length).isGreaterThan(10_000);
      assertThat(head[1]).isEqualTo((byte) 'P');
    }
    assertThat(Files.readString(dir.resolve("posterior_predictive.csv")))
        .startsWith("level,SurfTemp_observed,");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void posteriorOnASiteOrWithBadSettingsIsAnInputError(@TempDir Path dir) {
    SharedData.require(haveData(), "shared/data not found (posterior end to end)");
    CliRun r = CliRun.run("estimate", "--experiment", "huang2025-2depth", "--starts", "1",
        "--posterior", "--chains", "1", "--quiet", "--out", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--posterior: need at least 2 chains");
    assertThat(dir.resolve("posterior_samples.csv")).doesNotExist();
  }
}
