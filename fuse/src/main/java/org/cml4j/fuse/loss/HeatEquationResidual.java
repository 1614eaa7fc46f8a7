package org.cml4j.fuse.loss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Residual of the discretised 1-D heat equation {@code dT/dt = kappa d2T/dz2} on a predicted
 * soil-temperature profile, with the backward-Euler step of the mechanism model (Huang et al. 2025)
 * and the three-point second difference on a non-uniform grid:
 * <pre>
 *   r_i(t) = T_i(t) - T_i(t-1)
 *            - kappa dt * 2/(h- + h+) [(T_{i+1} - T_i)/h+ - (T_i - T_{i-1})/h-](t)
 * </pre>
 * for every interior depth i of the profile and every pair of consecutive rows whose later row is a
 * physics row; the term is {@code mean(r^2) / scale^2} [K^2 / K^2]. The diffusivity
 * {@code kappa = lambda / C} [m2 s-1] is fixed or learned jointly with the network (as
 * {@code exp(log kappa)}, physics-informed-network style). The profile is given by output names
 * ordered by depth: {@code SurfTemp} (depth 0) or, for networks that predict upwelling longwave
 * instead, {@code LWup} (depth 0, read as the radiometric surface temperature
 * {@code Ts = ((LWup - (1 - eps) LWdown) / (eps sigma))^(1/4)} with the LWdown input), and
 * {@code SoilTemp_<z>}. The coarse observation spacing makes the discrete residual of even the
 * true profile non-zero (truncation error, and the soil is not uniform), so the scale should not
 * be smaller than that.
 *
 * @param temperatures output names ordered by increasing depth (at least 3)
 * @param diffusivity (initial) thermal diffusivity [m2 s-1], > 0
 * @param learnDiffusivity whether kappa is trained with the network
 * @param emissivity surface emissivity (for a surface temperature from LWup)
 * @param scale residual scale [K], > 0
 * @param weight weight in the loss, >= 0
 */
