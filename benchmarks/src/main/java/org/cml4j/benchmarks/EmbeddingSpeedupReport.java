package org.cml4j.benchmarks;

import java.util.Locale;
import java.util.Map;
import org.cml4j.cli.DataLocator;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.embed.adjustment.AnalysisEmulatorCoupling;
import org.cml4j.embed.adjustment.EnkfConfig;
import org.cml4j.embed.adjustment.EnkfSetup;
import org.cml4j.examples.embed.LearningInAssimilationExample;
import org.cml4j.examples.embed.SubstitutionExample;
import org.cml4j.embed.solving.AmortisedInverseCoupling;
import org.cml4j.embed.substitution.ColumnEmulatorCoupling;
import org.cml4j.embed.substitution.SurfaceEmulatorCoupling;
import org.cml4j.embed.timing.Timing;
import org.cml4j.testbeds.tasks.ReferenceTasks;

/**
 * The embedding paradigm's speed-up claims, measured fairly: on the examples' tasks, each learned
 * model and the model it replaces get the same warm-up runs and the same number of timed repeats,
 * interleaved in one process ({@link Timing#compare}); prints the median cost of each side with
 * its min–max and the median per-repeat speed-up with its min–max, by wall clock and by thread
 * CPU time (the steadier measure on a shared machine).
 * <ul>
 *   <li>whole-step column emulator vs the 1 mm / 1 min reference ({@code embed.column-emulator},
 *       {@link SubstitutionExample}'s 30-day twin, seed 8), both over the same hours;</li>
 *   <li>emulated analysis vs the 24-member EnKF cycle ({@code embed.analysis-emulator},
 *       {@link LearningInAssimilationExample}'s 20-day twin, seed 4), both over the whole axis
 *       with analyses until the end of validation;</li>
 *   <li>the amortised inverse's one network pass against its LM refinement
 *       ({@code embed.amortised-inverse}, huang2025-2depth from {@code shared/data}).</li>
 * </ul>
 * Run: {@code ./mvnw -q -o -DskipTests package -pl benchmarks -am && OMP_NUM_THREADS=1 java -cp
 * benchmarks/target/cml4j-cli.jar org.cml4j.benchmarks.EmbeddingSpeedupReport [warmups]
 * [repeats]} (defaults 5 and 15; about a minute).
 */
public final class EmbeddingSpeedupReport {
  private EmbeddingSpeedupReport() {}

  public static void main(String[] args) {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    CouplingDefaults d = CouplingDefaults.standard();
    System.out.printf(Locale.ROOT, "%d warm-ups and %d interleaved repeats per side%n", warmup,
        repeats);

    CouplingTask sub = SubstitutionExample.task(SubstitutionExample.scenario(8), 8);
    Timing.Plan colPlan = new Timing.Plan(warmup, repeats, 168);
    CouplingSolution col = new ColumnEmulatorCoupling(d,
        ColumnEmulatorCoupling.Config.standard().withTiming(colPlan)).solve(sub);
    report("column emulator vs 1 mm / 1 min reference, us per hourly step, wall",
        col.diagnostics().scalars(), "emulatorStepMicros", "referenceStepMicros",
        "speedupVsReference");
    report("column emulator vs 1 mm / 1 min reference, us per hourly step, thread CPU",
        col.diagnostics().scalars(), "emulatorStepCpuMicros", "referenceStepCpuMicros",
        "speedupVsReferenceCpu");
    System.out.printf(Locale.ROOT, "  coarse physics (1 cm / 1 h): %.2f us per step%n",
        col.diagnostics().scalars().get("coarsePhysicsStepMicros"));
    CouplingSolution surf = new SurfaceEmulatorCoupling(d).solve(sub);
    report("surface-update emulator vs the physics step it replaces (a slow-down), us per step,"
        + " thread CPU, 2 warm-ups, 5 repeats", surf.diagnostics().scalars(),
        "physicsStepCpuMicros", "emulatorStepCpuMicros", "slowdownVsPhysicsCpu");

    CouplingTask lia = LearningInAssimilationExample.task(
        LearningInAssimilationExample.scenario(4), 4);
    CouplingSolution an = new AnalysisEmulatorCoupling(d, EnkfConfig.standard(),
        EnkfSetup.defaults(), new Timing.Plan(warmup, repeats, 1)).solve(lia);
    report("emulated analysis vs EnKF cycle, us per hourly cycle, wall",
        an.diagnostics().scalars(), "emulatedCycleMicros", "enkfCycleMicros", "speedup");
    report("emulated analysis vs EnKF cycle, us per hourly cycle, thread CPU",
        an.diagnostics().scalars(), "emulatedCycleCpuMicros", "enkfCycleCpuMicros",
        "speedupCpu");

    // amortised inverse: one network pass against its LM refinement (5 physics evaluations)
    CouplingTask huang = ReferenceTasks.huang2025TwoDepth(DataLocator.find(null), 0, 3,
        Budget.tiny()).task();
    AmortisedInverseCoupling.Trained tr = new AmortisedInverseCoupling(d).train(huang);
    Map<String, Double> one = tr.estimate(huang);
    Timing.Comparison am = Timing.compare(new Timing.Plan(warmup, repeats, 1),
        () -> tr.estimate(huang), () -> tr.refine(huang, one));
    System.out.println("amortised inverse (huang2025-2depth), ms per estimate: one pass vs LM"
        + " refinement, wall: " + am.summary(1e3, "ms") + "; thread CPU: "
        + am.cpu().summary(1e3, "ms"));
  }

  private static void report(String what, Map<String, Double> s, String fast, String slow,
      String speedup) {
    System.out.printf(Locale.ROOT, "%s: %.2f vs %.2f (medians); ratio median %.1fx (min %.1fx,"
        + " max %.1fx over %.0f repeats)%n", what, s.get(fast), s.get(slow),
        s.get(speedup), s.get(speedup + "Min"), s.get(speedup + "Max"), s.get("timingRepeats"));
  }
}
