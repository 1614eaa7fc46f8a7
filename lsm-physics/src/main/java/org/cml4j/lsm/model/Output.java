package org.cml4j.lsm.model;

import java.util.Locale;

/**
 * A model output, evaluated at every time level from the soil state and that level's parameters and
 * forcing. Names follow the ALMA convention used by the data readers:
 * <ul>
 *   <li>{@code SoilTemp_<depth m>} soil temperature [K], linearly interpolated between nodes;</li>
 *   <li>{@code SurfTemp} surface (node 0) temperature Ts [K];</li>
 *   <li>{@code Qg} ground heat flux G = (1-alpha)Kdown + Ldown - eps sigma Ts^4 - hbeta (Ts-Ta) [W m-2];</li>
 *   <li>{@code LWup} emitted plus reflected longwave eps sigma Ts^4 + (1-eps) Ldown [W m-2];</li>
 *   <li>{@code QhQle} turbulent flux QH+QE = hbeta (Ts - Ta) [W m-2];</li>
 *   <li>{@code Rnet} the model's net radiation (1-alpha)Kdown + Ldown - eps sigma Ts^4 [W m-2], so that
 *   Rnet = Qg + QhQle exactly. Note the model absorbs all of Ldown: radiometric net radiation
 *   (1-alpha)Kdown + Ldown - LWup differs from it by (1-eps) Ldown.</li>
 * </ul>
 *
 * @param kind what is output
 * @param depth depth [m] for {@link Kind#SOIL_TEMPERATURE}, 0 otherwise
 */
public record Output(Kind kind, double depth) {

  /** Stefan–Boltzmann constant as used by Huang et al. (2025) [W m-2 K-4]. */
  public static final double SIGMA = 5.67e-8;

  /** Output kinds. */
  public enum Kind { SOIL_TEMPERATURE, SURFACE_TEMPERATURE, GROUND_HEAT_FLUX, LONGWAVE_UP,
    TURBULENT_FLUX, NET_RADIATION }

  public static final Output SURFACE_TEMPERATURE = new Output(Kind.SURFACE_TEMPERATURE, 0);
  public static final Output GROUND_HEAT_FLUX = new Output(Kind.GROUND_HEAT_FLUX, 0);
  public static final Output LONGWAVE_UP = new Output(Kind.LONGWAVE_UP, 0);
  public static final Output TURBULENT_FLUX = new Output(Kind.TURBULENT_FLUX, 0);
  public static final Output NET_RADIATION = new Output(Kind.NET_RADIATION, 0);

  public Output {
    if (kind == Kind.SOIL_TEMPERATURE && !(depth >= 0)) {
      throw new IllegalArgumentException("soil temperature depth must be >= 0 m, got " + depth);
    }
  }

  /**
   * Radiometric surface temperature [K] implied by upwelling longwave radiation, inverting the
   * {@link Kind#LONGWAVE_UP} output LWup = eps sigma Ts^4 + (1 - eps) LWdown with the default
   * emissivity {@link ColumnParameters#DEFAULT_EPS} (0.95).
   *
   * @param lwup upwelling longwave [W m-2]
   * @param ldown downwelling longwave [W m-2], as long as {@code lwup}
   */
  public static double[] surfaceTemperatureFromLwup(double[] lwup, double[] ldown) {
    double eps = ColumnParameters.DEFAULT_EPS;
    double[] ts = new double[lwup.length];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = Math.pow((lwup[i] - (1 - eps) * ldown[i]) / (eps * SIGMA), 0.25);
    }
    return ts;
  }

  /** Soil temperature at {@code depth} metres. */
  public static Output soilTemperature(double depth) {
    return new Output(Kind.SOIL_TEMPERATURE, depth);
  }

  /** Parses an ALMA-style name (see class doc); fails listing the accepted names. */
  public static Output parse(String name) {
    String n = name.trim();
    if (n.startsWith("SoilTemp_")) {
      try {
        return soilTemperature(Double.parseDouble(n.substring("SoilTemp_".length())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad soil depth in output name '" + name + "'");
      }
    }
    switch (n) {
      case "SurfTemp": case "Ts": return SURFACE_TEMPERATURE;
      case "Qg": case "G": return GROUND_HEAT_FLUX;
      case "LWup": return LONGWAVE_UP;
      case "QhQle": case "Qh+Qle": return TURBULENT_FLUX;
      case "Rnet": return NET_RADIATION;
      default:
        throw new IllegalArgumentException("unknown output '" + name + "'; known: SoilTemp_<depth m>,"
            + " SurfTemp, Qg, LWup, QhQle, Rnet");
    }
  }

  /** ALMA-style name. */
  public String name() {
    switch (kind) {
      case SOIL_TEMPERATURE: return "SoilTemp_" + formatDepth(depth);
      case SURFACE_TEMPERATURE: return "SurfTemp";
      case GROUND_HEAT_FLUX: return "Qg";
      case LONGWAVE_UP: return "LWup";
      case TURBULENT_FLUX: return "QhQle";
      default: return "Rnet";
    }
  }

  /** Unit of the output. */
  public String unit() {
    return kind == Kind.SOIL_TEMPERATURE || kind == Kind.SURFACE_TEMPERATURE ? "K" : "W m-2";
  }

  /** Depth formatted with minimal digits (0.05, 0.32). */
  public static String formatDepth(double d) {
    String s = String.format(Locale.ROOT, "%.4f", d);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s + "0" : s;
  }

  @Override
  public String toString() {
    return name();
  }
}
