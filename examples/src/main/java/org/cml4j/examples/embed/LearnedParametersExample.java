package org.cml4j.examples.embed;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.embed.solving.LearnedParameterCoupling;
import org.cml4j.examples.ExampleInfo;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.lsm.rich.SoilProperties;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.ReferenceTasks;
import org.cml4j.testbeds.twin.TwinScenario;

/**
 * Mode 6, time-dependent parameters learned through the physics: (a) a 16-day twin whose truth has
 * a diurnally and moisture-varying Bowen ratio (uniform soil, so hbeta(t) is the only structural
 * difference): test-period RMSE of the learned hbeta(t) against constant hbeta; (b) Phoenix, May
 * 2012: the fitted hbeta(t) (mean daytime and night-time values) and the test-period QH + QE RMSE
 * against constant hbeta.
 */
@ExampleInfo(name = "learned-parameters", mode = 6, arguments = ExampleInfo.DATA,
    summary = "network hbeta(t) trained end to end through the physics adjoint; twin and Phoenix")
public final class LearnedParametersExample {
  private LearnedParametersExample() {}

  /** Twin outcome: test RMSE with learned and constant hbeta, and hbeta(t) RMSE vs the truth. */
  public record Twin(Map<String, Double> learned, Map<String, Double> constant,
      double hbetaRmse, double hbetaTruthSpread) {}

  /**
   * Phoenix outcome.
   *
   * @param learned test RMSE with learned hbeta(t)
   * @param constant test RMSE with constant hbeta
   * @param dayMean mean learned hbeta when SWdown > 50 W m-2
   * @param nightMean mean learned hbeta otherwise
   * @param constantHbeta the calibrated constant value
   */
  public record Site(Map<String, Double> learned, Map<String, Double> constant, double dayMean,
      double nightMean, double constantHbeta) {}

  public static Twin twin(long seed) {
    TwinScenario sc = TwinScenario.builder().days(16).seed(seed).resolution(101, 1)
        .soil(SoilProperties.uniform(0.9, 2.4e6)).build();
    List<String> targets = List.of("QhQle", "SurfTemp", "SoilTemp_0.05");
    CouplingTask task = sc.task(TwinScenario.TaskOptions.standard()
        .withObserved(List.of("SurfTemp", "SoilTemp_0.05", "QhQle")).withTargets(targets)
        .withSplit(0.6, 0.15).withBudget(Budget.tiny()).withSeed(seed));
    CouplingDefaults d = CouplingDefaults.standard();
    CouplingSolution s = new LearnedParameterCoupling(d).solve(task);
    CouplingSolution b = new PhysicsOnlyBaseline(d.optimizer()).solve(task);
    double[] hb = s.diagnostics().curves().get("hbeta(t)");
    double[] tr = sc.surface().hbeta();
    int from = task.split().validationEnd();
    double mean = java.util.Arrays.stream(tr, from, tr.length).average().orElse(0);
    double sd = Math.sqrt(java.util.Arrays.stream(tr, from, tr.length)
        .map(v -> (v - mean) * (v - mean)).average().orElse(0));
    var rmse = ExampleSupport.TestRmse.onTwin(sc, task);
    return new Twin(rmse.of(s), rmse.of(b),
        org.cml4j.embed.TaskSupport.rmse(hb, tr, from, tr.length), sd);
  }

  public static Site phoenix(Path dataDir, long seed) {
    BenchTask b = ReferenceTasks.phoenixTurbulentSum(dataDir, seed, Budget.tiny());
    CouplingDefaults d = CouplingDefaults.standard();
    CouplingSolution s = new LearnedParameterCoupling(d).solve(b.task());
    CouplingSolution c = new PhysicsOnlyBaseline(d.optimizer()).solve(b.task());
    double[] hb = s.diagnostics().curves().get("hbeta(t)");
    double[] sw = b.task().forcing().values("SWdown");
    double day = 0;
    double night = 0;
    int nd = 0;
    int nn = 0;
    for (int i = 0; i < hb.length; i++) {
      if (sw[i] > 50) {
        day += hb[i];
        nd++;
      } else {
        night += hb[i];
        nn++;
      }
    }
    var rmse = new ExampleSupport.TestRmse(b.task(), b.truth(), b.task().targets());
    return new Site(rmse.of(s), rmse.of(c), day / nd, night / nn,
        c.parameters().get("hbeta"));
  }

  public static void main(String[] args) {
    Twin t = twin(21);
    ExampleSupport.print("twin test RMSE, hbeta(t)", t.learned());
    ExampleSupport.print("twin test RMSE, constant", t.constant());
    System.out.printf("  learned hbeta(t) RMSE vs truth %.2f W m-2 K-1 (truth std %.2f)%n",
        t.hbetaRmse(), t.hbetaTruthSpread());
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    if (data.resolve("phoenix-us-westphoenix-2012").toFile().isDirectory()) {
      Site s = phoenix(data, 21);
      ExampleSupport.print("Phoenix test RMSE, hbeta(t)", s.learned());
      ExampleSupport.print("Phoenix test RMSE, constant", s.constant());
      System.out.printf("  Phoenix hbeta(t): day mean %.1f, night mean %.1f; constant fit %.1f"
          + " W m-2 K-1%n", s.dayMean(), s.nightMean(), s.constantHbeta());
    } else {
      System.out.println("Phoenix skipped: no phoenix-us-westphoenix-2012 folder under " + data);
    }
  }
}
