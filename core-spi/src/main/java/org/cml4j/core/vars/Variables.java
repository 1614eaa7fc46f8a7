package org.cml4j.core.vars;

import java.util.Locale;
import java.util.Map;

/**
 * The standard variable vocabulary of cml4j (ALMA names, SI units) and helpers for soil-temperature
 * names. Unknown names are allowed in frames as long as they carry a unit; {@link #unitOf} only
 * knows the standard ones.
 */
public final class Variables {
  public static final String SWDOWN = "SWdown";
  public static final String LWDOWN = "LWdown";
  public static final String TAIR = "Tair";
  public static final String QH = "Qh";
  public static final String QLE = "Qle";
  public static final String QG = "Qg";
  public static final String RNET = "Rnet";
  public static final String LWUP = "LWup";
  public static final String QHQLE = "QhQle";
  public static final String SURF_TEMP = "SurfTemp";
  public static final String SOIL_TEMP_PREFIX = "SoilTemp_";

  private static final Map<String, String> UNITS = Map.ofEntries(
      Map.entry(SWDOWN, "W m-2"), Map.entry(LWDOWN, "W m-2"), Map.entry(TAIR, "K"),
      Map.entry(QH, "W m-2"), Map.entry(QLE, "W m-2"), Map.entry(QG, "W m-2"),
      Map.entry(RNET, "W m-2"), Map.entry(LWUP, "W m-2"), Map.entry(QHQLE, "W m-2"),
      Map.entry(SURF_TEMP, "K"), Map.entry("SWup", "W m-2"), Map.entry("Rainf", "kg m-2 s-1"),
      Map.entry("Qair", "kg kg-1"), Map.entry("Wind", "m s-1"), Map.entry("PSurf", "Pa"),
      Map.entry("SoilMoist", "m3 m-3"));

  private Variables() {}

  /** Unit of a standard variable; throws naming the known variables otherwise. */
  public static String unitOf(String name) {
    if (isSoilTemperature(name)) {
      depthOf(name);
      return "K";
    }
    String u = UNITS.get(name);
    if (u == null) {
      throw new IllegalArgumentException("unknown standard variable '" + name + "'; known: "
          + new java.util.TreeSet<>(UNITS.keySet()) + " and SoilTemp_<depth m>; give a unit"
          + " explicitly with new VariableSpec(name, unit) for other variables");
    }
    return u;
  }

  /** True for names of the form {@code SoilTemp_<depth in m>}. */
  public static boolean isSoilTemperature(String name) {
    return name.startsWith(SOIL_TEMP_PREFIX);
  }

  /** Depth in metres of a {@code SoilTemp_<depth>} name. */
  public static double depthOf(String soilTempName) {
    try {
      double d = Double.parseDouble(soilTempName.substring(SOIL_TEMP_PREFIX.length()));
      if (!(d >= 0)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("bad soil-temperature name '" + soilTempName
          + "': expected SoilTemp_<depth in m >= 0>, e.g. SoilTemp_0.05");
    }
  }

  /** {@code SoilTemp_<depth>} with the depth printed without trailing zeros (0.05, 0.1, 1.0). */
  public static String soilTemperature(double depthMetres) {
    String s = String.format(Locale.ROOT, "%.4f", depthMetres).replaceAll("0+$", "");
    return SOIL_TEMP_PREFIX + (s.endsWith(".") ? s + "0" : s);
  }
}
