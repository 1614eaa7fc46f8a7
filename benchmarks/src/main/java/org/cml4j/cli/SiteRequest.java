package org.cml4j.cli;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.cml4j.cli.estimate.EstimationSettings;
import org.cml4j.lsm.model.Output;

/**
 * What the user asked for in a site estimation ({@code --experiment phoenix-2012|bondville-1998} or
 * {@code --site FILE}). Nullable / empty fields mean "the experiment's default".
 *
 * @param experiment "phoenix-2012", "bondville-1998", or null when {@code site} is given
 * @param site the site file of {@code --site FILE} (null for a named experiment)
 * @param dataDir the {@code shared/data} folder
 * @param start first time of the window ({@code --start}, with the offset the user gave; UTC
 *     if none), or null
 * @param end end of the window ({@code --end}, exclusive), or null
 * @param observe outputs to fit ({@code --observe}), empty = default
 * @param predict outputs to score but not fit ({@code --predict}), empty = default
 * @param albedo fixed albedo when alpha is not fitted ({@code --albedo}), or null
 * @param settings fit parameters (empty = default), solver, step solver, starts, threads, noise, seed
 */
public record SiteRequest(String experiment, Path site, Path dataDir, OffsetDateTime start,
    OffsetDateTime end, List<Output> observe, List<Output> predict, Double albedo,
    EstimationSettings settings) {

  /** Name for the output folder and reports: the experiment, or the site file's name. */
  public String name() {
    if (experiment != null) {
      return experiment;
    }
    String f = site.getFileName().toString();
    int dot = f.indexOf('.');
    return dot > 0 ? f.substring(0, dot) : f;
  }
}
