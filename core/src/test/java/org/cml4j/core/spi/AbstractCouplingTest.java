package org.cml4j.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.cml4j.core.toy.ToyPlugin;
import org.cml4j.core.toy.ToyTasks;
import org.cml4j.core.vars.TimeSplit;
import org.junit.jupiter.api.Test;

/** The coupling frame: applicability before any work, provenance, timings. */
class AbstractCouplingTest {
  private final Coupling toy = new ToyPlugin().couplings().get(0)
      .create(CouplingDefaults.standard());

  @Test
  void frameExposesTheDeclaredIdentity() {
    assertThat(toy).isInstanceOf(AbstractCoupling.class);
    assertThat(toy.name()).isEqualTo(ToyPlugin.NAME);
    assertThat(toy.mode()).isEqualTo(CouplingMode.MODEL_SOLVING);
    assertThat(toy.category()).isEqualTo("6 embedding");
    assertThat(((AbstractCoupling) toy).plugin()).isEqualTo("toy-plugin");
    assertThat(toy.capabilities().estimatesParameters()).isTrue();
  }

  @Test
  void capabilitiesAreCheckedBeforeExtraChecksAndBeforeAnyWork() {
    CouplingTask shortTraining = ToyTasks.twin(1).toBuilder()
        .split(TimeSplit.fractions(240, 0.05, 0.2)).fitParameters(List.of()).build();
    assertThat(toy.applicability(shortTraining).reason())
        .isEqualTo("target SurfTemp has fewer than 24 training observations");
    assertThatThrownBy(() -> toy.solve(shortTraining))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("thirdparty.calibrate cannot address task toy-twin: target SurfTemp has"
            + " fewer than 24 training observations");
    CouplingTask nothingToFit = ToyTasks.twin(1).toBuilder().fitParameters(List.of()).build();
    assertThatThrownBy(() -> toy.solve(nothingToFit))
        .hasMessage("thirdparty.calibrate cannot address task toy-twin: nothing to fit");
  }

  @Test
  void solutionCarriesProvenanceAndFrameTimings() {
    CouplingTask task = ToyTasks.twin(3);
    CouplingSolution s = toy.solve(task);
    assertThat(s.coupling()).isEqualTo(ToyPlugin.NAME);
    assertThat(s.provenance().plugin()).isEqualTo("toy-plugin");
    assertThat(s.provenance().coupling()).isEqualTo(ToyPlugin.NAME);
    assertThat(s.provenance().seed()).isEqualTo(3);
    assertThat(s.provenance().dataFingerprint()).isEqualTo(task.fingerprint());
    assertThat(s.provenance().config()).containsKey("optimizer");
    assertThat(s.parameters()).containsOnlyKeys("rate", "offset");
    assertThat(s.fitSeconds()).isPositive();
    assertThat(s.predictSeconds()).isZero();
  }

  @Test
  void couplingMayReportItsOwnTimings() {
    Coupling timed = new AbstractCoupling("acme", "acme.constant", CouplingMode.POST_PROCESSING,
        "constant prediction", Capabilities.requiring()) {
      @Override
      protected Result run(CouplingTask t) {
        double[] v = new double[t.split().size()];
        java.util.Arrays.fill(v, 290);
        return new Result(t.forcing().select(List.of()).with("SurfTemp", v), Map.of(),
            Diagnostics.none(), Map.of("value", "290"), 0).timed(1.5, 0.25);
      }
    };
    CouplingSolution s = timed.solve(ToyTasks.twin(1));
    assertThat(s.fitSeconds()).isEqualTo(1.5);
    assertThat(s.predictSeconds()).isEqualTo(0.25);
    assertThat(s.prediction("SurfTemp")).hasSize(240).containsOnly(290.0);
    assertThat(s.provenance().plugin()).isEqualTo("acme");
    assertThat(s.provenance().config()).containsEntry("value", "290");
  }
}
