package org.cml4j.fuse.misuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.cml4j.core.learn.Standardizer;
import org.cml4j.core.pipeline.Pipeline;
import org.cml4j.core.pipeline.PipelineWiringException;
import org.cml4j.core.pipeline.Stage;
import org.cml4j.core.pipeline.StageResult;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.fuse.FusePlugin;
import org.cml4j.fuse.hybrid.AssimilationStage;
import org.cml4j.fuse.hybrid.ModelErrorStage;
import org.cml4j.fuse.loss.BoundConstraint;
import org.cml4j.fuse.loss.EnergyBalanceClosure;
import org.cml4j.fuse.loss.HeatEquationResidual;
import org.cml4j.fuse.loss.LossSpec;
import org.cml4j.fuse.loss.MonotonicConstraint;
import org.cml4j.fuse.loss.NetRadiation;
import org.cml4j.fuse.loss.PhysicsTerm;
import org.cml4j.fuse.loss.PhysicsWeights;
import org.cml4j.fuse.net.FusionNetConfig;
import org.cml4j.fuse.objective.FusionNetCoupling;
import org.cml4j.fuse.net.FusionNetwork;
import org.cml4j.fuse.net.NetSpec;
import org.cml4j.fuse.net.OutputLayer;
import org.cml4j.fuse.structure.PhysicsLayerCoupling;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input and misuse fail with messages naming the problem, before any training: physics terms
 * referencing outputs the network lacks, disagreeing units and shapes, negative weights,
 * inconsistent pipelines.
 */
class FusionMisuseTest {
  static final List<String> FEATURES = List.of("SWdown", "LWdown", "Tair");
  static final List<VariableSpec> OUTPUTS = List.of(new VariableSpec("SoilTemp_0.05", "K"),
      new VariableSpec("SoilTemp_0.2", "K"), new VariableSpec("Qg", "W m-2"),
      new VariableSpec("Qh", "W m-2"));
  static CouplingTask twin;

  @BeforeAll
  static void task() {
    twin = TaskCatalog.tiny(null, 42).task("twin").task();
  }

  static FusionNetwork net(List<VariableSpec> outputs, PhysicsTerm... terms) {
    return new FusionNetwork(new NetSpec(new int[] {4}, 1, 0, 1e-2, 0, 1), FEATURES,
        Standardizer.of(new double[3], new double[] {1, 1, 1}), outputs,
        Standardizer.of(new double[outputs.size()], ones(outputs.size())), OutputLayer.FREE,
        new LossSpec(1, 0, List.of(terms), LossSpec.PhysicsRows.ALL), 24, 3600, null);
  }

  static double[] ones(int n) {
    double[] o = new double[n];
    java.util.Arrays.fill(o, 1);
    return o;
  }

