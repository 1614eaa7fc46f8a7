package org.cml4j.lsm.gradient.samediff;

import static org.cml4j.lsm.model.Output.SIGMA;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.cml4j.core.learn.Nd4jRuntime;
import org.cml4j.lsm.model.LevelValues;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SameDiff (ND4J autodiff) formulation of ONE backward-Euler step of the soil-column model, written
 * as the implicit residual R(x_new; x_prev, theta, f) = 0 with exactly the rows of
 * {@link org.cml4j.lsm.solver.StepKernel} and {@link org.cml4j.lsm.gradient.Adjoint}:
 * <pre>
 *   R_0     = x0' - x0 - 2 r (x1' - x0') - a G(x0'),  G = (1-alpha)Kdown + Ldown - eps sigma x0'^4 - hbeta (x0' - Ta)
 *   R_i     = xi' - xi - r (x_{i-1}' - 2 xi' + x_{i+1}'),   i = 1..N-2
 *   R_{N-1} = x_{N-1}' - Tb
 * </pre>
 * with r = lambda dt / (C dx^2) and a = 2 dt / (C dx). The Laplacian is built from three shifted
 * slices of the state (vectorised, about 40 ops in total whatever N is).
 *
 * <p>The step map x_new = S(x_prev, theta, f) is differentiated with the implicit function theorem,
 * using SameDiff only for derivatives of R (SameDiff cannot differentiate through the Newton solve,
 * and no graph loops are needed):
 * <ol>
 *   <li>A = dR/dx_new in ONE reverse pass: the graph evaluates R row-wise on an [N, N] batch
 *   X = x_new + P, where the zero variable P ("probe") gives each row its own copy of the state;
 *   the gradient of sum(W * R(X)) with W = I with respect to P is A, row by row;</li>
 *   <li>A^T mu = upstream is solved densely (Commons Math LU; N is at most ~100);</li>
 *   <li>a second reverse pass of the scalar sum(W * R(X)), with W = mu on row 0 and 0 elsewhere,
 *   gives (dR/d.)^T mu for every variable; the step VJP is its negative.</li>
 * </ol>
 * Every differentiated input is a SameDiff VARIABLE ({@code sd.var}); the only placeholder, W, is
 * never differentiated (ND4J 1.0.0-M2.1 returns wrong gradients for placeholders with several
 * consumers).
 *
 * <p>How a coupling uses it: a learned component (e.g. a network predicting hbeta or Ldown from
 * features) runs its own forward pass, the physics step is solved by the exact Java kernel, and the
 * backward pass calls {@link #vjp} with the upstream cotangent dL/dx_new to get dL/dtheta and
 * dL/dforcing to feed into the network's backward pass, and dL/dx_prev to continue to the previous
 * step. The same graph could instead be embedded into a larger SameDiff graph by adding the
 * network ops before the scalar variables. Not thread-safe: one instance per thread.
 */
public final class StepResidualSameDiff {
  /** Names of the scalar variables, in the order of {@link StepVjp}'s components. */
  public static final List<String> SCALARS = List.of("alpha", "lambda", "C", "hbeta", "Tb", "eps",
      "Kdown", "Ldown", "Ta");

  private final int n;
  private final double dt;
  private final double dx;
  private final SameDiff sd;
  private final INDArray identity;
  private final INDArray weights;

  /** Builds the graph for {@code nodes} nodes, time step {@code dt} [s] and spacing {@code dx} [m]. */
  public StepResidualSameDiff(int nodes, double dt, double dx) {
    if (nodes < 3) {
      throw new IllegalArgumentException("need at least 3 nodes, got " + nodes);
    }
    this.n = nodes;
    this.dt = dt;
    this.dx = dx;
    this.sd = SameDiff.create();
    this.identity = Nd4j.eye(nodes).castTo(DataType.DOUBLE);
    this.weights = Nd4j.zeros(DataType.DOUBLE, nodes, nodes);
    build();
  }

  public int nodes() {
    return n;
  }

  /** The underlying graph (variables {@code x_new}, {@code x_prev}, {@link #SCALARS}, {@code probe}). */
  public SameDiff graph() {
    return sd;
  }

  private void build() {
    SDVariable xNew = sd.var("x_new", Nd4j.zeros(DataType.DOUBLE, n));
    SDVariable xPrev = sd.var("x_prev", Nd4j.zeros(DataType.DOUBLE, n));
    Map<String, SDVariable> s = new HashMap<>();
    for (String name : SCALARS) {
      s.put(name, sd.var(name, Nd4j.scalar(DataType.DOUBLE, 1.0)));
    }
    SDVariable probe = sd.var("probe", Nd4j.zeros(DataType.DOUBLE, n, n));
    SDVariable w = sd.placeHolder("w", DataType.DOUBLE, n, n);

    // [N, N] batch: row b is x_new + probe_b; x_prev broadcast along the batch
    SDVariable x = sd.reshape(xNew, 1, n).add(probe);
    SDVariable xp = sd.reshape(xPrev, 1, n);

    SDVariable r = s.get("lambda").mul(dt / (dx * dx)).div(s.get("C"));
    SDVariable a = s.get("C").rdiv(2 * dt / dx);

    SDVariable x0 = cols(x, n, 0, 1);
    SDVariable x1 = cols(x, n, 1, 1);
    SDVariable x0sq = x0.mul(x0);
    SDVariable g = s.get("alpha").rsub(1.0).mul(s.get("Kdown")).add(s.get("Ldown"))
        .sub(s.get("eps").mul(SIGMA).mul(x0sq.mul(x0sq)))
        .sub(s.get("hbeta").mul(x0.sub(s.get("Ta"))));
    SDVariable r0 = x0.sub(cols(xp, 1, 0, 1)).sub(r.mul(2.0).mul(x1.sub(x0))).sub(a.mul(g));

    SDVariable mid = cols(x, n, 1, n - 2);
    SDVariable lap = cols(x, n, 0, n - 2).sub(mid.mul(2.0)).add(cols(x, n, 2, n - 2));
    SDVariable ri = mid.sub(cols(xp, 1, 1, n - 2)).sub(r.mul(lap));

    SDVariable rb = cols(x, n, n - 1, 1).sub(s.get("Tb"));

    SDVariable rBatch = sd.concat("R_batch", 1, r0, ri, rb);
    sd.reshape("R", sd.slice(rBatch, new int[] {0, 0}, 1, n), n);
    SDVariable loss = sd.sum("loss", w.mul(rBatch));
    sd.setLossVariables(loss);
    // build the reverse graph once, now (M2.1 prints a line per op: muted)
    Nd4jRuntime.createGradFunctionQuietly(sd);
  }

  /** Columns [from, from+len) of every row of a [rows, N] array. */
  private SDVariable cols(SDVariable m, int rows, int from, int len) {
    return sd.slice(m, new int[] {0, from}, rows, len);
  }

  private void load(double[] xPrev, double[] xNew, LevelValues v, double stepDt, double stepDx) {
    if (xPrev.length != n || xNew.length != n) {
      throw new IllegalArgumentException("state length " + xPrev.length + "/" + xNew.length
          + ", graph built for " + n + " nodes");
    }
    if (stepDt != dt || stepDx != dx) {
      throw new IllegalArgumentException("graph built for dt = " + dt + ", dx = " + dx + "; got dt = "
          + stepDt + ", dx = " + stepDx);
    }
    sd.getVariable("x_new").getArr().assign(Nd4j.createFromArray(xNew));
    sd.getVariable("x_prev").getArr().assign(Nd4j.createFromArray(xPrev));
    double[] vals = {v.alpha, v.lambda, v.c, v.hbeta, v.tb, v.eps, v.kdown, v.ldown, v.ta};
    for (int i = 0; i < vals.length; i++) {
      sd.getVariable(SCALARS.get(i)).getArr().assign(vals[i]);
    }
  }

  private Map<String, INDArray> feed(INDArray w) {
    Map<String, INDArray> ph = new HashMap<>();
    ph.put("w", w);
    return ph;
  }

  /** The residual R(x_new; x_prev, theta, f) (zero for a converged step). */
  public double[] residual(double[] xPrev, double[] xNew, LevelValues v, double stepDt,
      double stepDx) {
    load(xPrev, xNew, v, stepDt, stepDx);
    return sd.output(feed(identity), "R").get("R").toDoubleVector();
  }

  /** The step Jacobian A = dR/dx_new, [row][column], from one SameDiff reverse pass. */
  public double[][] jacobian(double[] xPrev, double[] xNew, LevelValues v, double stepDt,
      double stepDx) {
    load(xPrev, xNew, v, stepDt, stepDx);
    return jacobianLoaded();
  }

  private double[][] jacobianLoaded() {
    return sd.calculateGradients(feed(identity), "probe").get("probe").toDoubleMatrix();
  }

  /**
   * Vector-Jacobian product of the step: gradient of {@code upstream . x_new} with respect to the
   * parameters, forcing and previous state, for the step from {@code xPrev} to the converged
   * {@code xNew} with this level's values {@code v}.
   */
  public StepVjp vjp(double[] xPrev, double[] xNew, LevelValues v, double stepDt, double stepDx,
      double[] upstream) {
    if (upstream.length != n) {
      throw new IllegalArgumentException("upstream has " + upstream.length + " entries, need " + n);
    }
    load(xPrev, xNew, v, stepDt, stepDx);
    RealMatrix a = new Array2DRowRealMatrix(jacobianLoaded(), false);
    double[] mu = new LUDecomposition(a.transpose()).getSolver()
        .solve(new ArrayRealVector(upstream, false)).toArray();
    weights.assign(0);
    weights.putRow(0, Nd4j.createFromArray(mu));
    List<String> wrt = new ArrayList<>(SCALARS);
    wrt.add("x_prev");
    wrt.add("x_new");
    Map<String, INDArray> grads = sd.calculateGradients(feed(weights), wrt);
    double[] g = new double[SCALARS.size()];
    for (int i = 0; i < g.length; i++) {
      g[i] = -grads.get(SCALARS.get(i)).getDouble(0);
    }
    double[] gxPrev = grads.get("x_prev").neg().toDoubleVector();
    double[] atMu = grads.get("x_new").toDoubleVector();
    return new StepVjp(g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], gxPrev, mu, atMu);
  }
}
