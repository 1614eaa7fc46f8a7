package org.cml4j.lsm.posterior;

import java.util.ArrayList;
import java.util.List;
import org.cml4j.lsm.batch.BatchColumnModel;
import org.cml4j.lsm.batch.BatchGradient;
import org.cml4j.lsm.batch.BatchLoss;
import org.cml4j.lsm.batch.BatchTrajectory;
import org.cml4j.lsm.batch.ColumnBatch;
import org.cml4j.lsm.estimation.Objective;
import org.cml4j.lsm.estimation.ParameterSpace;
import org.cml4j.lsm.estimation.RunCounts;
import org.cml4j.lsm.gradient.Adjoint;
import org.cml4j.lsm.gradient.AdjointGradient;
import org.cml4j.lsm.gradient.GradientMode;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.solver.Trajectory;

/**
 * The model runs of an {@link LsmPosterior}: the log-likelihood and its gradient per point, by
 * batched forward + adjoint calls over groups of points (one column each) or by the scalar model
 * and {@link Adjoint#vjp}, and the model outputs at given parameters; counts forward and adjoint
 * runs. Thread-safe (the counters are atomic; each call has its own buffers).
 */
final class PosteriorRuns {
  private final Objective obj;
  private final ParameterSpace space;
  private final GaussianLikelihood lik;
  private final BatchColumnModel batch;
  private final RunCounts runs = new RunCounts();

  /** @param batch the batched model, or null for the scalar path */
  PosteriorRuns(Objective obj, GaussianLikelihood lik, BatchColumnModel batch) {
    this.obj = obj;
    this.space = obj.space();
    this.lik = lik;
    this.batch = batch;
  }

  boolean batched() {
    return batch != null;
  }

  long forwardRuns() {
    return runs.forwardRuns();
  }

  long gradientRuns() {
    return runs.gradientRuns();
  }

  /** One batched forward + adjoint call over a group of points (one column each). */
  void group(List<Integer> live, ColumnParameters[] cps, double[][] rho,
      double[] ll, double[][] dTheta, double[][] dRho, double[][] theta) {
    List<ColumnParameters> ps = new ArrayList<>();
    for (int i : live) {
      ps.add(cps[i]);
    }
    boolean[] bad = new boolean[live.size()];
    BatchLoss loss = (col, y, seed) -> {
      int i = live.get(col);
      double v = lik.logLikelihood(y, rho[i], seed, dRho[i]);
      if (!Double.isFinite(v)) {
        bad[col] = true;
        for (double[] row : seed) {
          java.util.Arrays.fill(row, 0);
        }
        return 0;
      }
      for (double[] row : seed) {
        for (int k = 0; k < row.length; k++) {
          row[k] = -row[k];
        }
      }
      return -v;
    };
    BatchGradient g = batch.gradient(ColumnBatch.of(ps, List.of(obj.forcing()),
        List.of(obj.initial())), lik.observations().outputs(), loss);
    runs.add(live.size(), live.size());
    for (int c = 0; c < live.size(); c++) {
      int i = live.get(c);
      ll[i] = bad[c] ? Double.NEGATIVE_INFINITY : -g.loss(c);
      double[] d = space.gradient(theta[i], g.gradient(c));
      for (int j = 0; j < d.length; j++) {
        d[j] = -d[j];
      }
      dTheta[i] = d;
    }
  }

  void scalarLikelihood(int i, ColumnParameters cp, double[] rho, double[] ll,
      double[][] dTheta, double[] dRho, double[] theta) {
    List<Output> outs = lik.observations().outputs();
    try {
      Trajectory tr = obj.model().simulate(cp, obj.forcing(), obj.initial());
      runs.add(1, 0);
      double[][] y = tr.outputs(outs);
      double[][] seed = new double[y.length][y[0].length];
      ll[i] = lik.logLikelihood(y, rho, seed, dRho);
      if (!Double.isFinite(ll[i])) {
        return;
      }
      AdjointGradient ag = Adjoint.vjp(tr, outs, seed, GradientMode.IMPLICIT);
      runs.add(0, 1);
      dTheta[i] = space.gradient(theta, ag);
    } catch (RuntimeException e) {
      ll[i] = Double.NEGATIVE_INFINITY;
    }
  }

  /**
   * Model outputs of the observed variables at fitted values {@code thetas} ({@code [draw]
   * [level][output]}), batched when possible.
   */
  List<double[][]> outputs(List<double[]> thetas) {
    List<Output> outs = lik.observations().outputs();
    List<double[][]> res = new ArrayList<>();
    if (batch != null) {
      List<ColumnParameters> ps = new ArrayList<>();
      for (double[] t : thetas) {
        ps.add(space.toModel(t));
      }
      BatchTrajectory tr = batch.forward(ColumnBatch.of(ps, List.of(obj.forcing()),
          List.of(obj.initial())), outs);
      for (int c = 0; c < thetas.size(); c++) {
        res.add(tr.outputs(c));
      }
    } else {
      for (double[] t : thetas) {
        res.add(obj.model().simulate(space.toModel(t), obj.forcing(), obj.initial())
            .outputs(outs));
      }
    }
    runs.add(thetas.size(), 0);
    return res;
  }
}
