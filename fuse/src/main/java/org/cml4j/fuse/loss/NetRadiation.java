package org.cml4j.fuse.loss;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * How a fusion network's net radiation Rn [W m-2] is formed for energy-balance terms and the
 * energy-conserving output layer: predicted directly ({@code Rnet}), from predicted upwelling
 * longwave {@code Rn = (1 - alpha) SWdown + LWdown - LWup}, or from a predicted surface temperature
 * {@code Rn = (1 - alpha) SWdown + eps (LWdown - sigma Ts^4)}, with the forcing inputs SWdown and
 * LWdown. The albedo is learned with the network as {@code alpha = sigmoid(a)} (so it stays in
 * (0, 1)), starting from a prior value; all terms and layers of one network share it.
 *
 * @param source which outputs Rn comes from
 * @param albedo prior (initial) albedo in (0, 1)
 * @param emissivity surface emissivity (for {@link Source#SURFTEMP})
 */
public record NetRadiation(Source source, double albedo, double emissivity) {
  /** Name of the shared trainable albedo logit. */
  public static final String ALBEDO_LOGIT = "albedo_logit";
  private static final double SIGMA = 5.67e-8;

  /** Where Rn comes from. */
  public enum Source { RNET, LWUP, SURFTEMP }

  public NetRadiation {
    if (!(albedo > 0 && albedo < 1) || !(emissivity > 0 && emissivity <= 1)) {
      throw new IllegalArgumentException("net radiation: albedo must be in (0, 1) and emissivity"
          + " in (0, 1], got " + albedo + ", " + emissivity);
    }
  }

  /**
   * The first available source: Rnet if it is an output, else LWup, else SurfTemp, the latter two
   * only if SWdown and LWdown are inputs.
   */
  public static Optional<NetRadiation> detect(List<String> outputs, List<String> features,
      double albedo, double emissivity) {
    boolean forcing = features.contains(Variables.SWDOWN) && features.contains(Variables.LWDOWN);
    Source s = outputs.contains(Variables.RNET) ? Source.RNET
        : forcing && outputs.contains(Variables.LWUP) ? Source.LWUP
        : forcing && outputs.contains(Variables.SURF_TEMP) ? Source.SURFTEMP : null;
    return Optional.ofNullable(s).map(x -> new NetRadiation(x, albedo, emissivity));
  }

  /** The output Rn is built from. */
  public VariableSpec output() {
    return switch (source) {
      case RNET -> new VariableSpec(Variables.RNET, "W m-2");
      case LWUP -> new VariableSpec(Variables.LWUP, "W m-2");
      case SURFTEMP -> new VariableSpec(Variables.SURF_TEMP, "K");
    };
  }

  /** Forcing inputs needed (empty for Rnet). */
  public List<String> features() {
    return source == Source.RNET ? List.of() : List.of(Variables.SWDOWN, Variables.LWDOWN);
  }

  /** True if the albedo is learned (Rn from LWup or SurfTemp). */
  public boolean learnsAlbedo() {
    return source != Source.RNET;
  }

  /**
   * Rn [rows, 1].
   *
   * @param sd the graph
   * @param output physical network output by name
   * @param feature raw input feature by name
   * @param scalar trainable scalar by name and initial value
   */
  public SDVariable build(SameDiff sd, Function<String, SDVariable> output,
      Function<String, SDVariable> feature, java.util.function.BiFunction<String, Double,
      SDVariable> scalar) {
    if (source == Source.RNET) {
      return output.apply(Variables.RNET);
    }
    SDVariable a = sd.nn().sigmoid(scalar.apply(ALBEDO_LOGIT, Math.log(albedo / (1 - albedo))));
    SDVariable sw = feature.apply(Variables.SWDOWN);
    SDVariable lw = feature.apply(Variables.LWDOWN);
    SDVariable rn = sw.sub(sw.mul(a));
    if (source == Source.LWUP) {
      return rn.add(lw).sub(output.apply(Variables.LWUP));
    }
    SDVariable ts = output.apply(Variables.SURF_TEMP);
    SDVariable ts2 = ts.mul(ts);
    return rn.add(lw.mul(emissivity)).sub(ts2.mul(ts2).mul(emissivity * SIGMA));
  }

  /** The learned albedo from the graph (the prior if not learned). */
  public double fittedAlbedo(SameDiff sd) {
    if (!learnsAlbedo() || !sd.hasVariable(ALBEDO_LOGIT)) {
      return albedo;
    }
    return 1 / (1 + Math.exp(-sd.getVariable(ALBEDO_LOGIT).getArr().getDouble(0)));
  }
}
