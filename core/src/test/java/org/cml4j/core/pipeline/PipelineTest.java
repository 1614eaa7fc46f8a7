package org.cml4j.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.toy.ToyPlugin;
import org.cml4j.core.toy.ToyTasks;
import org.cml4j.core.vars.VariableSpec;
import org.junit.jupiter.api.Test;

class PipelineTest {
  private static final VariableSpec TAIR = VariableSpec.of("Tair");
  private static final VariableSpec A = new VariableSpec("a", "K");
  private static final VariableSpec B = new VariableSpec("b", "K");

  @Test
  void runsStagesInOrderPassingNamedVariables() {
    CouplingTask task = ToyTasks.twin(1);
    Pipeline p = Pipeline.builder("p").stage(new Shift("s1", TAIR, A, 1))
        .stage(new Shift("s2", A, B, 2)).build();
    Pipeline.Run run = p.run(task);
    double[] ta = task.forcing().values("Tair");
    assertThat(run.frame().values("b")[5]).isEqualTo(ta[5] + 3);
    assertThat(run.diagnostics().scalars()).containsKey("s2.seconds");
  }

  @Test
  void wiringProblemsAreAllReportedBeforeRunning() {
    Pipeline p = Pipeline.builder("bad")
        .stage(new Shift("s1", new VariableSpec("Tair", "degC"), A, 1))
        .stage(new Shift("s2", new VariableSpec("missing", "K"), B, 1))
        .stage(new Shift("s3", A, TAIR, 1))
        .stage(new Shift("s1", A, new VariableSpec("c", "K"), 1)).build();
    List<String> problems = p.wiringProblems(List.of(TAIR));
    assertThat(problems).hasSize(4);
    assertThat(problems.get(0)).contains("needs Tair [degC]").contains("gives it in K");
    assertThat(problems.get(1)).contains("needs missing [K]").contains("nothing upstream");
    assertThat(problems.get(2)).contains("would overwrite Tair");
    assertThat(problems.get(3)).contains("two stages are named 's1'");
    assertThatThrownBy(() -> p.run(ToyTasks.twin(1))).isInstanceOf(
        PipelineWiringException.class).hasMessageContaining("wired inconsistently");
  }

  @Test
  void couplingStagePublishesPredictionsUnderNewNames() {
    CouplingTask task = ToyTasks.twin(3);
    ToyPlugin plugin = new ToyPlugin();
    var coupling = plugin.couplings().get(0).create(
        org.cml4j.core.spi.CouplingDefaults.standard());
    VariableSpec phys = new VariableSpec("SurfTemp_physics", "K");
    Pipeline p = Pipeline.builder("calibrate-then-shift")
        .stage(new CouplingStage("physics", coupling, List.of(), Map.of("SurfTemp", phys)))
        .stage(new Shift("bias", phys, VariableSpec.of("SurfTemp"), 0.5)).build();
    PipelineCoupling pc = new PipelineCoupling("hybrid.test",
        org.cml4j.core.spi.CouplingMode.HYBRID, "test", coupling.capabilities(), t -> p);
    var sol = pc.solve(task);
    assertThat(sol.prediction("SurfTemp")[10])
        .isCloseTo(sol.predictions().values("SurfTemp")[10], org.assertj.core.data.Offset
            .offset(0.0));
    assertThat(sol.parameters()).containsKey("rate");
    double[] phy = p.run(task).frame().values("SurfTemp_physics");
    assertThat(sol.prediction("SurfTemp")[10] - phy[10]).isCloseTo(0.5,
        org.assertj.core.data.Offset.offset(1e-12));
  }
}
