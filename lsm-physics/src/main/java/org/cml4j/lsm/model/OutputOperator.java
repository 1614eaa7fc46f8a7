package org.cml4j.lsm.model;

import static org.cml4j.lsm.model.Output.SIGMA;

import java.util.List;

/**
 * Evaluates a list of {@link Output}s on a state vector, and their tangent-linear and adjoint
 * (transposed) derivatives with respect to the state, the parameters and the forcing. Soil
 * temperatures are linearly interpolated between the two nearest nodes.
 */
public final class OutputOperator {
  /** Forcing gradient slots. */
  public static final int KDOWN = 0;
  public static final int LDOWN = 1;
  public static final int TA = 2;

  private final List<Output> outputs;
  private final Output.Kind[] kinds;
  private final int[] node;
  private final double[] weight;

  public OutputOperator(List<Output> outputs, ModelGrid grid) {
    this.outputs = List.copyOf(outputs);
    int m = outputs.size();
    kinds = new Output.Kind[m];
    node = new int[m];
    weight = new double[m];
    double dx = grid.dx();
    for (int k = 0; k < m; k++) {
      Output o = outputs.get(k);
      kinds[k] = o.kind();
      if (o.kind() == Output.Kind.SOIL_TEMPERATURE) {
        if (o.depth() > grid.depth() + 1e-12) {
          throw new IllegalArgumentException("output " + o.name() + " lies below the column bottom at "
              + grid.depth() + " m");
        }
        double pos = o.depth() / dx;
        int i = (int) Math.floor(pos + 1e-9);
        i = Math.min(i, grid.nodes() - 2);
        node[k] = i;
        double w = pos - i;
        weight[k] = Math.abs(w) < 1e-9 ? 0.0 : w;
      }
    }
  }

  public List<Output> outputs() {
    return outputs;
  }

  public int size() {
    return kinds.length;
  }

  /** Kind of output {@code k}. */
  public Output.Kind kind(int k) {
    return kinds[k];
  }

  /** Upper-node index of the interpolation of soil-temperature output {@code k} (0 otherwise). */
  public int node(int k) {
    return node[k];
  }

  /** Weight of node {@code node(k)+1} in soil-temperature output {@code k} (0 = exactly on a node). */
  public double weight(int k) {
    return weight[k];
  }

  /** Writes the outputs for state {@code x} at a level with values {@code v} into {@code out}. */
  public void evaluate(double[] x, LevelValues v, double[] out) {
    double x0 = x[0];
    double emit = v.eps * SIGMA * x0 * x0 * x0 * x0;
    for (int k = 0; k < kinds.length; k++) {
      switch (kinds[k]) {
        case SOIL_TEMPERATURE:
          out[k] = soilTemperature(k, x);
          break;
        case SURFACE_TEMPERATURE:
          out[k] = x0;
          break;
        case GROUND_HEAT_FLUX:
          out[k] = (1 - v.alpha) * v.kdown + v.ldown - emit - v.hbeta * (x0 - v.ta);
          break;
        case LONGWAVE_UP:
          out[k] = emit + (1 - v.eps) * v.ldown;
          break;
        case TURBULENT_FLUX:
          out[k] = v.hbeta * (x0 - v.ta);
          break;
        default:
          out[k] = (1 - v.alpha) * v.kdown + v.ldown - emit;
      }
    }
  }

  /**
   * Soil-temperature output {@code k} interpolated from the nodes of {@code x}, a state or (being
   * linear) a state perturbation; {@link #adjoint} applies its transpose.
   */
  private double soilTemperature(int k, double[] x) {
    return (1 - weight[k]) * x[node[k]] + (weight[k] == 0 ? 0 : weight[k] * x[node[k] + 1]);
  }

  /**
   * Accumulates the transposed derivatives of {@code sum_k seed[k] * output_k}: into {@code gx}
   * (state), {@code gp} (indexed by {@link Param#ordinal()}) and {@code gf} ({@link #KDOWN},
   * {@link #LDOWN}, {@link #TA}).
   */
  public void adjoint(double[] seed, double[] x, LevelValues v, double[] gx, double[] gp,
      double[] gf) {
    double x0 = x[0];
    double x3 = x0 * x0 * x0;
    double s4 = SIGMA * x3 * x0;
    for (int k = 0; k < kinds.length; k++) {
      double s = seed[k];
      if (s == 0) {
        continue;
      }
      switch (kinds[k]) {
        case SOIL_TEMPERATURE:
          gx[node[k]] += s * (1 - weight[k]);
          if (weight[k] != 0) {
            gx[node[k] + 1] += s * weight[k];
          }
          break;
        case SURFACE_TEMPERATURE:
          gx[0] += s;
          break;
        case GROUND_HEAT_FLUX:
          gx[0] += s * (-4 * v.eps * SIGMA * x3 - v.hbeta);
          gp[Param.ALPHA.ordinal()] -= s * v.kdown;
          gp[Param.HBETA.ordinal()] -= s * (x0 - v.ta);
          gp[Param.EPS.ordinal()] -= s * s4;
          gf[KDOWN] += s * (1 - v.alpha);
          gf[LDOWN] += s;
          gf[TA] += s * v.hbeta;
          break;
        case LONGWAVE_UP:
          gx[0] += s * 4 * v.eps * SIGMA * x3;
          gp[Param.EPS.ordinal()] += s * (s4 - v.ldown);
          gf[LDOWN] += s * (1 - v.eps);
          break;
        case TURBULENT_FLUX:
          gx[0] += s * v.hbeta;
          gp[Param.HBETA.ordinal()] += s * (x0 - v.ta);
          gf[TA] -= s * v.hbeta;
          break;
        default:
          gx[0] -= s * 4 * v.eps * SIGMA * x3;
          gp[Param.ALPHA.ordinal()] -= s * v.kdown;
          gp[Param.EPS.ordinal()] -= s * s4;
          gf[KDOWN] += s * (1 - v.alpha);
          gf[LDOWN] += s;
      }
    }
  }

  /**
   * Tangent-linear outputs: directional derivative for a state perturbation {@code dx} and a
   * parameter perturbation {@code dp} (indexed by {@link Param#ordinal()}); forcing is held fixed.
   */
  public void tangent(double[] dx, double[] dp, double[] x, LevelValues v, double[] out) {
    double x0 = x[0];
    double x3 = x0 * x0 * x0;
    double s4 = SIGMA * x3 * x0;
    double dEps = dp[Param.EPS.ordinal()];
    double dAlpha = dp[Param.ALPHA.ordinal()];
    double dHb = dp[Param.HBETA.ordinal()];
    for (int k = 0; k < kinds.length; k++) {
      switch (kinds[k]) {
        case SOIL_TEMPERATURE:
          out[k] = soilTemperature(k, dx);
          break;
        case SURFACE_TEMPERATURE:
          out[k] = dx[0];
          break;
        case GROUND_HEAT_FLUX:
          out[k] = (-4 * v.eps * SIGMA * x3 - v.hbeta) * dx[0] - v.kdown * dAlpha - (x0 - v.ta) * dHb
              - s4 * dEps;
          break;
        case LONGWAVE_UP:
          out[k] = 4 * v.eps * SIGMA * x3 * dx[0] + (s4 - v.ldown) * dEps;
          break;
        case TURBULENT_FLUX:
          out[k] = v.hbeta * dx[0] + (x0 - v.ta) * dHb;
          break;
        default:
          out[k] = -4 * v.eps * SIGMA * x3 * dx[0] - v.kdown * dAlpha - s4 * dEps;
      }
    }
  }
}
