package org.cml4j.lsm.experiment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.estimation.Prior;

/**
 * The stated priors a site run can add ({@code --prior}), for the weakly identified parameters of a
 * fit on shallow soil temperatures (Tb and lambda trade off).
 *
 * <ul>
 *   <li>{@code tb-deep}: Tb ~ N(mean of the deepest fitted soil temperature over the fit period,
 *       {@link #TB_SD} K).</li>
 *   <li>{@code tb-air}: Tb ~ N(mean air temperature over the fit period, {@link #TB_SD} K).</li>
 *   <li>{@code texture}: ln lambda and ln C normal, with the mineral-soil ranges as +-2 sd:
 *       lambda 0.3-2.0 W m-1 K-1 (dry to saturated mineral soils, Farouki 1981, CRREL Monograph
 *       81-1; the Johansen scheme of Peters-Lidard et al. 1998, J. Atmos. Sci. 55, 1209), C 1.0-3.5
 *       MJ m-3 K-1 (de Vries 1963; Farouki 1981).</li>
 * </ul>
 * {@code all} is all three; {@code none} none. Terms combine as independent Gaussians.
 */
public final class SitePriors {
  /** The prior choices. */
  public enum Choice { TB_DEEP, TB_AIR, TEXTURE }

  /** Prior sd of Tb [K]. */
  public static final double TB_SD = 3.0;
  static final double LAMBDA_LO = 0.3;
  static final double LAMBDA_HI = 2.0;
  static final double C_LO = 1.0e6;
  static final double C_HI = 3.5e6;

  private SitePriors() {}

  /** Parses a comma list of none, tb-deep, tb-air, texture, all; fails with the allowed values. */
  public static Set<Choice> parse(String list) {
    Set<Choice> s = EnumSet.noneOf(Choice.class);
    for (String raw : list.split(",")) {
      String v = raw.trim().toLowerCase(Locale.ROOT);
      switch (v) {
        case "none": break;
        case "all": s.addAll(EnumSet.allOf(Choice.class)); break;
        case "tb-deep": s.add(Choice.TB_DEEP); break;
        case "tb-air": s.add(Choice.TB_AIR); break;
        case "texture": s.add(Choice.TEXTURE); break;
        default: throw new IllegalArgumentException("unknown prior '" + raw.trim()
            + "'; allowed: none, tb-deep, tb-air, texture, all (or a comma list)");
      }
    }
    return s;
  }

  /** The id of a set, e.g. "tb-deep,texture" or "none". */
  public static String id(Set<Choice> s) {
    if (s.isEmpty()) {
      return "none";
    }
    List<String> out = new ArrayList<>();
    for (Choice c : s) {
      out.add(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    return String.join(",", out);
  }

  /**
   * The prior for {@code choices}.
   *
   * @param deepMean window mean of the deepest fitted soil temperature [K] (NaN if none fitted)
   * @param deepName its variable name
   * @param airMean window mean air temperature [K]
   * @param weight prior weight w [K^2] ({@link Prior#DEFAULT_WEIGHT})
   */
  public static Prior build(Set<Choice> choices, double deepMean, String deepName, double airMean,
      double weight) {
    List<Prior.Term> t = new ArrayList<>();
    if (choices.contains(Choice.TB_DEEP)) {
      if (Double.isNaN(deepMean)) {
        throw new IllegalArgumentException("--prior tb-deep needs a fitted soil temperature"
            + " (--observe SoilTemp_<depth>); use tb-air or texture");
      }
      t.add(new Prior.Term(FitParam.TB, deepMean, TB_SD, false, "fit-period mean of " + deepName));
    }
    if (choices.contains(Choice.TB_AIR)) {
      t.add(new Prior.Term(FitParam.TB, airMean, TB_SD, false, "fit-period mean air temperature"));
    }
    if (choices.contains(Choice.TEXTURE)) {
      t.add(new Prior.Term(FitParam.LAMBDA, Math.sqrt(LAMBDA_LO * LAMBDA_HI),
          Math.log(LAMBDA_HI / LAMBDA_LO) / 4, true, "mineral soils 0.3-2.0 W m-1 K-1 as +-2 sd,"
              + " Farouki 1981"));
      t.add(new Prior.Term(FitParam.C, Math.sqrt(C_LO * C_HI), Math.log(C_HI / C_LO) / 4, true,
          "mineral soils 1.0-3.5 MJ m-3 K-1 as +-2 sd, de Vries 1963"));
    }
    return new Prior(t, weight);
  }
}
