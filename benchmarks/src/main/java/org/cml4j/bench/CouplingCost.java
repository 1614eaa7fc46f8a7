package org.cml4j.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compute cost of one coupling over a run: its successful and failed cells' fit + predict seconds
 * (thread CPU is not separated: on a busy machine these are wall seconds), and how often it hit
 * its wall-time safety cap.
 *
 * @param approach coupling or baseline name
 * @param cells cells that ran (ok or failed)
 * @param totalSeconds sum of fit + predict seconds [s]
 * @param medianSeconds median per cell [s]
 * @param timeCapHits cells that stopped on the wall-time cap
 */
public record CouplingCost(String approach, int cells, double totalSeconds, double medianSeconds,
    int timeCapHits) {

  /** One entry per approach that ran, costliest (total seconds) first. */
  public static List<CouplingCost> of(List<CellResult> cells) {
    Map<String, List<CellResult>> by = new LinkedHashMap<>();
    cells.stream().filter(c -> !c.status().equals(CellResult.NOT_APPLICABLE))
        .forEach(c -> by.computeIfAbsent(c.approach(), k -> new ArrayList<>()).add(c));
    List<CouplingCost> out = new ArrayList<>();
    by.forEach((a, l) -> {
      double[] s = l.stream().mapToDouble(c -> c.fitSeconds() + c.predictSeconds()).sorted()
          .toArray();
      double med = s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1]
          + s[s.length / 2]);
      out.add(new CouplingCost(a, s.length, java.util.Arrays.stream(s).sum(), med,
          (int) l.stream().filter(CellResult::timeCapHit).count()));
    });
    out.sort(Comparator.comparingDouble(CouplingCost::totalSeconds).reversed()
        .thenComparing(CouplingCost::approach));
    return out;
  }
}
