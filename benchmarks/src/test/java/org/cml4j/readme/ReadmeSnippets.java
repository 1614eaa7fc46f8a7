package org.cml4j.readme;

import java.nio.file.Path;
import java.util.List;
import org.cml4j.core.pipeline.CouplingStage;
import org.cml4j.core.pipeline.Pipeline;
import org.cml4j.core.pipeline.PipelineCoupling;
import org.cml4j.core.pipeline.stages.CalibratedPhysicsStage;
import org.cml4j.core.pipeline.stages.ResidualCorrectionStage;
import org.cml4j.core.registry.Cml4j;
import org.cml4j.core.spi.Approach;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.Coupling;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.lsm.batch.BatchColumnModel;
import org.cml4j.lsm.batch.BatchGradient;
import org.cml4j.lsm.batch.BatchJacobian;
import org.cml4j.lsm.batch.BatchLoss;
import org.cml4j.lsm.batch.BatchTrajectory;
import org.cml4j.lsm.batch.Checkpointing;
import org.cml4j.lsm.batch.ColumnBatch;
import org.cml4j.lsm.estimation.AdamConfig;
import org.cml4j.lsm.estimation.AdamOptimizer;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.estimation.FitResult;
import org.cml4j.lsm.estimation.Identifiability;
import org.cml4j.lsm.estimation.IdentifiabilityReport;
import org.cml4j.lsm.estimation.LevenbergMarquardtFit;
import org.cml4j.lsm.estimation.Objective;
import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.experiment.Huang2025Experiment;
import org.cml4j.lsm.gradient.Adjoint;
import org.cml4j.lsm.gradient.AdjointGradient;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.solver.Trajectory;
import org.cml4j.testbeds.sites.RealSiteTasks;
import org.cml4j.testbeds.tasks.TaskCatalog;

/**
 * The Java snippets of README.md: each region between {@code // region NAME} and
 * {@code // endregion NAME} is included verbatim (dedented) in the README after a marker
 * {@code <!-- snippet: benchmarks/src/test/java/org/cml4j/readme/ReadmeSnippets.java#NAME -->};
 * {@link ReadmeSnippetsTest} checks the README text against these regions and runs each method.
 */
final class ReadmeSnippets {
  private ReadmeSnippets() {}

  /** What the registry snippet computed. */
  record Registry(CouplingSolution coupling, CouplingSolution baseline, double[] qg) {}

  static Registry registry(Path data) {
    // region registry
    Cml4j cml = Cml4j.discover();                                  // one injector per process
    CouplingTask task = TaskCatalog.tiny(data, 42).task("twin").task();  // data: ../shared/data
    Coupling c = cml.registry().create("cascade.error-correction");
    CouplingSolution s = c.solve(task);                            // predictions on the whole axis
    double[] qg = s.prediction("Qg");
    Approach b = cml.registry().approach("baseline.physics-only");  // couplings and baselines
    CouplingSolution physicsOnly = b.solve(task);
    // endregion registry
    return new Registry(s, physicsOnly, qg);
  }

  /** What the composition snippet computed. */
  record Composition(CouplingTask task, Pipeline pipeline, Pipeline.Run run, Coupling hybrid,
      CouplingStage baselineStage) {}

  static Composition compose(Path data, Cml4j cml) {
    // region compose
    CouplingTask task = RealSiteTasks.bondville(data, 42, Budget.tiny()).task();  // 14 days
    List<String> simulated = task.targets().stream().filter(task.mechanism()::canSimulate)
        .toList();                                   // soil temperatures at 6 depths and Qg
    CalibratedPhysicsStage physics = CalibratedPhysicsStage.of(task.mechanism(), simulated);
    Pipeline pipeline = Pipeline.builder("physics+correction")
        .stage(physics)                              // publishes SoilTemp_0.02_physics, ...
        .stage(ResidualCorrectionStage.after(physics))  // learns observed - physics
        .build();
    Pipeline.Run run = pipeline.run(task);           // wiring checked first; run.frame() holds
                                                     // SoilTemp_0.02, ..., Qg: physics + correction
    Coupling hybrid = new PipelineCoupling("my.physics-correction", CouplingMode.POST_PROCESSING,
        "calibrated physics + learned residual", Capabilities.requiring(), t -> pipeline);
    CouplingStage baseline = CouplingStage.registered(cml.registry(), "baseline.physics-only",
        simulated, "_baseline");                     // any registered coupling or baseline
    // endregion compose
    return new Composition(task, pipeline, run, hybrid, baseline);
  }