public record HeatEquationResidual(List<String> temperatures, double diffusivity,
    boolean learnDiffusivity, double emissivity, double scale, double weight)
    implements PhysicsTerm {
  private static final String LOG_KAPPA = "heat_log_kappa";
  private static final double SIGMA = 5.67e-8;

  public HeatEquationResidual {
    temperatures = List.copyOf(temperatures);
  }

  /**
   * The profile among {@code outputs}, sorted by depth: SurfTemp, or else LWup when LWdown is an
   * input, then the soil temperatures.
   */
  public static List<String> profile(List<String> outputs, List<String> features) {
    List<String> p = new ArrayList<>();
    if (outputs.contains(Variables.SURF_TEMP)) {
      p.add(Variables.SURF_TEMP);
    } else if (outputs.contains(Variables.LWUP) && features.contains(Variables.LWDOWN)) {
      p.add(Variables.LWUP);
    }
    outputs.stream().filter(Variables::isSoilTemperature)
        .sorted((a, b) -> Double.compare(depth(a), depth(b))).forEach(p::add);
    return p;
  }

  /** True for names that can be part of a profile (SurfTemp, LWup, SoilTemp_z). */
  public static boolean isProfileVariable(String name) {
    return name.equals(Variables.SURF_TEMP) || name.equals(Variables.LWUP)
        || Variables.isSoilTemperature(name);
  }

  /** Depth [m] of a profile variable: 0 for SurfTemp and LWup, z for SoilTemp_z. */
  public static double depth(String name) {
    return name.equals(Variables.SURF_TEMP) || name.equals(Variables.LWUP) ? 0
        : Variables.depthOf(name);
  }

  @Override
  public String name() {
    return "heat-equation";
  }

  @Override
  public List<VariableSpec> requiredOutputs() {
    return temperatures.stream().map(t -> new VariableSpec(t, t.equals(Variables.LWUP) ? "W m-2"
        : "K")).toList();
  }

  @Override
  public List<String> requiredFeatures() {
    return temperatures.contains(Variables.LWUP) ? List.of(Variables.LWDOWN) : List.of();
  }

  @Override
  public List<String> problems(List<VariableSpec> outputs) {
    List<String> p = new ArrayList<>();
    if (temperatures.size() < 3) {
      p.add("heat-equation residual needs a profile of at least 3 temperatures (surface and soil"
          + " depths), got " + temperatures);
      return p;
    }
    double prev = -1;
    for (String t : temperatures) {
      if (!isProfileVariable(t)) {
        p.add("heat-equation residual: " + t + " is not a profile temperature (SurfTemp, LWup or"
            + " SoilTemp_<depth m>)");
        return p;
      }
      double d = depth(t);
      if (!(d > prev)) {
        p.add("heat-equation residual: profile depths must increase strictly, got "
            + temperatures);
        return p;
      }
      prev = d;
    }
    if (!(emissivity > 0 && emissivity <= 1)) {
      p.add("heat-equation residual: emissivity must be in (0, 1], got " + emissivity);
    }
    if (!(diffusivity > 0) || !Double.isFinite(diffusivity)) {
      p.add("heat-equation residual: diffusivity must be > 0 m2 s-1, got " + diffusivity);
    }
    return p;
  }

  @Override
  public SDVariable build(TermContext ctx) {
    SameDiff sd = ctx.sd();
    int n = ctx.rows();
    int interior = temperatures.size() - 2;
    // the outputs, plus a radiometric surface temperature column when the profile starts at LWup
    int cols = ctx.outputCount();
    SDVariable all = ctx.outputs();
    boolean fromLongwave = temperatures.get(0).equals(Variables.LWUP);
    if (fromLongwave) {
      SDVariable ts = sd.math().pow(ctx.output(Variables.LWUP).sub(ctx.feature(Variables.LWDOWN)
          .mul(1 - emissivity)).div(emissivity * SIGMA), 0.25);
      all = sd.concat(1, all, ts);
      cols++;
    }
    // constant matrices mapping all columns to the interior temperatures and their Laplacians
    double[][] pick = new double[cols][interior];
    double[][] lap = new double[cols][interior];
    for (int i = 1; i <= interior; i++) {
      double hm = depth(temperatures.get(i)) - depth(temperatures.get(i - 1));
      double hp = depth(temperatures.get(i + 1)) - depth(temperatures.get(i));
      pick[column(ctx, i, cols)][i - 1] = 1;
      lap[column(ctx, i - 1, cols)][i - 1] += 2 / (hm * (hm + hp));
      lap[column(ctx, i, cols)][i - 1] -= 2 / (hm * hp);
      lap[column(ctx, i + 1, cols)][i - 1] += 2 / (hp * (hm + hp));
    }
    SDVariable t = all.mmul(ctx.constant(pick));
    SDVariable l = sd.slice(all, new int[] {1, 0}, n - 1, cols).mmul(ctx.constant(lap));
    SDVariable dT = sd.slice(t, new int[] {1, 0}, n - 1, interior)
        .sub(sd.slice(t, new int[] {0, 0}, n - 1, interior));
    SDVariable kappaDt = learnDiffusivity
        ? sd.math().exp(ctx.trainableScalar(LOG_KAPPA, Math.log(diffusivity))).mul(
            ctx.stepSeconds())
        : sd.constant(org.nd4j.linalg.factory.Nd4j.scalar(diffusivity * ctx.stepSeconds()));
    SDVariable r = dT.sub(l.mul(kappaDt));
    return r.mul(r).mul(ctx.pairWeights()).sum().mul(1 / (interior * scale * scale));
  }

  /** Column of profile entry i: the derived surface column for LWup, else the output's. */
  private int column(TermContext ctx, int i, int cols) {
    String name = temperatures.get(i);
    return name.equals(Variables.LWUP) ? cols - 1 : ctx.index(name);
  }

  @Override
  public Map<String, Double> fitted(SameDiff sd) {
    if (!learnDiffusivity || !sd.hasVariable(LOG_KAPPA)) {
      return Map.of("kappa", diffusivity);
    }
    return Map.of("kappa", Math.exp(sd.getVariable(LOG_KAPPA).getArr().getDouble(0)));
  }

  @Override
  public PhysicsTerm withWeight(double w) {
    return new HeatEquationResidual(temperatures, diffusivity, learnDiffusivity, emissivity, scale,
        w);
  }
}
