package org.cml4j.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cml4j.core.metrics.Metrics;
import org.cml4j.core.pipeline.Pipeline;
import org.cml4j.core.registry.Cml4j;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.testbeds.sites.RealSiteTasks;
import org.cml4j.lsm.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of README.md is a region of {@link ReadmeSnippets} (compiled with the tests):
 * (a) the README's text equals the region, and every ```java block of the README is marked as
 * one; (b) each region runs (on the shared data) with assertions on its result.
 */
class ReadmeSnippetsTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Pattern MARKED = Pattern.compile(
      "<!-- snippet: (\\S+)#(\\S+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern REGION = Pattern.compile(
      "\\n([ \\t]*)// region (\\S+)\\n(.*?)\\n[ \\t]*// endregion \\2\\n", Pattern.DOTALL);

  /** The regions of a source file, dedented by the region marker's indentation. */
  static Map<String, String> regions(Path source) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = REGION.matcher(Files.readString(source));
    while (m.find()) {
      String indent = m.group(1);
      StringBuilder b = new StringBuilder();
      for (String line : m.group(3).split("\n", -1)) {
        b.append(line.startsWith(indent) ? line.substring(indent.length()) : line.strip())
            .append('\n');
      }
      out.put(m.group(2), b.toString());
    }
    return out;
  }

  @Test
  void everyJavaSnippetOfTheReadmeIsACompiledRegion() throws IOException {
    String readme = Files.readString(README);
    int blocks = readme.split("```java\\n", -1).length - 1;
    Matcher m = MARKED.matcher(readme);
    List<String> seen = new ArrayList<>();
    while (m.find()) {
      Path src = Path.of("..").resolve(m.group(1));
      Map<String, String> r = regions(src);
      assertThat(r).as("regions of " + src).containsKey(m.group(2));
      assertThat(m.group(3)).as("README snippet " + m.group(1) + "#" + m.group(2))
          .isEqualTo(r.get(m.group(2)));
      seen.add(m.group(2));
    }
    assertThat(seen).as("every ```java block of README.md is marked as a snippet")
        .hasSize(blocks).containsExactlyInAnyOrder("registry", "compose", "model", "inversion",
            "batch");
  }

  @Test
  void registrySnippetCreatesACouplingAndABaselineByName() {
    ReadmeSnippets.Registry r = ReadmeSnippets.registry(SharedData.dir());
    assertThat(r.coupling().coupling()).isEqualTo("cascade.error-correction");
    assertThat(r.qg()).hasSize(r.baseline().predictions().size());
    assertThat(java.util.Arrays.stream(r.qg()).allMatch(Double::isFinite)).isTrue();
    assertThat(r.baseline().coupling()).isEqualTo("baseline.physics-only");
    assertThat(r.baseline().parameters()).containsKeys("lambda", "C");
  }

  @Test
  void compositionSnippetCorrectsThePhysicsOnBondville() {
    Path data = SharedData.dir();
    ReadmeSnippets.Composition c = ReadmeSnippets.compose(data, Cml4j.discover());
    CouplingTask task = c.task();
    Frame truth = RealSiteTasks.bondville(data, 42, Budget.tiny()).truth();
    Frame f = c.run().frame();
    int a = task.split().validationEnd();
    int n = task.split().size();
    // README: test RMSE physics -> corrected (K; Qg W m-2), measured with seed 42, tiny budget
    Map<String, double[]> readme = new LinkedHashMap<>();
    readme.put("SoilTemp_0.02", new double[] {2.57, 1.61});
    readme.put("SoilTemp_0.04", new double[] {1.60, 0.92});
    readme.put("SoilTemp_0.08", new double[] {1.31, 0.65});
    readme.put("SoilTemp_0.16", new double[] {0.84, 0.55});
    readme.put("SoilTemp_0.32", new double[] {0.96, 0.70});
    readme.put("SoilTemp_0.64", new double[] {0.34, 0.36});
    readme.put("Qg", new double[] {25.2, 17.6});
    for (var e : readme.entrySet()) {
      String v = e.getKey();
      double p = Metrics.rmse(f.values(v + "_physics"), truth.values(v), a, n);
      double q = Metrics.rmse(f.values(v), truth.values(v), a, n);
      assertThat(p).as("physics " + v).isCloseTo(e.getValue()[0], withinPercentage(3));
      assertThat(q).as("corrected " + v).isCloseTo(e.getValue()[1], withinPercentage(3));
    }
    // the same pipeline as a coupling gives the same predictions (deterministic, seeded)
    CouplingSolution s = c.hybrid().solve(task);
    assertThat(s.prediction("SoilTemp_0.16")).containsExactly(f.values("SoilTemp_0.16"));
    // the registered baseline as a stage: the same calibration service, the same physics
    Pipeline.Run b = Pipeline.builder("b").stage(c.baselineStage()).build().run(task);
    assertThat(b.frame().values("SoilTemp_0.16_baseline"))
        .containsExactly(f.values("SoilTemp_0.16_physics"));
    assertThat(b.calibration()).isEqualTo(c.run().calibration()).isNotNull();
  }

  @Test
  void modelSnippetRunsAndDifferentiates() {
    ReadmeSnippets.Model m = ReadmeSnippets.model();
    assertThat(m.t5()).hasSize(101);
    assertThat(java.util.Arrays.stream(m.t5()).allMatch(t -> t > 270 && t < 330)).isTrue();
    assertThat(m.dTdLambda()).isCloseTo(-0.74893, offset(1e-4));
    assertThat(m.dTdHbetaOfT()).hasSize(101);
  }

  @Test
  void inversionSnippetFitsTheSyntheticExperiment() {
    ReadmeSnippets.Inversion i = ReadmeSnippets.inversion(SharedData.dir());
    Map<String, Double> truth = Map.of("alpha", 0.2, "lambda", 0.8, "C", 2.2e6, "Tb", 293.0);
    truth.forEach((k, v) -> {
      assertThat(i.lm().named().get(k)).as("LM " + k).isCloseTo(v, withinPercentage(0.5));
      assertThat(i.adam().named().get(k)).as("Adam " + k).isCloseTo(v, withinPercentage(0.5));
    });
    assertThat(i.lm().named().get("hbeta")).isCloseTo(25.0, withinPercentage(0.5));
    assertThat(i.identifiability().verdict()).isNotBlank();
  }

  @Test
  void batchSnippetRunsEveryColumn() {
    ReadmeSnippets.Batch b = ReadmeSnippets.batch();
    assertThat(b.out().columns()).isEqualTo(256);
    assertThat(b.dLossDLambda7()).isCloseTo(2.18438, offset(1e-4));
    assertThat(b.jac()).isNotNull();
  }
}
