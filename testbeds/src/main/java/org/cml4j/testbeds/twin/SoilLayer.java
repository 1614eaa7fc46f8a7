package org.cml4j.testbeds.twin;

/**
 * One soil horizon of the structural twin's truth model, with moisture-dependent thermal
 * properties. With saturation {@code S = theta / porosity}:
 * <pre>
 *   C(S)      = (1 - porosity) Csolid + 4.18e6 S porosity                   [J m-3 K-1]
 *   lambda(S) = lambdaDry + (lambdaSat - lambdaDry) Ke(S),
 *   Ke(S)     = max(0, 1 + log10(max(S, 0.1)))           (Johansen 1975, fine soil)
 * </pre>
 *
 * @param name horizon name
 * @param bottom depth of the horizon's lower boundary [m]
 * @param porosity volumetric porosity [m3 m-3]
 * @param lambdaDry dry thermal conductivity [W m-1 K-1]
 * @param lambdaSat saturated thermal conductivity [W m-1 K-1]
 * @param solidHeatCapacity volumetric heat capacity of the mineral solids [J m-3 K-1]
 * @param initialSaturation saturation at the start of the spin-up [0, 1]
 * @param rootShare share of evapotranspiration drawn from this horizon (shares sum to 1)
 * @param dynamic true if its water store evolves (a bucket), false for fixed moisture
 */
public record SoilLayer(String name, double bottom, double porosity, double lambdaDry,
    double lambdaSat, double solidHeatCapacity, double initialSaturation, double rootShare,
    boolean dynamic) {
  /** Volumetric heat capacity of liquid water [J m-3 K-1]. */
  public static final double WATER_HEAT_CAPACITY = 4.18e6;

  public SoilLayer {
    if (!(bottom > 0) || !(porosity > 0 && porosity < 1) || !(lambdaDry > 0)
        || !(lambdaSat >= lambdaDry) || !(solidHeatCapacity > 0)
        || !(initialSaturation >= 0 && initialSaturation <= 1)
        || !(rootShare >= 0 && rootShare <= 1)) {
      throw new IllegalArgumentException("soil layer " + name + ": need bottom > 0 m, porosity in"
          + " (0, 1), 0 < lambdaDry <= lambdaSat, solid heat capacity > 0, saturation and root"
          + " share in [0, 1]; got bottom " + bottom + ", porosity " + porosity + ", lambda "
          + lambdaDry + ".." + lambdaSat + ", Csolid " + solidHeatCapacity + ", S0 "
          + initialSaturation + ", root share " + rootShare);
    }
  }

  /** Volumetric heat capacity at saturation {@code s} [J m-3 K-1]. */
  public double heatCapacity(double s) {
    return (1 - porosity) * solidHeatCapacity + WATER_HEAT_CAPACITY * s * porosity;
  }

  /** Thermal conductivity at saturation {@code s} [W m-1 K-1]. */
  public double conductivity(double s) {
    double ke = Math.max(0, 1 + Math.log10(Math.max(s, 0.1)));
    return lambdaDry + (lambdaSat - lambdaDry) * ke;
  }
}
