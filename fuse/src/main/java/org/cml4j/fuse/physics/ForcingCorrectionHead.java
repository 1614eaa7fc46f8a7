package org.cml4j.fuse.physics;

import org.cml4j.core.learn.adjoint.PhysicsHead;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ParameterGradient;
import org.cml4j.core.vars.Frame;

/**
 * A bounded additive correction of one forcing variable, {@code f(t) + maxAbs tanh(u(t))}: e.g. a
 * model-error heat flux at the surface entered through LWdown, which the surface energy balance
 * {@code G = (1 - alpha) SWdown + LWdown - eps sigma Ts^4 - hbeta (Ts - Ta)} passes on one-to-one
 * to the ground heat flux. Because the correction enters through the boundary condition, the
 * corrected model still conserves heat in the soil: the network can only add or remove energy at
 * the surface, by at most {@code maxAbs} W m-2 (a structure constraint).
 *
 * @param variable forcing variable corrected (e.g. LWdown)
 * @param maxAbs largest absolute correction, in the variable's unit
 */
public record ForcingCorrectionHead(String variable, double maxAbs) implements PhysicsHead {
  public ForcingCorrectionHead {
    if (!(maxAbs > 0) || !Double.isFinite(maxAbs)) {
      throw new IllegalArgumentException("largest correction must be > 0, got " + maxAbs);
    }
  }

  @Override
  public int width() {
    return 1;
  }

  /** The correction series. */
  public double[] correction(double[][] u) {
    double[] c = new double[u.length];
    for (int t = 0; t < u.length; t++) {
      c[t] = maxAbs * Math.tanh(u[t][0]);
    }
    return c;
  }

  @Override
  public ModelInput apply(ModelInput base, double[][] u) {
    Frame f = base.forcing();
    double[] v = f.values(variable);
    double[] c = correction(u);
    for (int t = 0; t < v.length; t++) {
      v[t] += c[t];
    }
    return new ModelInput(f.replace(f.spec(variable), v), base.parameters(), base.timeVarying(),
        base.outputs(), base.initialObservations());
  }

  @Override
  public double[][] chain(ParameterGradient g, double[][] u) {
    double[] gf = g.forcing().get(variable);
    if (gf == null) {
      throw new IllegalStateException("the mechanism's adjoint has no gradient for forcing "
          + variable);
    }
    double[][] d = new double[u.length][1];
    for (int t = 0; t < u.length; t++) {
      double th = Math.tanh(u[t][0]);
      d[t][0] = gf[t] * maxAbs * (1 - th * th);
    }
    return d;
  }

  @Override
  public double boundViolation(double[][] u) {
    double v = 0;
    for (double c : correction(u)) {
      v = Math.max(v, Math.abs(c) - maxAbs);
    }
    return Math.max(0, v);
  }
}
