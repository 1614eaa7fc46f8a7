package org.cml4j.core.toy;

import java.util.List;
import java.util.Random;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;

/** A seeded twin task for the toy mechanism: truth rate 0.15 h-1, offset 3 K, noise 0.05 K. */
public final class ToyTasks {
  private ToyTasks() {}

  public static Frame forcing(int n) {
    double[] ta = new double[n];
    for (int i = 0; i < n; i++) {
      ta[i] = 290 + 6 * Math.sin(2 * Math.PI * i / 24.0);
    }
    return Frame.regular(n, 3600).with("Tair", ta);
  }

  public static CouplingTask twin(long seed) {
    int n = 240;
    Frame f = forcing(n);
    CoolingMechanism m = new CoolingMechanism();
    double[] t = m.run(org.cml4j.core.spi.ModelInput.of(f,
        java.util.Map.of("rate", 0.15, "offset", 3.0), List.of("SurfTemp")))
        .outputs().values("SurfTemp");
    Random r = new Random(seed);
    for (int i = 0; i < n; i++) {
      t[i] += 0.05 * r.nextGaussian();
    }
    return CouplingTask.builder().name("toy-twin").mechanism(m).forcing(f)
        .observations(Frame.regular(n, 3600).with("SurfTemp", t))
        .split(TimeSplit.fractions(n, 0.5, 0.2)).target("SurfTemp").budget(Budget.tiny())
        .seed(seed).fitParameters(List.of("rate", "offset")).build();
  }
}
