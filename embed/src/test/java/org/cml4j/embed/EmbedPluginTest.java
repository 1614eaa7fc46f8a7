package org.cml4j.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.cml4j.core.registry.Cml4j;
import org.cml4j.core.spi.Coupling;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingFactory;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ModelRun;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.embed.solving.GradientInversionCoupling;
import org.cml4j.testbeds.twin.TwinScenario;
import org.junit.jupiter.api.Test;

class EmbedPluginTest {
  private static CouplingTask shortTwin(int days) {
    return TwinScenario.builder().days(days).seed(6).resolution(101, 1).build()
        .task(TwinScenario.TaskOptions.standard());
  }

  @Test
  void registersTenCouplingsInModesFourToSix() {
    List<CouplingFactory> fs = new EmbedPlugin().couplings();
    assertThat(fs).hasSize(10);
    assertThat(fs).allSatisfy(f -> {
      assertThat(f.name()).startsWith("embed.");
      assertThat(f.mode().number()).isBetween(4, 6);
      Coupling c = f.create(CouplingDefaults.standard());
      assertThat(c.name()).isEqualTo(f.name());
      assertThat(c.mode()).isEqualTo(f.mode());
    });
    assertThat(fs.stream().map(CouplingFactory::mode).distinct()).containsExactlyInAnyOrder(
        CouplingMode.MODEL_SUBSTITUTION, CouplingMode.MODEL_ADJUSTMENT,
        CouplingMode.MODEL_SOLVING);
    assertThat(Cml4j.discover().registry().create(GradientInversionCoupling.NAME).name())
        .isEqualTo(GradientInversionCoupling.NAME);
  }

  @Test
  void misuseIsRejectedBeforeTrainingWithTheReason() {
    CouplingTask tooShort = shortTwin(2).toBuilder()
        .split(new org.cml4j.core.vars.TimeSplit(20, 30, 49)).build();
    for (CouplingFactory f : new EmbedPlugin().couplings()) {
      Coupling c = f.create(CouplingDefaults.standard());
      if (f.name().equals("embed.enkf") || f.name().equals("embed.gradient-inversion")
          || f.name().contains("inverse") || f.name().contains("surrogate")) {
        continue;
      }
      assertThat(c.applicability(tooShort).applicable()).as(f.name()).isFalse();
      assertThatThrownBy(() -> c.solve(tooShort)).as(f.name())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(f.name()).hasMessageContaining("training period has 20 steps");
    }
    CouplingTask other = shortTwin(3).toBuilder().mechanism(new Opaque()).build();
    Coupling enkf = new EmbedPlugin().couplings().stream()
        .filter(f -> f.name().equals("embed.enkf")).findFirst().orElseThrow()
        .create(CouplingDefaults.standard());
    assertThat(enkf.applicability(other).reason()).contains("LsmMechanism");
    assertThatThrownBy(() -> enkf.solve(other)).hasMessageContaining("LsmMechanism");
  }

  @Test
  void sameTaskAndSeedGiveIdenticalPredictions() {
    CouplingTask task = shortTwin(4);
    GradientInversionCoupling c = new GradientInversionCoupling(CouplingDefaults.standard());
    CouplingSolution a = c.solve(task);
    CouplingSolution b = c.solve(task);
    for (String t : a.predictions().names()) {
      assertThat(b.prediction(t)).containsExactly(a.prediction(t));
    }
    assertThat(a.parameters()).isEqualTo(b.parameters());
    assertThat(a.provenance().dataFingerprint()).isEqualTo(task.fingerprint());
  }

  /** A mechanism that is not the land-surface column. */
  private static final class Opaque implements MechanismModel {
    @Override
    public String name() {
      return "opaque";
    }

    @Override
    public List<ParameterInfo> parameters() {
      return List.of(new ParameterInfo("alpha", "1", 0, 1, 0.2, false, "albedo"),
          new ParameterInfo("lambda", "W m-1 K-1", 0.001, 10, 0.8, true, "conductivity"),
          new ParameterInfo("C", "J m-3 K-1", 1e4, 1e8, 2.2e6, true, "capacity"),
          new ParameterInfo("hbeta", "W m-2 K-1", 0, 1000, 20, true, "exchange"),
          new ParameterInfo("Tb", "K", 150, 400, 293, false, "bottom"));
    }

    @Override
    public List<VariableSpec> forcing() {
      return List.of(VariableSpec.of("SWdown"));
    }

    @Override
    public boolean canSimulate(String variable) {
      return true;
    }

    @Override
    public ModelRun run(ModelInput input) {
      throw new UnsupportedOperationException("opaque");
    }

    @Override
    public <T> java.util.Optional<T> unwrap(Class<T> type) {
      return java.util.Optional.empty();
    }

    @Override
    public boolean differentiable() {
      return Map.of().isEmpty();
    }
  }
}
