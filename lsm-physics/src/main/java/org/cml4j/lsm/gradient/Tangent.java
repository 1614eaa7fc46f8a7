package org.cml4j.lsm.gradient;

import static org.cml4j.lsm.model.Output.SIGMA;

import java.util.List;
import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.OutputOperator;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.solver.StepKernel;
import org.cml4j.lsm.solver.Trajectory;

/**
 * Forward-mode (tangent-linear) sensitivities of the outputs with respect to a handful of
 * parameters: one tangent sweep per parameter, A dT^k = dT^{k-1} - (dR/dtheta) dtheta. A direction
 * is a uniform shift of the parameter at every level (for a constant parameter: the ordinary
 * derivative). When the initial state depends on Tb the Tb direction also moves the initial profile.
 */
public final class Tangent {
  private Tangent() {}

  /**
   * Output Jacobian {@code J[level][output][param]} = d output / d param.
   */
  public static double[][][] jacobian(Trajectory tr, List<Output> outputs, List<Param> params) {
    int levels = tr.levels();
    ModelGrid grid = tr.grid();
    int n = grid.nodes();
    int m = params.size();
    OutputOperator op = new OutputOperator(outputs, grid);
    double[][][] jac = new double[levels][outputs.size()][m];
    double[][] dxs = new double[m][n];
    double[][] dps = new double[m][Param.COUNT];
    double[] out = new double[outputs.size()];
    for (int j = 0; j < m; j++) {
      dps[j][params.get(j).ordinal()] = 1;
      if (params.get(j) == Param.TB && tr.initial().dependsOnTb()) {
        for (int i = 0; i < n; i++) {
          dxs[j][i] = tr.initial().tbWeight(i);
        }
      }
    }
    LevelValues v = new LevelValues();
    v.load(tr.params(), tr.forcing(), 0);
    for (int j = 0; j < m; j++) {
      op.tangent(dxs[j], dps[j], tr.state(0), v, out);
      for (int o = 0; o < out.length; o++) {
        jac[0][o][j] = out[o];
      }
    }
    double[] q = new double[n];
    double[] b = new double[n];
    double[] p = new double[n];
    double lastR = Double.NaN;
    for (int k = 1; k < levels; k++) {
      v.load(tr.params(), tr.forcing(), k);
      double[] x = tr.state(k);
      double r = StepKernel.r(v, grid);
      double a = StepKernel.a(v, grid);
      if (r != lastR) {
        StepKernel.eliminationFactors(r, n, q);
        lastR = r;
      }
      double x0 = x[0];
      double x4 = x0 * x0 * x0 * x0;
      double g = (1 - v.alpha) * v.kdown + v.ldown - v.eps * SIGMA * x4 - v.hbeta * (x0 - v.ta);
      double d0 = 1 + 2 * r + a * (4 * v.eps * SIGMA * x0 * x0 * x0 + v.hbeta);
      for (int j = 0; j < m; j++) {
        double[] dxj = dxs[j];
        double[] dp = dps[j];
        double dl = dp[Param.LAMBDA.ordinal()];
        double dc = dp[Param.C.ordinal()];
        // b = dT^{k-1} - (dR/dtheta) dtheta on rows 0..N-2, dTb on row N-1
        b[0] = dxj[0] + 2 * (x[1] - x0) * (r / v.lambda) * dl
            - (2 * r * (x[1] - x0) + a * g) / v.c * dc
            - a * v.kdown * dp[Param.ALPHA.ordinal()]
            - a * (x0 - v.ta) * dp[Param.HBETA.ordinal()]
            - a * SIGMA * x4 * dp[Param.EPS.ordinal()];
        double lapCoef = (r / v.lambda) * dl - (r / v.c) * dc;
        for (int i = 1; i < n - 1; i++) {
          b[i] = dxj[i] + (x[i - 1] - 2 * x[i] + x[i + 1]) * lapCoef;
        }
        b[n - 1] = dp[Param.TB.ordinal()];
        // solve A dT = b (same elimination as the forward step)
        p[n - 1] = b[n - 1];
        for (int i = n - 2; i >= 1; i--) {
          p[i] = (b[i] + r * p[i + 1]) * q[i] / r;
        }
        dxj[0] = (b[0] + 2 * r * p[1]) / (d0 - 2 * r * q[1]);
        for (int i = 1; i < n; i++) {
          dxj[i] = p[i] + q[i] * dxj[i - 1];
        }
        op.tangent(dxj, dp, x, v, out);
        for (int o = 0; o < out.length; o++) {
          jac[k][o][j] = out[o];
        }
      }
    }
    return jac;
  }
}
