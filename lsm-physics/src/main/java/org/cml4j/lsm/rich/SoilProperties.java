package org.cml4j.lsm.rich;

/**
 * Soil thermal properties as functions of depth and volumetric water content, for the richer
 * "truth" column ({@link RichColumnModel}). The simple model of Huang, Heaney &amp; van Reeuwijk
 * (2025) has one constant conductivity and heat capacity; implementations here may vary both with
 * depth (layered soil) and with moisture (e.g. Johansen 1975 conductivity, de Vries 1963 heat
 * capacity).
 */
public interface SoilProperties {
  /** Thermal conductivity [W m-1 K-1] at {@code depth} [m] and moisture [m3 m-3]. */
  double conductivity(double depth, double moisture);

  /** Volumetric heat capacity [J m-3 K-1] at {@code depth} [m] and moisture [m3 m-3]. */
  double heatCapacity(double depth, double moisture);

  /** True if neither property depends on moisture (lets the model skip hourly updates). */
  default boolean moistureIndependent() {
    return false;
  }

  /** Homogeneous, moisture-independent soil: the simple model's lambda and C. */
  static SoilProperties uniform(double lambda, double heatCapacity) {
    if (!(lambda > 0) || !(heatCapacity > 0)) {
      throw new IllegalArgumentException("uniform soil needs lambda > 0 W m-1 K-1 and C > 0"
          + " J m-3 K-1, got " + lambda + ", " + heatCapacity);
    }
    return new SoilProperties() {
      @Override
      public double conductivity(double depth, double moisture) {
        return lambda;
      }

      @Override
      public double heatCapacity(double depth, double moisture) {
        return heatCapacity;
      }

      @Override
      public boolean moistureIndependent() {
        return true;
      }

      @Override
      public String toString() {
        return "uniform soil (lambda " + lambda + " W m-1 K-1, C " + heatCapacity + " J m-3 K-1)";
      }
    };
  }
}
