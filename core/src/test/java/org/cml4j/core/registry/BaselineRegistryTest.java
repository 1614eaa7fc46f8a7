package org.cml4j.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.cml4j.core.pipeline.CouplingStage;
import org.cml4j.core.pipeline.Pipeline;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Approach;
import org.cml4j.core.spi.BaselineFactory;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingPlugin;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.toy.ToyPlugin;
import org.cml4j.core.toy.ToyTasks;
import org.cml4j.core.vars.Frame;
import org.junit.jupiter.api.Test;

class BaselineRegistryTest {
  /** A baseline predicting the training mean of each observed target (persistence of the mean). */
  record MeanBaseline(String name) implements Approach {
    @Override
    public String description() {
      return "training mean";
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.requiring();
    }

    @Override
    public Applicability applicability(CouplingTask task) {
      return Applicability.yes();
    }

    @Override
    public CouplingSolution solve(CouplingTask t) {
      Frame p = t.forcing().select(List.of());
      for (String v : t.targets()) {
        double[] o = t.observations().values(v, 0, t.split().trainEnd());
        double m = java.util.Arrays.stream(o).filter(x -> !Double.isNaN(x)).average()
            .orElseThrow();
        double[] c = new double[t.split().size()];
        java.util.Arrays.fill(c, m);
        p = p.with(t.targetSpec(v), c);
      }
      return new CouplingSolution(name, p, Map.of(), Diagnostics.none(), 0, 0, null);
    }
  }

  static CouplingPlugin plugin(String pluginName, String... baselines) {
    return CouplingPlugin.of(pluginName, List.of(), java.util.Arrays.stream(baselines)
        .map(n -> BaselineFactory.of(n, "mean", d -> new MeanBaseline(n))).toList());
  }

  @Test
  void baselinesAreCreatedByNameInRegistrationOrderBeforeTheCouplings() {
    CouplingRegistry reg = Cml4j.builder().plugin(new ToyPlugin())
        .plugin(plugin("base", "baseline.z-mean", "baseline.a-mean")).build().registry();
    assertThat(reg.baselines()).extracting(RegisteredBaseline::name)
        .containsExactly("baseline.z-mean", "baseline.a-mean");
    assertThat(reg.baselines().get(0).plugin()).isEqualTo("base");
    assertThat(reg.approach("baseline.a-mean")).isInstanceOf(MeanBaseline.class)
        .extracting(Approach::name).isEqualTo("baseline.a-mean");
    assertThat(reg.approach("thirdparty.calibrate").name()).isEqualTo("thirdparty.calibrate");
    assertThat(reg.approaches()).extracting(Approach::name).containsExactly("baseline.z-mean",
        "baseline.a-mean", "thirdparty.calibrate");
    assertThat(reg.names()).containsExactly("thirdparty.calibrate");
  }

  @Test
  void createWithABaselineNamePointsToApproachAndUnknownNamesListBoth() {
    CouplingRegistry reg = Cml4j.builder().plugin(new ToyPlugin())
        .plugin(plugin("base", "baseline.mean")).build().registry();
    assertThatThrownBy(() -> reg.create("baseline.mean"))
        .hasMessageContaining("is a baseline").hasMessageContaining("approach(\"baseline.mean\")");
    assertThatThrownBy(() -> reg.approach("nope")).hasMessageContaining("unknown coupling or"
        + " baseline 'nope'").hasMessageContaining("baselines: baseline.mean")
        .hasMessageContaining("couplings: thirdparty.calibrate");
  }

  @Test
  void aBaselineNameTakenByACouplingFailsNamingBothPlugins() {
    assertThatThrownBy(() -> Cml4j.builder().plugin(new ToyPlugin())
        .plugin(plugin("clash", "thirdparty.calibrate")).build())
        .hasMessageContaining("'thirdparty.calibrate' is registered twice")
        .hasMessageContaining("toy-plugin").hasMessageContaining("clash");
  }

  @Test
  void aRegisteredBaselineIsAPipelineStage() {
    CouplingRegistry reg = Cml4j.builder().plugin(plugin("base", "baseline.mean")).build()
        .registry();
    CouplingTask task = ToyTasks.twin(1);
    CouplingStage s = CouplingStage.registered(reg, "baseline.mean", List.of("SurfTemp"),
        "_mean");
    Pipeline.Run run = Pipeline.builder("p").stage(s).build().run(task);
    double[] m = run.frame().values("SurfTemp_mean");
    double[] o = task.observations().values("SurfTemp", 0, task.split().trainEnd());
    assertThat(m[0]).isEqualTo(m[m.length - 1]).isEqualTo(java.util.Arrays.stream(o).average()
        .orElseThrow());
  }
}
