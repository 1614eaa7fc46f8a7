package org.cml4j.testbeds.twin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.testbeds.weather.Weather;

/**
 * The cascade twin's truth as a {@link TwinTruth}: the soil heat conduction + surface energy
 * balance model of Huang et al. (2025) ({@link LsmMechanism#huang2025()}) with two structural
 * differences from the model that is fitted: (1) its turbulent exchange coefficient grows by day,
 * {@code hbeta(t) = hbeta0 (1 + gain SWdown(t) / 800 W m-2)} (convective enhancement, which one
 * constant hbeta cannot represent), and (2) its turbulent flux is split into sensible and latent
 * heat with an evaporative fraction that falls with air temperature,
 * {@code Qle = EF max(QhQle, 0)}, {@code EF = clamp(0.75 - 0.03 (Tair - 288 K), 0.1, 0.9)},
 * {@code Qh = QhQle - Qle} (which the single hbeta cannot separate). The run starts from the
 * model's own initial profile at the start of the spin-up.
 *
 * @param parameters the model's constant parameters (alpha, lambda [W m-1 K-1], C [J m-3 K-1],
 *     hbeta = hbeta0 [W m-2 K-1], Tb [K], eps)
 * @param hbetaGain daytime gain of hbeta [-] (0: the fitted model's structure)
 * @param variables the variables the run produces (Qh and Qle by the split)
 */
public record SimpleColumnTruth(Map<String, Double> parameters, double hbetaGain,
    List<String> variables) implements TwinTruth<Frame> {
  public SimpleColumnTruth {
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    variables = List.copyOf(variables);
    if (!parameters.containsKey("hbeta")) {
      throw new IllegalArgumentException("simple twin truth needs hbeta; got " + parameters);
    }
  }

  @Override
  public Frame run(Weather weather, int spinUpHours) {
    Frame all = weather.forcingFrame()
        .select(List.of(Variables.SWDOWN, Variables.LWDOWN, Variables.TAIR));
    double[] sw = all.values(Variables.SWDOWN);
    double[] hb = new double[sw.length];
    for (int i = 0; i < hb.length; i++) {
      hb[i] = parameters.get("hbeta") * (1 + hbetaGain * sw[i] / 800);
    }
    List<String> sims = new ArrayList<>();
    for (String v : variables) {
      if (!v.equals(Variables.QH) && !v.equals(Variables.QLE)) {
        sims.add(v);
      }
    }
    if (!sims.contains(Variables.QHQLE)) {
      sims.add(Variables.QHQLE);
    }
    Map<String, Double> constants = new LinkedHashMap<>(parameters);
    constants.remove("hbeta");
    int end = weather.size();
    Frame out = LsmMechanism.huang2025().run(new ModelInput(all, constants, Map.of("hbeta", hb),
        sims, Map.of())).outputs().slice(spinUpHours, end);
    Frame forcing = all.slice(spinUpHours, end);
    double[] ta = forcing.values(Variables.TAIR);
    double[] turb = out.values(Variables.QHQLE);
    Frame clean = forcing.select(List.of());
    for (String v : variables) {
      double[] x;
      if (v.equals(Variables.QLE) || v.equals(Variables.QH)) {
        x = new double[turb.length];
        for (int i = 0; i < x.length; i++) {
          double ef = Math.max(0.1, Math.min(0.9, 0.75 - 0.03 * (ta[i] - 288)));
          double le = ef * Math.max(turb[i], 0);
          x[i] = v.equals(Variables.QLE) ? le : turb[i] - le;
        }
      } else {
        x = out.values(v);
      }
      clean = clean.with(VariableSpec.of(v), x);
    }
    return clean;
  }

  @Override
  public Frame frame(Frame run, Weather weather, List<String> variables) {
    return run.select(variables);
  }
}
