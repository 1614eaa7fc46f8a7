package org.cml4j.core.toy;

import java.util.List;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ModelRun;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;

/**
 * A third-party mechanism for tests: Newtonian cooling of a surface towards the air temperature,
 * {@code T(k+1) = T(k) + dt * k_rate * (Tair(k) - T(k))} with dt = 1 h, T(0) = Tair(0) + offset.
 * Shows the SPI is not tied to the land-surface model.
 */
public final class CoolingMechanism implements MechanismModel {
  @Override
  public String name() {
    return "toy-cooling";
  }

  @Override
  public List<ParameterInfo> parameters() {
    return List.of(new ParameterInfo("rate", "h-1", 1e-3, 1, 0.2, true, "relaxation rate"),
        new ParameterInfo("offset", "K", -20, 20, 0, false, "initial offset"));
  }

  @Override
  public List<VariableSpec> forcing() {
    return List.of(VariableSpec.of("Tair"));
  }

  @Override
  public boolean canSimulate(String variable) {
    return variable.equals("SurfTemp");
  }

  @Override
  public boolean differentiable() {
    return true;
  }

  @Override
  public ModelRun run(ModelInput in) {
    double rate = in.parameters().getOrDefault("rate", 0.2);
    double offset = in.parameters().getOrDefault("offset", 0.0);
    double[] ta = in.forcing().values("Tair");
    int n = ta.length;
    double[] t = new double[n];
    double[] dRate = new double[n];
    double[] dOff = new double[n];
    t[0] = ta[0] + offset;
    dOff[0] = 1;
    for (int k = 0; k + 1 < n; k++) {
      t[k + 1] = t[k] + rate * (ta[k] - t[k]);
      dRate[k + 1] = dRate[k] + (ta[k] - t[k]) - rate * dRate[k];
      dOff[k + 1] = dOff[k] - rate * dOff[k];
    }
    Frame out = in.forcing().select(List.of()).with("SurfTemp", t);
    return new ModelRun() {
      @Override
      public Frame outputs() {
        return out;
      }

      @Override
      public double[][][] jacobian(List<String> params) {
        double[][][] j = new double[n][1][params.size()];
        for (int k = 0; k < n; k++) {
          for (int p = 0; p < params.size(); p++) {
            j[k][0][p] = params.get(p).equals("rate") ? dRate[k] : dOff[k];
          }
        }
        return j;
      }
    };
  }
}
