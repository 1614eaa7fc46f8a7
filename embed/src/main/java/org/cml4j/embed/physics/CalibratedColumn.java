package org.cml4j.embed.physics;

import java.util.List;
import java.util.Map;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.OutputOperator;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.ColumnStepper;

/**
 * The simple column with fixed (e.g. calibrated) constant parameters on a forcing series, as a
 * plain time loop whose step can be replaced or corrected: the scaffold of emulators, enhancers and
 * learned model-error corrections. Outputs use the model's own output operator.
 *
 * @param grid model grid
 * @param forcing forcing at every level
 * @param parameters all six parameters by symbol (alpha, lambda, C, hbeta, Tb, eps)
 * @param initial initial state at level 0
 */
public record CalibratedColumn(ModelGrid grid, SurfaceForcing forcing,
    Map<String, Double> parameters, double[] initial) {

  /** A step rule: fills {@code next} (level k) from {@code prev} (level k-1). */
  @FunctionalInterface
  public interface Step {
    void step(int k, double[] prev, double[] next, LevelValues v);
  }

  public CalibratedColumn {
    for (Param p : Param.values()) {
      if (!parameters.containsKey(p.symbol())) {
        throw new IllegalArgumentException("calibrated column lacks parameter " + p.symbol()
            + "; got " + parameters.keySet());
      }
    }
    if (initial.length != grid.nodes()) {
      throw new IllegalArgumentException("initial state has " + initial.length + " values for "
          + grid.nodes() + " nodes");
    }
    parameters = Map.copyOf(parameters);
    initial = initial.clone();
  }

  /** From a mechanism, its forcing, parameters and the observations at the first step. */
  public static CalibratedColumn of(LsmMechanism m, SurfaceForcing f, Map<String, Double> params,
      Map<String, Double> initialObservations) {
    ColumnParameters cp = columnParameters(params);
    double[] x0 = new double[m.columnModel().grid().nodes()];
    InitialState init = m.initialState(initialObservations);
    init.fill(x0, cp);
    return new CalibratedColumn(m.columnModel().grid(), f, params, x0);
  }

  /** Constant column parameters from a map of all six. */
  public static ColumnParameters columnParameters(Map<String, Double> p) {
    ColumnParameters.Builder b = ColumnParameters.builder();
    for (Param q : Param.values()) {
      b.set(q, p.get(q.symbol()));
    }
    return b.build();
  }

  /** Number of levels. */
  public int levels() {
    return forcing.length();
  }

  /** Level values (parameters and forcing) of level {@code k} into {@code v}. */
  public LevelValues load(LevelValues v, int k) {
    v.alpha = parameters.get("alpha");
    v.lambda = parameters.get("lambda");
    v.c = parameters.get("C");
    v.hbeta = parameters.get("hbeta");
    v.tb = parameters.get("Tb");
    v.eps = parameters.get("eps");
    v.kdown = forcing.kdown()[k];
    v.ldown = forcing.ldown()[k];
    v.ta = forcing.ta()[k];
    return v;
  }

  /** States at every level with the given step rule, from the initial state. */
  public double[][] run(Step step) {
    return run(step, initial, 0, levels());
  }

  /** States at levels [from, to) with the given step rule, starting from {@code x0} at from. */
  public double[][] run(Step step, double[] x0, int from, int to) {
    double[][] s = new double[to - from][];
    s[0] = x0.clone();
    LevelValues v = new LevelValues();
    for (int k = from + 1; k < to; k++) {
      double[] next = new double[x0.length];
      step.step(k, s[k - 1 - from], next, load(v, k));
      for (int i = 0; i < next.length; i++) {
        if (!Double.isFinite(next[i])) {
          throw new IllegalStateException("step to level " + k + " produced " + next[i]
              + " K at node " + i + " (rollout diverged)");
        }
      }
      s[k - from] = next;
    }
    return s;
  }

  /** The physics step (exact backward Euler) as a {@link Step}. */
  public Step physics() {
    ColumnStepper st = new ColumnStepper(grid);
    return (k, prev, next, v) -> st.step(prev, next, v);
  }

  /** Outputs by name, [output][level], for states starting at level {@code from}. */
  public double[][] outputs(double[][] states, int from, List<String> names) {
    List<Output> outs = names.stream().map(Output::parse).toList();
    OutputOperator op = new OutputOperator(outs, grid);
    double[][] y = new double[names.size()][states.length];
    double[] row = new double[names.size()];
    LevelValues v = new LevelValues();
    for (int k = 0; k < states.length; k++) {
      op.evaluate(states[k], load(v, from + k), row);
      for (int j = 0; j < row.length; j++) {
        y[j][k] = row[j];
      }
    }
    return y;
  }

  /** Temperatures of a state at the given depths (linear between nodes). */
  public double[] sample(double[] state, double[] depths) {
    double[] out = new double[depths.length];
    double dx = grid.dx();
    for (int j = 0; j < depths.length; j++) {
      double pos = depths[j] / dx;
      int i = Math.min((int) Math.floor(pos + 1e-9), state.length - 2);
      double w = pos - i;
      out[j] = w < 1e-9 ? state[i] : (1 - w) * state[i] + w * state[i + 1];
    }
    return out;
  }

  /** A copy with another forcing and initial state (same grid and parameters). */
  public CalibratedColumn with(SurfaceForcing f, double[] x0) {
    return new CalibratedColumn(grid, f, parameters, x0);
  }
}
