package org.cml4j.lsm.batch;

import static org.cml4j.lsm.model.Output.SIGMA;

import java.util.List;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.OutputOperator;
import org.cml4j.lsm.model.Param;

/**
 * {@link OutputOperator} for a chunk of columns: the same outputs, their tangent and their adjoint,
 * evaluated row-wise ({@code [node][column]} states, one output row per output) with the chunk's
 * parameters and current forcing from a {@link ChunkKernel}. Stateless apart from the operator.
 */
final class ChunkOutputs {
  private final OutputOperator op;
  private final int m;

  ChunkOutputs(List<Output> outputs, ModelGrid grid) {
    this.op = new OutputOperator(outputs, grid);
    this.m = op.size();
  }

  int size() {
    return m;
  }

  /** Outputs of state {@code s} into {@code out[output][column]}. */
  void evaluate(ChunkKernel k, double[][] s, double[][] out) {
    int w = k.w;
    double[] x0 = s[0];
    for (int o = 0; o < m; o++) {
      double[] y = out[o];
      switch (op.kind(o)) {
        case SOIL_TEMPERATURE:
        case SURFACE_TEMPERATURE:
          temperature(o, s, y, w);
          break;
        case GROUND_HEAT_FLUX:
          for (int c = 0; c < w; c++) {
            double t = x0[c];
            y[c] = (1 - k.alpha[c]) * k.kd[c] + k.ld[c] - k.eps[c] * SIGMA * t * t * t * t
                - k.hbeta[c] * (t - k.ta[c]);
          }
          break;
        case LONGWAVE_UP:
          for (int c = 0; c < w; c++) {
            double t = x0[c];
            y[c] = k.eps[c] * SIGMA * t * t * t * t + (1 - k.eps[c]) * k.ld[c];
          }
          break;
        case TURBULENT_FLUX:
          for (int c = 0; c < w; c++) {
            y[c] = k.hbeta[c] * (x0[c] - k.ta[c]);
          }
          break;
        default:
          for (int c = 0; c < w; c++) {
            double t = x0[c];
            y[c] = (1 - k.alpha[c]) * k.kd[c] + k.ld[c] - k.eps[c] * SIGMA * t * t * t * t;
          }
      }
    }
  }

  /**
   * A temperature output (linear in the state, so the same for a state and its tangent): the
   * surface node, or a soil depth interpolated between its two nodes.
   */
  private void temperature(int o, double[][] s, double[] y, int w) {
    if (op.kind(o) == Output.Kind.SURFACE_TEMPERATURE) {
      System.arraycopy(s[0], 0, y, 0, w);
      return;
    }
    double wt = op.weight(o);
    double[] lo = s[op.node(o)];
    if (wt == 0) {
      System.arraycopy(lo, 0, y, 0, w);
    } else {
      double[] hi = s[op.node(o) + 1];
      for (int c = 0; c < w; c++) {
        y[c] = (1 - wt) * lo[c] + wt * hi[c];
      }
    }
  }

