package org.cml4j.lsm.estimation;

import java.util.ArrayList;
import java.util.List;
import org.cml4j.lsm.batch.BatchColumnModel;
import org.cml4j.lsm.batch.BatchGradient;
import org.cml4j.lsm.batch.BatchLoss;
import org.cml4j.lsm.batch.BatchRunner;
import org.cml4j.lsm.batch.BatchTrajectory;
import org.cml4j.lsm.batch.Checkpointing;
import org.cml4j.lsm.batch.ColumnBatch;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.solver.StepSolver;

/**
 * An {@link Objective} evaluated at many coordinate vectors at once (e.g. every start of a
 * multi-start fit) on the batched, vectorised kernel of {@link BatchColumnModel}: one column per
 * coordinate vector, same forcing, initial state and observations, with the objective's step solver
 * (EXACT or JACOBI), gradient mode (IMPLICIT or UNROLLED) and base parameters (constant or
 * time-dependent). Values and gradients equal the scalar objective's to round-off (1e-11 relative,
 * tested in {@code BatchSolversTest}). Runs are added to the objective's counters. Thread-safe.
 */
public final class BatchObjective {
  private final Objective obj;
  private final BatchColumnModel model;
  private final BatchLoss mse;

  public BatchObjective(Objective obj, BatchRunner runner) {
    this.obj = obj;
    this.model = new BatchColumnModel(obj.model(), runner);
    this.mse = (column, y, seed) -> {
      Observations o = obj.observations();
      for (int t = 0; t < y.length; t++) {
        for (int k = 0; k < y[t].length; k++) {
          double v = o.value(t, k);
          seed[t][k] = Double.isNaN(v) ? 0 : 2 * (y[t][k] - v) / o.count();
        }
      }
      return obj.loss(y);
    };
  }

  /**
   * Whether {@code obj} runs on the batched tangent as well ({@code BatchLeastSquares}, the
   * regional batched fitter): the EXACT step solver (constant or time-dependent base parameters).
   * A JACOBI objective runs here too (gradients equal to the scalar ones, tested), but the batched
   * tangent linearises the exactly solved step, so the least-squares callers keep such objectives
   * on the scalar path.
   */
  public static boolean supports(Objective obj) {
    return obj.model().solver() == StepSolver.EXACT;
  }

  /**
   * Whether lockstep gradient runs of many starts on this class ({@code AdamOptimizer.fitAll}) are
   * faster than one start per thread, so that callers should route them here: the EXACT step
   * solver, and the authors' JACOBI solver with either gradient mode (since issue 17 item 4 each
   * column sweeps node-major with the scalar kernel, so the batched forward and unrolled gradient
   * are the scalar ones plus the batched bookkeeping; measured faster, README "Time-dependent
   * parameters and the Jacobi step solver").
   */
  public static boolean speedsUpGradients(Objective obj) {
    return supports(obj) || obj.model().solver() == StepSolver.JACOBI;
  }

  public Objective objective() {
    return obj;
  }

  /** Loss and gradient at every coordinate vector (one batched forward + adjoint run). */
  public List<Objective.ValueGradient> valueAndGradient(List<double[]> thetas) {
    BatchGradient g = model.gradient(batch(thetas), obj.observations().outputs(), mse,
        Checkpointing.storeAll(), obj.gradientMode());
    obj.countRuns(thetas.size(), thetas.size());
    List<Objective.ValueGradient> out = new ArrayList<>(thetas.size());
    for (int c = 0; c < thetas.size(); c++) {
      out.add(new Objective.ValueGradient(g.loss(c),
          obj.space().gradient(thetas.get(c), g.gradient(c))));
    }
    return out;
  }

  /** Loss at every coordinate vector (one batched forward run). */
  public double[] values(List<double[]> thetas) {
    BatchTrajectory tr = model.forward(batch(thetas), obj.observations().outputs());
    obj.countRuns(thetas.size(), 0);
    double[] v = new double[thetas.size()];
    for (int c = 0; c < v.length; c++) {
      v[c] = obj.loss(tr.outputs(c));
    }
    return v;
  }

  private ColumnBatch batch(List<double[]> thetas) {
    List<ColumnParameters> ps = new ArrayList<>(thetas.size());
    for (double[] t : thetas) {
      ps.add(obj.space().toModel(t));
    }
    return ColumnBatch.of(ps, List.of(obj.forcing()), List.of(obj.initial()));
  }
}
