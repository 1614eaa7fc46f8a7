package org.cml4j.lsm.rich;

import static org.cml4j.lsm.model.Output.SIGMA;

import java.util.List;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.SurfaceForcing;

/**
 * The hourly-level output of a {@link RichColumnModel} run: the full profile at every forcing
 * level and the diagnosed surface fluxes, with the simple model's output names
 * (SoilTemp_&lt;m&gt;, SurfTemp, Qg, LWup, QhQle, Rnet).
 *
 * @param model the model that ran
 * @param surface its surface parameters
 * @param forcing the forcing at every level
 * @param states the profile [level][node] at every level
 */
public record RichTrajectory(RichColumnModel model, SurfaceSpec surface, SurfaceForcing forcing,
    double[][] states) {

  /** Profiles [level][node] (a deep copy). */
  @Override
  public double[][] states() {
    double[][] c = new double[states.length][];
    for (int k = 0; k < c.length; k++) {
      c[k] = states[k].clone();
    }
    return c;
  }

  public int levels() {
    return states.length;
  }

  /** The profile at level {@code k} (a copy). */
  public double[] state(int k) {
    return states[k].clone();
  }

  /** Temperatures at {@code depths} [m] at level {@code k}, linear between nodes. */
  public double[] profileAt(int k, double[] depths) {
    double[] out = new double[depths.length];
    double h = model.dx();
    for (int j = 0; j < depths.length; j++) {
      out[j] = nodeInterpolate(states[k], depths[j] / h);
    }
    return out;
  }

  private double nodeInterpolate(double[] x, double pos) {
    if (pos >= x.length - 1) {
      return x[x.length - 1];
    }
    int i = (int) Math.floor(pos + 1e-9);
    double w = pos - i;
    return w < 1e-9 ? x[i] : (1 - w) * x[i] + w * x[i + 1];
  }

  /** One output's series (names as {@link Output#parse}). */
  public double[] output(String name) {
    Output o = Output.parse(name);
    double[] s = new double[states.length];
    for (int k = 0; k < s.length; k++) {
      double ts = states[k][0];
      double emit = surface.eps() * SIGMA * ts * ts * ts * ts;
      double rn = (1 - surface.alpha()) * forcing.kdown()[k] + forcing.ldown()[k] - emit;
      double turb = surface.hbetaAt(k) * (ts - forcing.ta()[k]);
      s[k] = switch (o.kind()) {
        case SOIL_TEMPERATURE -> nodeInterpolate(states[k], o.depth() / model.dx());
        case SURFACE_TEMPERATURE -> ts;
        case GROUND_HEAT_FLUX -> rn - turb;
        case LONGWAVE_UP -> emit + (1 - surface.eps()) * forcing.ldown()[k];
        case TURBULENT_FLUX -> turb;
        case NET_RADIATION -> rn;
      };
    }
    return s;
  }

  /** The named outputs as a frame on {@code axis}'s time axis (same number of steps). */
  public Frame frame(Frame axis, List<String> names) {
    if (axis.size() != states.length) {
      throw new IllegalArgumentException("axis has " + axis.size() + " steps, the run "
          + states.length + " levels");
    }
    Frame f = axis.select(List.of());
    for (String n : names) {
      Output o = Output.parse(n);
      f = f.with(new VariableSpec(o.name(), o.unit()), output(n));
    }
    return f;
  }
}
