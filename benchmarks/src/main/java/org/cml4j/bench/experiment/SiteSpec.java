package org.cml4j.bench.experiment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.cli.Cml4jCli;
import org.cml4j.testbeds.sites.SiteTaskSpec;

/**
 * One {@code sites:} entry of an experiment file, in its written form: the same meaning as the
 * bench flags {@code --site --window --split --observe --predict --fix}. Checked on construction
 * by {@link SiteTaskSpec#parse} (the CLI's checks and messages; the file itself is read only when
 * the tasks are built by a {@link SiteTaskSource}).
 *
 * @param file site file (generic site CSV, ALMA netCDF or Noah text), resolved against the
 *     experiment file's folder
 * @param window {@code START/END} (ISO dates or times); required
 * @param split train/validation fractions ({@code 0.5,0.15}) or dates, or null for the default
 *     {@value SiteTaskSpec#DEFAULT_SPLIT}
 * @param observe observed variables (at least one)
 * @param predict variables predicted but not observed (may be empty)
 * @param fix parameters held fixed, name to value
 */
public record SiteSpec(Path file, String window, String split, List<String> observe,
    List<String> predict, Map<String, Double> fix) {
  public SiteSpec {
    if (file == null) {
      throw new Cml4jCli.InputException("a sites entry needs a file");
    }
    observe = observe == null ? List.of() : List.copyOf(observe);
    predict = predict == null ? List.of() : List.copyOf(predict);
    fix = fix == null ? Map.of() : new java.util.TreeMap<>(fix);
    parse(file, window, split, observe, predict, fix);
  }

  /** The parsed spec the site task builder takes. */
  public SiteTaskSpec parsed() {
    return parse(file, window, split, observe, predict, fix);
  }

  private static SiteTaskSpec parse(Path file, String window, String split, List<String> observe,
      List<String> predict, Map<String, Double> fix) {
    Map<String, String> text = new LinkedHashMap<>();
    fix.forEach((k, v) -> text.put(k, Double.toString(v)));
    try {
      return SiteTaskSpec.parse(file.toString(), window, split, observe, predict, text);
    } catch (IllegalArgumentException e) {
      throw new Cml4jCli.InputException(e.getMessage());
    }
  }
}
