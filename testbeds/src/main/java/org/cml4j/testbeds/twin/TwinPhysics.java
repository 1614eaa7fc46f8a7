package org.cml4j.testbeds.twin;

import java.util.List;

/**
 * The "truth" configuration of the structural-twin tasks: physics the simple soil-column model of
 * Huang et al. (2025) lacks. See {@link StructuralTwinModel} for the equations.
 *
 * @param layers soil horizons from the surface down; the last one reaches the column bottom
 * @param albedo surface shortwave albedo [-]
 * @param eps surface emissivity [-] (also the absorptivity for LWdown)
 * @param tb bottom (Dirichlet) temperature at the column base [K]
 * @param fieldCapacity saturation above which a bucket drains [-]
 * @param wiltingPoint saturation at which the surface is fully water-stressed (Bowen ratio
 *     {@code bowenDry}) [-]
 * @param residualSaturation saturation below which no water is extracted [-]
 * @param drainageTime e-folding time of drainage above field capacity [s]
 * @param bowenWet daytime Bowen ratio QH/QE of a well-watered surface [-]
 * @param bowenDry daytime Bowen ratio at the wilting point [-]
 * @param bowenNight night-time Bowen ratio [-]
 * @param afternoonRise relative rise of the daytime Bowen ratio towards 15 h (stomatal closure) [-]
 * @param rhoCp volumetric heat capacity of air [J m-3 K-1]
 * @param transferCoefficient bulk heat transfer coefficient C_H [-]
 * @param convectiveVelocity extra velocity scale of daytime convection [m s-1]
 */
public record TwinPhysics(List<SoilLayer> layers, double albedo, double eps, double tb,
    double fieldCapacity, double wiltingPoint, double residualSaturation, double drainageTime,
    double bowenWet, double bowenDry, double bowenNight, double afternoonRise, double rhoCp,
    double transferCoefficient, double convectiveVelocity) {
  /** Latent heat of vaporisation [J kg-1]. */
  public static final double LATENT_HEAT = 2.45e6;

  public TwinPhysics {
    layers = List.copyOf(layers);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("twin physics needs at least one soil layer");
    }
    for (int i = 1; i < layers.size(); i++) {
      if (!(layers.get(i).bottom() > layers.get(i - 1).bottom())) {
        throw new IllegalArgumentException("soil layer " + layers.get(i).name()
            + " must lie below " + layers.get(i - 1).name());
      }
    }
    if (!(albedo >= 0 && albedo < 1) || !(eps > 0.5 && eps <= 1) || !(tb > 200 && tb < 350)) {
      throw new IllegalArgumentException("twin physics: albedo " + albedo + " (allowed [0, 1)),"
          + " eps " + eps + " (allowed (0.5, 1]), Tb " + tb + " K (allowed (200, 350))");
    }
    if (!(residualSaturation >= 0 && residualSaturation < wiltingPoint
        && wiltingPoint < fieldCapacity && fieldCapacity <= 1) || !(drainageTime > 0)) {
      throw new IllegalArgumentException("twin physics: need 0 <= residual < wilting point <"
          + " field capacity <= 1 and drainage time > 0, got " + residualSaturation + ", "
          + wiltingPoint + ", " + fieldCapacity + ", " + drainageTime + " s");
    }
    if (!(bowenWet > 0 && bowenDry >= bowenWet && bowenNight > 0 && afternoonRise >= 0
        && rhoCp > 0 && transferCoefficient > 0 && convectiveVelocity >= 0)) {
      throw new IllegalArgumentException("twin physics: Bowen ratios must be > 0 with dry >= wet,"
          + " exchange parameters > 0");
    }
  }

  /**
   * The standard truth (version 1): loam topsoil 0–0.05 m, silt-loam subsoil 0.05–0.4 m (both
   * buckets), clay-loam substratum 0.4–1 m at fixed 85 % saturation; albedo 0.18, eps 0.95,
   * Tb 290.5 K; field capacity 0.75, wilting point 0.35 (saturation); Bowen ratio 0.3 (wet)
   * to 5 (dry), 1.5 at night, +40 % towards 15 h;
   * C_H 0.0035 with 1.5 m s-1 convective velocity by day.
   */
  public static TwinPhysics standard() {
    return new TwinPhysics(List.of(
        new SoilLayer("topsoil (loam)", 0.05, 0.45, 0.25, 1.5, 1.9e6, 0.55, 0.6, true),
        new SoilLayer("subsoil (silt loam)", 0.40, 0.42, 0.30, 1.9, 2.0e6, 0.65, 0.4, true),
        new SoilLayer("substratum (clay loam)", 1.0, 0.38, 0.35, 2.1, 2.1e6, 0.85, 0.0, false)),
        0.18, 0.95, 290.5, 0.75, 0.35, 0.05, 2 * 86400.0, 0.3, 5.0, 1.5, 0.4, 1200, 0.0035, 1.5);
  }

  /** Index of the layer containing depth {@code z} (the surface belongs to the first). */
  public int layerAt(double z) {
    for (int j = 0; j < layers.size(); j++) {
      if (z <= layers.get(j).bottom() + 1e-12) {
        return j;
      }
    }
    return layers.size() - 1;
  }

  /** Water-stress factor beta(S) = clamp((S - wilting) / (field capacity - wilting), 0, 1). */
  public double waterStress(double s) {
    return Math.max(0, Math.min(1, (s - wiltingPoint) / (fieldCapacity - wiltingPoint)));
  }
}
