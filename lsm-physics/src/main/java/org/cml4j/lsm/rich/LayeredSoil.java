package org.cml4j.lsm.rich;

import java.util.List;

/**
 * A layered soil whose conductivity depends on moisture through the Kersten number (Johansen
 * 1975, as simplified by Lu et al. 2007): {@code lambda = lambdaDry + (lambdaSat - lambdaDry) Ke},
 * {@code Ke = sqrt(theta / porosity)}; heat capacity from the solid and water fractions (de Vries
 * 1963): {@code C = cSolid (1 - porosity) + 4.18e6 theta}. Water content is clipped to
 * [0, porosity].
 *
 * @param layers layers from the surface down, each to its {@code bottom} depth; the last layer
 *     extends to any depth
 */
public record LayeredSoil(List<Layer> layers) implements SoilProperties {
  /** Volumetric heat capacity of liquid water [J m-3 K-1]. */
  public static final double WATER_HEAT_CAPACITY = 4.18e6;

  /**
   * One soil layer.
   *
   * @param bottom depth of the layer's lower boundary [m]
   * @param lambdaDry dry conductivity [W m-1 K-1]
   * @param lambdaSat saturated conductivity [W m-1 K-1]
   * @param porosity porosity [m3 m-3] in (0, 1)
   * @param cSolid volumetric heat capacity of the solid matrix [J m-3 K-1]
   */
  public record Layer(double bottom, double lambdaDry, double lambdaSat, double porosity,
      double cSolid) {
    public Layer {
      if (!(bottom > 0) || !(lambdaDry > 0) || !(lambdaSat >= lambdaDry) || !(porosity > 0)
          || !(porosity < 1) || !(cSolid > 0)) {
        throw new IllegalArgumentException("soil layer: need bottom > 0 m, 0 < lambdaDry <="
            + " lambdaSat, 0 < porosity < 1, cSolid > 0; got bottom " + bottom + ", lambda "
            + lambdaDry + ".." + lambdaSat + ", porosity " + porosity + ", cSolid " + cSolid);
      }
    }
  }

  public LayeredSoil {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("layered soil needs at least one layer");
    }
    for (int i = 1; i < layers.size(); i++) {
      if (!(layers.get(i).bottom() > layers.get(i - 1).bottom())) {
        throw new IllegalArgumentException("soil layers must be ordered by depth: layer " + i
            + " bottom " + layers.get(i).bottom() + " m is not below "
            + layers.get(i - 1).bottom());
      }
    }
    layers = List.copyOf(layers);
  }

  /**
   * A three-layer agricultural profile: sandy loam to 0.1 m, silt loam to 0.4 m, clay loam below.
   * Mean conductivity about 0.8–1.6 W m-1 K-1 between dry and wet states.
   */
  public static LayeredSoil threeLayer() {
    return new LayeredSoil(List.of(new Layer(0.10, 0.30, 1.80, 0.42, 2.0e6),
        new Layer(0.40, 0.35, 1.50, 0.45, 2.1e6), new Layer(100, 0.45, 1.30, 0.48, 2.2e6)));
  }

  /** The layer containing {@code depth}. */
  public Layer layerAt(double depth) {
    for (Layer l : layers) {
      if (depth < l.bottom()) {
        return l;
      }
    }
    return layers.get(layers.size() - 1);
  }

  @Override
  public double conductivity(double depth, double moisture) {
    Layer l = layerAt(depth);
    double sr = Math.max(0, Math.min(1, moisture / l.porosity()));
    return l.lambdaDry() + (l.lambdaSat() - l.lambdaDry()) * Math.sqrt(sr);
  }

  @Override
  public double heatCapacity(double depth, double moisture) {
    Layer l = layerAt(depth);
    double th = Math.max(0, Math.min(l.porosity(), moisture));
    return l.cSolid() * (1 - l.porosity()) + WATER_HEAT_CAPACITY * th;
  }
}
