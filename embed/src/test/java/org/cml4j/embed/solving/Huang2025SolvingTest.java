package org.cml4j.embed.solving;

import java.util.Map;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.embed.testsupport.SharedData;
import org.cml4j.embed.twin.ReferenceTasks;
import org.junit.jupiter.api.Test;

class Huang2025SolvingTest {
  static final Map<String, Double> TRUTH = Map.of("alpha", 0.2, "lambda", 0.8, "C", 2.2e6,
      "hbeta", 25.0, "Tb", 293.0);

  @Test
  void explore() {
    for (double noise : new double[] {0, 0.3}) {
      CouplingTask task = ReferenceTasks.huang2025TwoDepth(SharedData.dir(), noise, 3,
          Budget.tiny());
      CouplingDefaults d = CouplingDefaults.standard();
      for (var c : java.util.List.of(new GradientInversionCoupling(d),
          new SurrogateInversionCoupling(d), new AmortisedInverseCoupling(d))) {
        long t0 = System.nanoTime();
        CouplingSolution s = c.solve(task);
        System.out.printf("noise %.1f %s %.2fs %s%n", noise, c.name(), (System.nanoTime() - t0)
            * 1e-9, s.parameters());
        s.diagnostics().scalars().forEach((k, v) -> System.out.println("   " + k + " = " + v));
      }
    }
  }
}
