package org.cml4j.fuse.objective;

import java.util.ArrayList;
import java.util.List;
import org.cml4j.core.learn.Standardizer;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.vars.Variables;
import org.cml4j.fuse.loss.HeatEquationResidual;
import org.cml4j.fuse.net.FusionNetConfig;
import org.cml4j.fuse.net.FusionNetwork;

/**
 * Inputs of a {@link FusionNetCoupling}'s network taken from the task: which targets are observed,
 * the target scaling, the skip connection from physics inputs, the auxiliary simulations used for
 * pretraining and the physical priors (albedo, emissivity, diffusivity) of the physics terms.
 */
final class FusionNetInputs {
  private FusionNetInputs() {}

  static boolean observed(CouplingTask task, String t) {
    return task.observations().has(t)
        && task.observations().countValid(t, 0, task.split().trainEnd()) >= 2;
  }

  /**
   * A skip connection passing each {@code <target>_physics} input through to its target (in
   * z-score units), so a network with physics inputs starts at the physics and learns a
   * correction; null if no output has a physics input.
   */
  static FusionNetwork.Skip skip(List<String> outs, String residual,
      List<String> features, Standardizer fx, Standardizer fy) {
    List<String> head = new ArrayList<>(outs);
    head.remove(residual);
    double[][] m = new double[features.size()][head.size()];
    double[] b = new double[head.size()];
    boolean any = false;
    for (int j = 0; j < head.size(); j++) {
      int i = features.indexOf(head.get(j) + FusionNetConfig.SIMULATION_SUFFIX);
      int k = outs.indexOf(head.get(j));
      if (i >= 0) {
        m[i][j] = fx.scales()[i] / fy.scales()[k];
        b[j] = (fx.means()[i] - fy.means()[k]) / fy.scales()[k];
        any = true;
      }
    }
    return any ? new FusionNetwork.Skip(m, b) : null;
  }

  /**
   * Target scaling: training observations; else the target's physics simulation; else (an
   * unobserved profile temperature) the nearest observed profile temperature.
   */
  static Standardizer targetScaler(CouplingTask task, List<String> outs, double[][] y) {
    int tr = task.split().trainEnd();
    Standardizer obs = Standardizer.fitOnePass(y, 0, tr);
    double[] mu = obs.means();
    double[] sdv = obs.scales();
    for (int k = 0; k < outs.size(); k++) {
      String t = outs.get(k);
      if (observed(task, t)) {
        continue;
      }
      double[][] col;
      String sim = t + FusionNetConfig.SIMULATION_SUFFIX;
      if (task.auxiliary().has(sim)) {
        col = column(task.auxiliary().values(sim));
        Standardizer z = Standardizer.fitOnePass(col, 0, col.length);
        mu[k] = z.means()[0];
        sdv[k] = z.scales()[0];
      } else {
        double d = HeatEquationResidual.depth(t);
        int best = -1;
        for (int j = 0; j < outs.size(); j++) {
          if (observed(task, outs.get(j)) && Variables.isSoilTemperature(outs.get(j))
              && (best < 0 || Math.abs(HeatEquationResidual.depth(outs.get(j)) - d)
              < Math.abs(HeatEquationResidual.depth(outs.get(best)) - d))) {
            best = j;
          }
        }
        mu[k] = mu[best];
        sdv[k] = sdv[best];
      }
    }
    return Standardizer.of(mu, sdv);
  }

  private static double[][] column(double[] v) {
    double[][] m = new double[v.length][1];
    for (int i = 0; i < v.length; i++) {
      m[i][0] = v[i];
    }
    return m;
  }

  static double prior(CouplingTask task, String p, double fallback) {
    return task.knownParameters().getOrDefault(p, nominal(task.mechanism(), p, fallback));
  }

  /** Simulated targets [time][target] from auxiliary {@code <target>_physics} (NaN if absent). */
  static double[][] simulationMatrix(CouplingTask task, List<String> outs) {
    List<String> have = simulated(task);
    if (have.isEmpty()) {
      throw new IllegalArgumentException("pretraining needs auxiliary simulations of the targets"
          + " named <target>" + FusionNetConfig.SIMULATION_SUFFIX + " (e.g. from a physics stage);"
          + " the task's auxiliary variables are " + task.auxiliary().names());
    }
    int n = task.split().size();
    double[][] m = new double[n][outs.size()];
    for (int k = 0; k < outs.size(); k++) {
      String v = outs.get(k) + FusionNetConfig.SIMULATION_SUFFIX;
      double[] c = task.auxiliary().has(v) ? task.auxiliary().values(v) : null;
      for (int i = 0; i < n; i++) {
        m[i][k] = c == null ? Double.NaN : c[i];
      }
    }
    return m;
  }

  static List<String> simulated(CouplingTask task) {
    List<String> l = new ArrayList<>();
    for (String t : task.targets()) {
      if (task.auxiliary().has(t + FusionNetConfig.SIMULATION_SUFFIX)) {
        l.add(t);
      }
    }
    return l;
  }

  /** Initial diffusivity lambda / C [m2 s-1]: known parameters, else the mechanism's nominal. */
  static double diffusivity(CouplingTask task) {
    MechanismModel m = task.mechanism();
    double lambda = task.knownParameters().getOrDefault("lambda", nominal(m, "lambda", 0.8));
    double c = task.knownParameters().getOrDefault("C", nominal(m, "C", 2.2e6));
    return lambda / c;
  }

  private static double nominal(MechanismModel m, String p, double fallback) {
    return m.parameters().stream().filter(i -> i.name().equals(p)).findFirst()
        .map(i -> i.nominal()).orElse(fallback);
  }
}
