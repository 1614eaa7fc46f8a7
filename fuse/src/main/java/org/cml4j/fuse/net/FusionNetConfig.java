package org.cml4j.fuse.net;

import java.util.Arrays;
import org.cml4j.core.spi.SettingsChecks;
import org.cml4j.fuse.loss.LossSpec.PhysicsRows;
import org.cml4j.fuse.loss.PhysicsWeights;

/**
 * Configuration of a {@link org.cml4j.fuse.objective.FusionNetCoupling}: which fusion elements are switched on; also the
 * typed settings of {@code fusion.physics-loss} (ranges: hidden widths [1, 4096], learningRate
 * (0, 1], l2 [0, 1]).
 *
 * @param layer output layer (free or energy-conserving, mode 9)
 * @param physics weights of the standard physics loss terms (mode 8); all zero = data only
 * @param physicsRows rows the physics terms act on
 * @param auxiliaryInputs whether the task's auxiliary variables (e.g. physics outputs from an
 *     upstream stage, mode 7) are network inputs
 * @param pretrain whether the network is first trained on physics simulations of the targets,
 *     read from auxiliary variables named {@code <target>_physics} (Read et al. 2019)
 * @param hidden hidden layer widths
 * @param learningRate Adam step size
 * @param l2 L2 penalty on weights
 */
public record FusionNetConfig(OutputLayer layer, PhysicsWeights physics, PhysicsRows physicsRows,
    boolean auxiliaryInputs, boolean pretrain, int[] hidden, double learningRate, double l2) {
  /** Suffix of auxiliary variables holding physics simulations of a target. */
  public static final String SIMULATION_SUFFIX = "_physics";

  public FusionNetConfig {
    SettingsChecks.present("layer", layer, java.util.Arrays.toString(OutputLayer.values()));
    SettingsChecks.present("physics", physics, "heatEquation, energyBalance, monotonic >= 0");
    SettingsChecks.present("physicsRows", physicsRows,
        java.util.Arrays.toString(PhysicsRows.values()));
    if (hidden == null || hidden.length < 1 || Arrays.stream(hidden).anyMatch(
        h -> h < 1 || h > 4096)) {
      throw new org.cml4j.core.spi.InvalidSettingException(null, "hidden",
          Arrays.toString(hidden), "1 or more layer widths in [1, 4096]");
    }
    SettingsChecks.openLow("learningRate", learningRate, 0, 1);
    SettingsChecks.range("l2", l2, 0, 1);
    hidden = hidden.clone();
  }

  /** Free outputs, no physics terms, auxiliary inputs, no pretraining: the plain network. */
  public static FusionNetConfig dataOnly() {
    return new FusionNetConfig(OutputLayer.FREE, PhysicsWeights.none(), PhysicsRows.ALL, true,
        false, new int[] {24, 24}, 1e-2, 1e-4);
  }

  /** The plain network plus the standard physics terms on all rows (mode 8). */
  public static FusionNetConfig physicsLoss() {
    return dataOnly().withPhysics(PhysicsWeights.standard());
  }

  /** The plain network with the energy-conserving output layer (mode 9). */
  public static FusionNetConfig energyConserving() {
    return dataOnly().withLayer(OutputLayer.ENERGY_CONSERVING);
  }

  @Override
  public int[] hidden() {
    return hidden.clone();
  }

  public FusionNetConfig withPhysics(PhysicsWeights w) {
    return new FusionNetConfig(layer, w, physicsRows, auxiliaryInputs, pretrain, hidden,
        learningRate, l2);
  }

  public FusionNetConfig withLayer(OutputLayer l) {
    return new FusionNetConfig(l, physics, physicsRows, auxiliaryInputs, pretrain, hidden,
        learningRate, l2);
  }

  public FusionNetConfig withPhysicsRows(PhysicsRows r) {
    return new FusionNetConfig(layer, physics, r, auxiliaryInputs, pretrain, hidden, learningRate,
        l2);
  }

  public FusionNetConfig withAuxiliaryInputs(boolean b) {
    return new FusionNetConfig(layer, physics, physicsRows, b, pretrain, hidden, learningRate, l2);
  }

  public FusionNetConfig withPretraining(boolean b) {
    return new FusionNetConfig(layer, physics, physicsRows, auxiliaryInputs, b, hidden,
        learningRate, l2);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FusionNetConfig c && layer == c.layer && physics.equals(c.physics)
        && physicsRows == c.physicsRows && auxiliaryInputs == c.auxiliaryInputs
        && pretrain == c.pretrain && Arrays.equals(hidden, c.hidden)
        && learningRate == c.learningRate && l2 == c.l2;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(layer, physics, physicsRows, auxiliaryInputs, pretrain,
        Arrays.hashCode(hidden), learningRate, l2);
  }

  @Override
  public String toString() {
    return "FusionNetConfig[" + layer + ", " + physics + ", rows " + physicsRows + ", aux "
        + auxiliaryInputs + ", pretrain " + pretrain + ", hidden " + Arrays.toString(hidden)
        + ", lr " + learningRate + ", l2 " + l2 + "]";
  }
}
