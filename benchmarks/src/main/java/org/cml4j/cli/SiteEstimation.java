package org.cml4j.cli;

import java.nio.file.Path;
import java.util.List;
import org.cml4j.bench.ProgressListener;
import org.cml4j.lsm.experiment.EstimationOutcome;

/**
 * Seam for the site experiments (phoenix-2012, bondville-1998, {@code --site FILE}): runs the
 * multi-start estimation and returns everything the report writers need. Failures caused by the
 * user's input (missing file, bad window, unknown variable) must be {@link IllegalArgumentException}s
 * with a one-line message: the CLI prints it and exits with code 2.
 *
 * <p>The CLI finds the implementation with {@link #find()}: {@link java.util.ServiceLoader} (file
 * {@code META-INF/services/org.cml4j.cli.SiteEstimation}); when there is none, site runs answer
 * "not yet available" (exit 2).
 */
public interface SiteEstimation {

  /**
   * Runs the estimation.
   *
   * @param req the request
   * @param progress report start completion here (begin / done / end)
   */
  EstimationOutcome run(SiteRequest req, ProgressListener progress);

  /** Input files read by {@code req}, fingerprinted (SHA-256) in results.json. */
  default List<Path> inputFiles(SiteRequest req) {
    return req.site() == null ? List.of() : List.of(req.site());
  }

  /** The installed implementation, or null if there is none yet. */
  static SiteEstimation find() {
    return java.util.ServiceLoader.load(SiteEstimation.class).findFirst().orElse(null);
  }
}
