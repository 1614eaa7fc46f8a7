package org.cml4j.cascade.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cml4j.core.parallel.Parallel;

/**
 * Generates physics-based training samples: draws parameter vectors with a
 * {@link ParameterSampler} in a {@link SamplingSpace}, runs a {@link Simulator} for each (in
 * parallel on a private pool), and keeps the successful runs in draw order. Samples where the
 * model throws or returns a non-finite value are dropped and counted, never silently propagated.
 * The result is deterministic for a given sampler seed whatever the thread count.
 *
 * <pre>{@code
 * SamplingSpace space = SamplingSpace.lsmPlausible(List.of("lambda", "C", "hbeta", "Tb"), 292);
 * Simulator sim = Simulator.of(mechanism, ModelInput.of(forcing, known, List.of("SoilTemp_0.05")));
 * SampleSet s = new SampleGenerator(2).generate(sim, space, ParameterSampler.sobol(7), 1000);
 * }</pre>
 */
public final class SampleGenerator {
  private final int threads;

  /** @param threads worker threads (>= 1) */
  public SampleGenerator(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
  }

  /** Draws {@code n} parameter vectors and simulates each. */
  public SampleSet generate(Simulator sim, SamplingSpace space, ParameterSampler sampler, int n) {
    double[][] unit = sampler.sample(n, space.dimension());
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = space.fromUnit(unit[i]);
    }
    return simulate(sim, space, sampler.name(), x);
  }

  /** Simulates given parameter vectors (physical values in the order of {@code space}). */
  public SampleSet simulate(Simulator sim, SamplingSpace space, String samplerName,
      double[][] x) {
    int n = x.length;
    Object[] results = new Object[n];
    Parallel.forEach(n, threads, "sample generation", i -> results[i] = runOne(sim, space,
        x[i]));
    List<double[]> ps = new ArrayList<>();
    List<double[][]> outs = new ArrayList<>();
    List<String> names = null;
    int failures = 0;
    for (int i = 0; i < n; i++) {
      if (results[i] instanceof Run r) {
        if (names == null) {
          names = r.names();
        }
        ps.add(x[i]);
        outs.add(r.values());
      } else {
        failures++;
      }
    }
    if (names == null) {
      throw new IllegalStateException("all " + n + " samples failed; first error: " + results[0]);
    }
    return new SampleSet(space, samplerName, ps.toArray(double[][]::new), names,
        outs.toArray(double[][][]::new), failures);
  }

  private record Run(List<String> names, double[][] values) {}

  private static Object runOne(Simulator sim, SamplingSpace space, double[] x) {
    try {
      Map<String, double[]> m = sim.simulate(space.named(x));
      List<String> names = List.copyOf(m.keySet());
      double[][] v = new double[names.size()][];
      for (int k = 0; k < v.length; k++) {
        v[k] = m.get(names.get(k));
        for (double d : v[k]) {
          if (!Double.isFinite(d)) {
            return "non-finite " + names.get(k) + " at " + space.named(x);
          }
        }
      }
      return new Run(names, v);
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }
}
