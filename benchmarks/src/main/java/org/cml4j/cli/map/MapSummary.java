package org.cml4j.cli.map;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.cml4j.lsm.regional.ColumnFit;
import org.cml4j.lsm.regional.MapTable;
import org.cml4j.lsm.regional.RegionalMapping;
import org.cml4j.testbeds.region.SyntheticRegion;

/**
 * The summary {@code cml4j map} prints on stdout: columns fitted and failed, fitting speed
 * (columns/s), for a synthetic region the recovery of each parameter against its truth, CPU
 * seconds, peak memory and the files written.
 */
final class MapSummary {
  private MapSummary() {
  }

  /**
   * Prints the summary of run {@code s}; {@code total} is the whole command's wall time in s and
   * {@code region} the synthetic region mapped, or null for a real input.
   */
  static void print(PrintWriter w, RegionalMapping.Summary s, double total,
      SyntheticRegion region) throws IOException {
    w.printf(Locale.ROOT, "map: %d columns, %d fitted, %d failed; %d of %d chunks resumed%n",
        s.columns(), s.ok(), s.failed(), s.chunksSkipped(), s.chunks());
    if (s.columnsFitted() == 0) {
      w.printf(Locale.ROOT, "fitting: no column left to fit (every chunk resumed); whole command "
          + "%.1f s%n", total);
    } else {
      w.printf(Locale.ROOT, "fitting: %d columns in %.1f s on %s = %.1f columns/s; whole "
          + "command %.1f s = %.1f columns/s end to end%n", s.columnsFitted(), s.fitSeconds(),
          s.runner(), s.columnsPerSecond(), total, s.columnsFitted() / total);
    }
    if (region != null) {
      List<ColumnFit> fits = MapTable.read(s.mapCsv());
      for (SyntheticRegion.Recovery r : region.recovery(fits)) {
        w.printf(Locale.ROOT, "  %-6s error vs truth: median %s, max %s; identifiable in %d of %d"
            + "%n", r.name(), err(r.medianError(), r.relative()), err(r.maxError(), r.relative()),
            r.identifiable(), r.fitted());
      }
    }
    double cpu = PeakMemory.cpuSeconds();
    w.printf(Locale.ROOT, "CPU time (all threads, whole command): %.1f s = %.2f ms per column%n",
        cpu, 1e3 * cpu / Math.max(1, s.columnsFitted()));
    w.println(PeakMemory.describe());
    w.printf("wrote %s%s%n", s.mapCsv(), s.mapNc() == null ? "" : " and " + s.mapNc());
    w.flush();
  }

  private static String err(double e, boolean relative) {
    return relative ? String.format(Locale.ROOT, "%.2f %%", 100 * e)
        : String.format(Locale.ROOT, "%.3f K", e);
  }
}