  @Test
  void termReferencingAnOutputTheNetworkLacks() {
    EnergyBalanceClosure eb = new EnergyBalanceClosure(new NetRadiation(NetRadiation.Source.RNET,
        0.2, 0.95), "Qg", List.of("Qh", "Qle"), 10, 1);
    assertThatThrownBy(() -> net(OUTPUTS, eb)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("physics term 'energy-balance' references Rnet but the network"
            + " outputs only [SoilTemp_0.05, SoilTemp_0.2, Qg, Qh]")
        .hasMessageContaining("references Qle");
  }

  @Test
  void unitsThatDisagree() {
    List<VariableSpec> kelvinFlux = List.of(new VariableSpec("Qg", "K"),
        new VariableSpec("Qh", "W m-2"));
    assertThatThrownBy(() -> net(kelvinFlux, new BoundConstraint("Qg", "W m-2", -200, 400, 10,
        1))).hasMessageContaining("physics term 'bounds-Qg' needs Qg in W m-2 but the network"
        + " outputs it in K");
  }

  @Test
  void shapesThatDisagree() {
    assertThatThrownBy(() -> net(OUTPUTS, new HeatEquationResidual(List.of("SoilTemp_0.05",
        "SoilTemp_0.2"), 4e-7, true, 0.95, 0.5, 1)))
        .hasMessageContaining("needs a profile of at least 3 temperatures");
    assertThatThrownBy(() -> net(List.of(new VariableSpec("SoilTemp_0.2", "K"),
        new VariableSpec("SoilTemp_0.05", "K"), new VariableSpec("SoilTemp_0.1", "K")),
        new HeatEquationResidual(List.of("SoilTemp_0.2", "SoilTemp_0.05", "SoilTemp_0.1"), 4e-7,
            true, 0.95, 0.5, 1))).hasMessageContaining("profile depths must increase strictly");
    assertThatThrownBy(() -> net(OUTPUTS, MonotonicConstraint.of("Qg", "W m-2", 5, "Wind", 1,
        true, 1))).hasMessageContaining("perturbs input Wind but the network inputs are"
        + " [SWdown, LWdown, Tair]");
    FusionNetwork n = net(OUTPUTS);
    assertThatThrownBy(() -> n.feed(new double[23][3], new double[24][4], new boolean[24],
        new boolean[24], new boolean[24], true)).hasMessageContaining("features have 23 rows,"
        + " the network was built for 24");
    assertThatThrownBy(() -> n.feed(new double[24][3], new double[24][5], new boolean[24],
        new boolean[24], new boolean[24], true)).hasMessageContaining("targets row 0 has 5"
        + " columns, expected 4");
  }

  @Test
  void negativeWeights() {
    assertThatThrownBy(() -> new PhysicsWeights(-0.1, 1, 1))
        .hasMessageContaining("setting physics.heatEquation = -0.1 is outside the allowed range");
    assertThatThrownBy(() -> net(OUTPUTS, new BoundConstraint("Qg", "W m-2", -200, 400, 10,
        -1))).hasMessageContaining("physics term 'bounds-Qg' has weight -1.0; weights must be"
        + " finite and >= 0");
    assertThatThrownBy(() -> new FusionNetwork(new NetSpec(new int[] {4}, 1, 0, 1e-2, 0, 1),
        FEATURES, Standardizer.of(new double[3], ones(3)), OUTPUTS, Standardizer.of(new double[4],
        ones(4)), OutputLayer.FREE, new LossSpec(-1, 0, List.of(), LossSpec.PhysicsRows.ALL), 24,
        3600, null)).hasMessageContaining("data weight must be finite and >= 0, got -1.0");
  }

  @Test
  void couplingMisuseIsReportedBeforeTraining() {
    // the energy-conserving layer needs Qg, a net-radiation source and the turbulent fluxes
    CouplingTask soilOnly = twin.toBuilder().targets(List.of("SoilTemp_0.05", "SoilTemp_0.2"))
        .build();
    var conserving = FusePlugin.energyConserving(CouplingDefaults.standard());
    assertThat(conserving.applicability(soilOnly).reason())
        .contains("the energy-conserving output layer needs targets Qg");
    assertThatThrownBy(() -> conserving.solve(soilOnly)).hasMessageContaining("needs targets Qg");
    // pretraining without simulations of the targets
    FusionNetCoupling pre = new FusionNetCoupling(
        new CouplingInfo("test", "p", CouplingMode.HYBRID, ""),
        FusionNetConfig.dataOnly().withPretraining(true));
    assertThatThrownBy(() -> pre.solve(twin)).hasMessageContaining("pretraining needs auxiliary"
        + " simulations of the targets named <target>_physics");
    // a target nobody observed and nothing constrains
    CouplingTask deep = twin.toBuilder().targets(List.of("SoilTemp_0.5")).build();
    assertThatThrownBy(() -> FusePlugin.physicsLoss().solve(deep))
        .hasMessageContaining("none of the targets [SoilTemp_0.5] has 12 training observations");
    // a learned parameter the mechanism does not have
    PhysicsLayerCoupling bad = new PhysicsLayerCoupling(CouplingDefaults.standard(),
        Map.of("roughness", new double[] {0, 1}));
    assertThatThrownBy(() -> bad.solve(twin)).hasMessageContaining("has no parameter roughness");
  }

  @Test
  void inconsistentPipelinesFailBeforeAnyStageRuns() {
    CouplingDefaults d = CouplingDefaults.standard();
    Pipeline missing = Pipeline.builder("da").stage(new AssimilationStage("assimilation", twin,
        d.optimizer(), true, true)).build();
    assertThatThrownBy(() -> missing.run(twin)).isInstanceOf(PipelineWiringException.class)
        .hasMessageContaining("stage 'assimilation' needs dG_model_error [W m-2] but nothing"
            + " upstream produces it");
    Stage kelvin = new Stage() {
      @Override
      public String name() {
        return "wrong-units";
      }

      @Override
      public List<VariableSpec> inputs() {
        return List.of();
      }

      @Override
      public List<VariableSpec> outputs() {
        return List.of(new VariableSpec(ModelErrorStage.CORRECTION.name(), "K"));
      }

      @Override
      public StageResult run(CouplingTask task, Frame available) {
        throw new AssertionError("must not run");
      }
    };
    Pipeline units = Pipeline.builder("da").stage(kelvin).stage(new AssimilationStage(
        "assimilation", twin, d.optimizer(), true, true)).build();
    assertThatThrownBy(() -> units.run(twin)).isInstanceOf(PipelineWiringException.class)
        .hasMessageContaining("needs dG_model_error [W m-2] but stage 'wrong-units' gives it in"
            + " K");
  }
}
