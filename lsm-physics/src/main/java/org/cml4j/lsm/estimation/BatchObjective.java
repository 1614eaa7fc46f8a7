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
   * Whether batching {@code obj} pays, so that callers should route it here: the EXACT step solver
   * (constant or time-dependent base parameters). A JACOBI objective also runs here, equal to the
   * scalar path to 1e-11 (tested), but not faster: the batched kernel solves each column with the
   * scalar Jacobi sweep ({@code JacobiKernel}, which vectorises along the 101 nodes), so once the
   * JIT has warmed up the lockstep multi-start costs the same CPU time as one start per thread
   * (README, batched kernel); callers keep such objectives one start per thread.
   */
  public static boolean supports(Objective obj) {
    return obj.model().solver() == StepSolver.EXACT;
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
