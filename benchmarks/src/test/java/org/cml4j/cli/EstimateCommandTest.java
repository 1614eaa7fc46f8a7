package org.cml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.data.Percentage;
import org.cml4j.cli.estimate.EstimateCommand;
import org.cml4j.lsm.estimation.FitResult;
import org.cml4j.lsm.experiment.EstimationOutcome;
import org.cml4j.lsm.experiment.PredictionScore;
import org.cml4j.lsm.experiment.SeriesPanel;
import org.cml4j.lsm.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cml4j estimate} end to end through picocli, and its error handling. */
class EstimateCommandTest {
  static boolean haveData;

  @BeforeAll
  static void data() {
    try {
      DataLocator.find(null);
      haveData = true;
    } catch (RuntimeException e) {
      haveData = false;
    }
  }

  @Test
  void huang2025TwoDepthsWithLmWritesResultsReportAndPlots(@TempDir Path dir) throws Exception {
    SharedData.require(haveData, "shared/data not found (estimate end to end)");
    CliRun r = CliRun.run("estimate", "--experiment", "huang2025-2depth", "--solver", "lm",
        "--starts", "4",
        "--quiet", "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("4 starts in").contains("wrote " + dir);

    JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
    assertThat(json.get("experiment").asText()).isEqualTo("huang2025-2depth");
    assertThat(json.get("solver").asText()).isEqualTo("lm");
    assertThat(json.get("starts")).hasSize(4);
    for (JsonNode s : json.get("starts")) {
      assertThat(s.get("final").get("lambda").asDouble()).isCloseTo(0.8,
          Percentage.withPercentage(0.5));
      assertThat(s.get("initial").has("lambda")).isTrue();
      assertThat(s.get("converged").asBoolean()).isTrue();
    }
    assertThat(json.get("summary").get("lambda").get("median").asDouble()).isCloseTo(0.8,
        Percentage.withPercentage(0.5));
    assertThat(json.get("published").get("lambda").asDouble()).isCloseTo(0.8,
        Percentage.withPercentage(0.5));
    JsonNode ident = json.get("identifiability");
    assertThat(ident.get("names")).hasSize(5);
    assertThat(ident.get("correlation")).hasSize(5);
    assertThat(json.get("scores")).hasSize(2);
    JsonNode prov = json.get("provenance");
    assertThat(prov.get("arguments").toString()).contains("huang2025-2depth");
    assertThat(prov.get("inputSha256").toString()).contains("trials.csv");
    assertThat(prov.get("inputSha256").elements().next().asText()).matches("[0-9a-f]{64}");

    String report = Files.readString(dir.resolve("report.md"));
    assertThat(report).contains(ident.get("verdict").asText()).contains("| lambda |")
        .contains("](series_SurfTemp.png)");

    for (String png : List.of("series_SurfTemp.png", "series_SoilTemp_0.05.png",
        "starts_lambda.png", "starts_hbeta.png", "starts_Tb.png")) {
      assertThat(dir.resolve(png)).isNotEmptyFile();
      byte[] head = Files.readAllBytes(dir.resolve(png));
      assertThat(head[1]).isEqualTo((byte) 'P'); // \x89PNG
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void adamOnHuang2025WithTheAuthorsJacobiPathReproducesTheirFinalValues(@TempDir Path dir)
      throws Exception {
    SharedData.require(haveData, "shared/data not found (estimate end to end)");
    CliRun r = CliRun.run("estimate", "--experiment", "huang2025-2depth", "--solver", "adam",
        "--starts", "2",
        "--step-solver", "jacobi", "--quiet", "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("(adam, jacobi steps, unrolled gradient)");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
    assertThat(json.get("stepSolver").asText()).isEqualTo("JACOBI");
    assertThat(json.get("description").asText()).contains("through every sweep")
        .contains("uniform Tb profile");
    // trials.csv, final2_lambda of trials 0 and 1
    double[] published = {0.799978, 0.799879};
    for (int i = 0; i < 2; i++) {
      assertThat(json.get("starts").get(i).get("final").get("lambda").asDouble())
          .isCloseTo(published[i], Percentage.withPercentage(1e-3));
    }
  }

  @Test
  void gradientAndInitialStateOptionsAreChecked() {
    CliRun r = CliRun.run("estimate", "--experiment", "huang2025-2depth", "--solver", "adam",
        "--step-solver", "exact", "--gradient", "unrolled");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--gradient unrolled").contains("needs --step-solver jacobi");
    CliRun bad = CliRun.run("estimate", "--experiment", "huang2025-2depth", "--initial-state",
        "300");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--initial-state must be tb or 293, got '300'");
    CliRun site = CliRun.run("estimate", "--experiment", "bondville-1998", "--initial-state",
        "293");
    assertThat(site.code()).isEqualTo(2);
    assertThat(site.err()).contains("--initial-state: unknown initial state '293'")
        .contains("uniform (alias tb), interpolated, spinup[:DAYS], cycled[:K]");
  }

  @Test
  void unknownExperimentNamesTheAllowedOnes() {
    CliRun r = CliRun.run("estimate", "--experiment", "nonsense");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nonsense")
        .contains("huang2025-1depth, huang2025-2depth, phoenix-2012, bondville-1998")
        .doesNotContain("\tat ");
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void unknownFitParameterListsTheKnownOnes() {
    CliRun r = CliRun.run("estimate", "--experiment", "huang2025-2depth", "--fit", "alpha,kappa");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("kappa").contains("known: alpha, lambda, C, hbeta, Tb");
  }

  @Test
  void zeroStartsIsAClearError() {
    CliRun r = CliRun.run("estimate", "--experiment", "huang2025-2depth", "--starts", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--starts must be at least 1, got 0");
  }

  @Test
  void otherBadInputsAreUsageErrors() {
    assertThat(CliRun.run("estimate").err()).contains("give --experiment NAME");
    assertThat(CliRun.run("estimate", "--experiment", "huang2025-2depth", "--solver", "bfgs").err())
        .contains("allowed: adam, lm");
    CliRun siteOpt = CliRun.run("estimate", "--experiment", "huang2025-1depth", "--observe", "Qg");
    assertThat(siteOpt.code()).isEqualTo(2);
    assertThat(siteOpt.err()).contains("--observe apply to site runs only");
    CliRun out = CliRun.run("estimate", "--experiment", "huang2025-2depth", "--observe", "Qx");
    assertThat(out.err()).contains("unknown output 'Qx'");
    CliRun noData = CliRun.run("estimate", "--experiment", "huang2025-2depth", "--data",
        "/nonexistent");
    assertThat(noData.code()).isEqualTo(2);
    assertThat(noData.err()).contains("--data /nonexistent: not a folder").doesNotContain("\tat ");
    CliRun verbose = CliRun.run("estimate", "--experiment", "huang2025-2depth", "--data",
        "/nonexistent",
        "--verbose");
    assertThat(verbose.err()).contains("\tat ");
    assertThat(CliRun.run("--version").code()).isZero();
    assertThat(CliRun.run().code()).isEqualTo(2);
  }

  @Test
  void tooManyStartsForThePublishedTrials() {
    SharedData.require(haveData, "shared/data not found");
    CliRun r = CliRun.run("estimate", "--experiment", "huang2025-2depth", "--starts", "51",
        "--quiet");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("only 50 published starts");
  }

  @Test
  void bondvilleRunsEndToEndThroughTheInstalledSiteAdapter(@TempDir Path dir) throws Exception {
    assertThat(SiteEstimation.find()).as("the site adapter is part of this build").isNotNull();
    SharedData.require(haveData, "shared/data not found (bondville end to end)");
    CliRun r = CliRun.run("estimate", "--experiment", "bondville-1998", "--starts", "2", "--quiet",
        "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    String json = java.nio.file.Files.readString(dir.resolve("results.json"));
    assertThat(json).contains("SoilTemp_0.32").contains("validation");
    assertThat(dir.resolve("series_SoilTemp_0.64.png")).isNotEmptyFile();
    CliRun bad = CliRun.run("estimate", "--site", dir.resolve("results.json").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--start");
  }

  @Test
  void siteRunsGoThroughTheSeam(@TempDir Path dir) throws Exception {
    SiteRequest[] seen = new SiteRequest[1];
    SiteEstimation fake = (req, progress) -> {
      seen[0] = req;
      progress.begin("fake", 2);
      progress.done(1);
      progress.done(2);
      progress.end();
      double[] h = {0, 1, 2, 3};
      FitResult f = new FitResult("lm", new double[] {1.0}, new double[] {0.8},
          Map.of("lambda", 0.8), 0.01, 3, 3, 4, true, "ok", 0.1);
      return new EstimationOutcome(req.name(), "fake site", "lm", "EXACT", List.of("lambda"),
          List.of("W m-1 K-1"), List.of(f), 0, Map.of("lambda", Map.of("median", 0.8, "min", 0.8,
          "max", 0.8, "iqr", 0.0)), null,
          List.of(new PredictionScore("Qg", "W m-2", "validation", 1.5, Double.NaN, 2)),
          List.of(new SeriesPanel("Qg", "W m-2", h, new double[] {1, Double.NaN, 3, 4},
              new double[] {1.1, 2.1, 2.9, 4.2}, 2, "predicted")), Map.of(), "", 0.5);
    };
    Path data = Files.createDirectories(dir.resolve("data"));
    CliRun r = CliRun.run(Cml4jCli.commandLine(new EstimateCommand(fake)), "estimate",
        "--experiment",
        "bondville-1998", "--data", data.toString(), "--start", "1998-06-01", "--end",
        "1998-06-10T12:00", "--observe", "SoilTemp_0.05,SurfTemp", "--predict", "Qg",
        "--albedo", "0.2", "--fit", "lambda", "--quiet", "--out", dir.resolve("o").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(seen[0].experiment()).isEqualTo("bondville-1998");
    assertThat(seen[0].observe()).hasSize(2);
    assertThat(seen[0].start().toString()).isEqualTo("1998-06-01T00:00Z");
    assertThat(seen[0].settings().fit()).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("o/results.json").toFile());
    assertThat(json.get("scores").get(0).get("bias").isNull()).isTrue();
    assertThat(json.get("identifiability").isNull()).isTrue();
    assertThat(dir.resolve("o/series_Qg.png")).isNotEmptyFile();
    assertThat(dir.resolve("o/report.md")).content().contains("| Qg | W m-2 | validation |");
  }
}