  /** What the model snippet computed. */
  record Model(double[] t5, double dTdLambda, double[] dTdHbetaOfT) {}

  static Model model() {
    // region model
    SoilColumnModel model = SoilColumnModel.huang2025(StepSolver.EXACT);   // 101 nodes, 1 m, 1 h
    ColumnParameters p = ColumnParameters.builder()
        .alpha(0.2).lambda(0.8).heatCapacity(2.2e6).hBeta(15, 1.5).tb(293).build();  // eps 0.95
    SurfaceForcing f = Huang2025.forcing(101);          // or your own Kdown, Ldown, Ta series
    Trajectory run = model.simulate(p, f);              // uniform-Tb initial state
    double[] t5 = run.output(Output.soilTemperature(0.05));  // also SurfTemp, Qg, LWup, QhQle

    // gradient of any scalar sum_k seed[k] . outputs(k) w.r.t. every parameter, the forcing, T(x,0)
    double[][] seed = new double[101][1];
    seed[100][0] = 1;                                   // d T_5cm(100 h) / d(...)
    AdjointGradient g = Adjoint.vjp(run, List.of(Output.soilTemperature(0.05)), seed);
    double dTdLambda = g.constant(Param.LAMBDA);
    double[] dTdHbetaOfT = g.series(Param.HBETA);       // one value per time level
    // endregion model
    return new Model(t5, dTdLambda, dTdHbetaOfT);
  }

  /** What the inversion snippet computed. */
  record Inversion(FitResult lm, IdentifiabilityReport identifiability, FitResult adam) {}

  static Inversion inversion(Path data) {
    // region inversion
    Huang2025Experiment e = Huang2025Experiment.load(data.resolve("huang2025-synthetic"), 2);
    List<FitParam> fit = List.of(FitParam.ALPHA, FitParam.LAMBDA, FitParam.C, FitParam.HBETA,
        FitParam.TB);
    Objective o = e.objective(StepSolver.EXACT, fit);
    FitResult r = new LevenbergMarquardtFit().fit(o, e.starts(fit).get(0));
    IdentifiabilityReport d = new Identifiability().analyze(o, r.fitted(), Double.NaN);
    System.out.println(r.named() + "\n" + d.verdict());

    // the paper's Adam run in the authors' configuration (Jacobi sweeps, gradient through them)
    List<FitParam> paper = List.of(FitParam.ALPHA, FitParam.H, FitParam.BETA, FitParam.LAMBDA,
        FitParam.TB, FitParam.C);
    Objective po = e.paperObjective(paper);  // = objective(JACOBI, paper, GradientMode.UNROLLED)
    FitResult a = new AdamOptimizer(AdamConfig.huang2025(po.space())).fit(po,
        e.starts(paper).get(46));
    // endregion inversion
    return new Inversion(r, d, a);
  }

  /** What the batch snippet computed. */
  record Batch(BatchTrajectory out, BatchJacobian jac, BatchGradient grad, double dLossDLambda7) {}

  static Batch batch() {
    SurfaceForcing f = Huang2025.forcing(101);
    // region batch
    int m = 256;                                        // columns (65536 and more work alike)
    double[][] v = new double[Param.COUNT][m];          // [param ordinal][column]
    for (int c = 0; c < m; c++) {                       // alpha, lambda, C, hbeta, Tb, eps
      double[] col = {0.2, 0.5 + c / (double) m, 2.2e6, 15, 293, 0.95};
      for (int k = 0; k < Param.COUNT; k++) {
        v[k][c] = col[k];
      }
    }
    ColumnBatch cols = ColumnBatch.of(v, f, InitialState.uniformTb());  // or per-column lists
    BatchColumnModel bm = BatchColumnModel.huang2025(); // all cores, chunks of 64 columns
    List<Output> outs = List.of(Output.SURFACE_TEMPERATURE);
    BatchTrajectory out = bm.forward(cols, outs);
    BatchJacobian jac = bm.tangent(cols, outs, List.of(Param.LAMBDA, Param.C));
    double[][] seed = new double[f.length()][1];
    seed[f.length() - 1][0] = 1;                        // d Ts(last hour) / d(...)
    BatchGradient grad = bm.gradient(cols, outs, BatchLoss.vjp(seed), Checkpointing.sqrt());
    double dLossDLambdaCol7 = grad.gradient(Param.LAMBDA, 7);  // or any per-column loss
    // endregion batch
    return new Batch(out, jac, grad, dLossDLambdaCol7);
  }
}
