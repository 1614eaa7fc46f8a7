package org.cml4j.lsm.coupling;

import java.util.ArrayList;
import java.util.List;
import org.cml4j.core.baseline.EmpiricalBaseline;
import org.cml4j.core.baseline.LearningOnlyBaseline;
import org.cml4j.core.spi.BaselineFactory;
import org.cml4j.core.spi.CouplingFactory;
import org.cml4j.core.spi.CouplingPlugin;

/**
 * The built-in baselines as a plugin (discovered like every coupling plugin), so that
 * {@code registry().approach("baseline.physics-only")} creates one, {@code ./cml4j list} lists
 * them, the benchmark runs them from the registry and a pipeline can use them as a
 * {@code CouplingStage}. In this order: {@link PhysicsOnlyBaseline} (with the registry's optimizer
 * defaults), {@link LearningOnlyBaseline#standard()}, then the PLUMBER empirical benchmarks
 * {@link EmpiricalBaseline#all()} (1lin, 2lin, 3km27).
 */
public final class BaselinesPlugin implements CouplingPlugin {
  /** Plugin name. */
  public static final String NAME = "cml4j-baselines";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<CouplingFactory> couplings() {
    return List.of();
  }

  @Override
  public List<BaselineFactory> baselines() {
    List<BaselineFactory> out = new ArrayList<>();
    out.add(BaselineFactory.of(PhysicsOnlyBaseline.NAME, PhysicsOnlyBaseline.DESCRIPTION,
        d -> new PhysicsOnlyBaseline(d.optimizer())));
    LearningOnlyBaseline learning = LearningOnlyBaseline.standard();
    out.add(BaselineFactory.of(learning.name(), learning.description(),
        d -> LearningOnlyBaseline.standard()));
    for (EmpiricalBaseline.Kind k : EmpiricalBaseline.Kind.values()) {
      EmpiricalBaseline e = new EmpiricalBaseline(k);
      out.add(BaselineFactory.of(e.name(), e.description(), d -> new EmpiricalBaseline(k)));
    }
    return out;
  }
}
