package org.cml4j.bench.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One {@code sites:} entry of an experiment file: the same meaning as the bench flags
 * {@code --site --window --split --observe --predict --fix}. Validated here for form only; the
 * tasks are built by a {@link SiteTaskSource}.
 *
 * @param file site file (generic site CSV, ALMA netCDF or Noah text), resolved against the
 *     experiment file's folder
 * @param window {@code START/END} (ISO dates or times), or null for the whole file
 * @param split train/validation fractions ({@code 0.5,0.15}) or dates, or null for the default
 * @param observe observed variables (empty: the file's soil temperatures)
 * @param predict variables predicted but not observed (may be empty)
 * @param fix parameters held fixed, name to value
 */
public record SiteSpec(Path file, String window, String split, List<String> observe,
    List<String> predict, Map<String, Double> fix) {
  public SiteSpec {
    if (file == null) {
      throw new org.cml4j.cli.Cml4jCli.InputException("a sites entry needs a file");
    }
    if (window != null && !window.contains("/")) {
      throw new org.cml4j.cli.Cml4jCli.InputException("site " + file + ": window must be START/END, got '"
          + window + "'");
    }
    observe = observe == null ? List.of() : List.copyOf(observe);
    predict = predict == null ? List.of() : List.copyOf(predict);
    fix = fix == null ? Map.of() : new java.util.TreeMap<>(fix);
    fix.forEach((k, v) -> {
      if (v == null || !Double.isFinite(v)) {
        throw new org.cml4j.cli.Cml4jCli.InputException("site " + file + ": fix " + k + " must be a finite"
            + " number, got " + v);
      }
    });
  }
}