  /**
   * Accumulates the transposed derivatives of {@code sum_o seed[o] . output_o(s)} into {@code gx}
   * ([node][column]) and {@code gp} ([param ordinal][column]).
   */
  void adjoint(ChunkKernel k, double[][] seed, double[][] s, double[][] gx, double[][] gp) {
    int w = k.w;
    double[] x0 = s[0];
    double[] g0 = gx[0];
    double[] gAlpha = gp[Param.ALPHA.ordinal()];
    double[] gHb = gp[Param.HBETA.ordinal()];
    double[] gEps = gp[Param.EPS.ordinal()];
    for (int o = 0; o < m; o++) {
      double[] sd = seed[o];
      switch (op.kind(o)) {
        case SOIL_TEMPERATURE: {
          double wt = op.weight(o);
          double[] lo = gx[op.node(o)];
          for (int c = 0; c < w; c++) {
            lo[c] += sd[c] * (1 - wt);
          }
          if (wt != 0) {
            double[] hi = gx[op.node(o) + 1];
            for (int c = 0; c < w; c++) {
              hi[c] += sd[c] * wt;
            }
          }
          break;
        }
        case SURFACE_TEMPERATURE:
          for (int c = 0; c < w; c++) {
            g0[c] += sd[c];
          }
          break;
        case GROUND_HEAT_FLUX:
          for (int c = 0; c < w; c++) {
            double t = x0[c];
            double t3 = t * t * t;
            g0[c] += sd[c] * (-4 * k.eps[c] * SIGMA * t3 - k.hbeta[c]);
            gAlpha[c] -= sd[c] * k.kd[c];
            gHb[c] -= sd[c] * (t - k.ta[c]);
            gEps[c] -= sd[c] * SIGMA * t3 * t;
          }
          break;
        case LONGWAVE_UP:
          for (int c = 0; c < w; c++) {
            double t = x0[c];
            double t3 = t * t * t;
            g0[c] += sd[c] * 4 * k.eps[c] * SIGMA * t3;
            gEps[c] += sd[c] * (SIGMA * t3 * t - k.ld[c]);
          }
          break;
        case TURBULENT_FLUX:
          for (int c = 0; c < w; c++) {
            g0[c] += sd[c] * k.hbeta[c];
            gHb[c] += sd[c] * (x0[c] - k.ta[c]);
          }
          break;
        default:
          for (int c = 0; c < w; c++) {
            double t = x0[c];
            double t3 = t * t * t;
            g0[c] -= sd[c] * 4 * k.eps[c] * SIGMA * t3;
            gAlpha[c] -= sd[c] * k.kd[c];
            gEps[c] -= sd[c] * SIGMA * t3 * t;
          }
      }
    }
  }

  /**
   * Tangent outputs into {@code out[output][column]} for a state perturbation {@code ds} and a unit
   * perturbation of parameter {@code dir} (forcing fixed).
   */
  void tangent(ChunkKernel k, double[][] ds, Param dir, double[][] s, double[][] out) {
    int w = k.w;
    double[] x0 = s[0];
    double[] d0 = ds[0];
    double dAlpha = dir == Param.ALPHA ? 1 : 0;
    double dHb = dir == Param.HBETA ? 1 : 0;
    double dEps = dir == Param.EPS ? 1 : 0;
    for (int o = 0; o < m; o++) {
      double[] y = out[o];
      switch (op.kind(o)) {
        case SOIL_TEMPERATURE:
        case SURFACE_TEMPERATURE:
          temperature(o, ds, y, w);
          break;
        case GROUND_HEAT_FLUX:
          for (int c = 0; c < w; c++) {
            double t = x0[c];
            double t3 = t * t * t;
            y[c] = (-4 * k.eps[c] * SIGMA * t3 - k.hbeta[c]) * d0[c] - k.kd[c] * dAlpha
                - (t - k.ta[c]) * dHb - SIGMA * t3 * t * dEps;
          }
          break;
        case LONGWAVE_UP:
          for (int c = 0; c < w; c++) {
            double t = x0[c];
            double t3 = t * t * t;
            y[c] = 4 * k.eps[c] * SIGMA * t3 * d0[c] + (SIGMA * t3 * t - k.ld[c]) * dEps;
          }
          break;
        case TURBULENT_FLUX:
          for (int c = 0; c < w; c++) {
            y[c] = k.hbeta[c] * d0[c] + (x0[c] - k.ta[c]) * dHb;
          }
          break;
        default:
          for (int c = 0; c < w; c++) {
            double t = x0[c];
            double t3 = t * t * t;
            y[c] = -4 * k.eps[c] * SIGMA * t3 * d0[c] - k.kd[c] * dAlpha - SIGMA * t3 * t * dEps;
          }
      }
    }
  }
}
