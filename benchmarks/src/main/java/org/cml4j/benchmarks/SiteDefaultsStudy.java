package org.cml4j.benchmarks;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cml4j.cli.DataLocator;
import org.cml4j.lsm.experiment.BondvilleDepthStudy;
import org.cml4j.lsm.experiment.SiteInitialState;
import org.cml4j.lsm.experiment.SitePriors;

/**
 * The measurement behind the site-run defaults of {@code cml4j estimate} (docs/SITE_ESTIMATION.md):
 * on five 7-day Bondville 1998 windows (September to November), 4 + 8 cm fitted, 16 and 32 cm
 * predicted, the RMSE at 16 and 32 cm for each initial state and prior
 * ({@link BondvilleDepthStudy}). Seeded (4 LM starts, seed 42); one fit per worker thread, each
 * fit single-threaded, so the numbers do not depend on the thread count.
 *
 * <p>Run: {@code java -cp benchmarks/target/cml4j-cli.jar org.cml4j.benchmarks.SiteDefaultsStudy
 * [threads] [starts] [prior weight K^2]} (defaults 2, 4, 6). Prints a CSV row per cell, then a Markdown table of means.
 */
public final class SiteDefaultsStudy {
  private SiteDefaultsStudy() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int starts = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    double weight = args.length > 2 ? Double.parseDouble(args[2])
        : org.cml4j.lsm.estimation.Prior.DEFAULT_WEIGHT;
    Path data = DataLocator.find(null);
    List<String> inits = List.of("uniform", "interpolated", "spinup:7", "cycled:3");
    List<String> priors = List.of("none", "tb-deep", "tb-air", "texture", "tb-deep,texture", "all");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<String[]> keys = new ArrayList<>();
    List<Future<BondvilleDepthStudy.Cell>> cells = new ArrayList<>();
    for (String init : inits) {
      for (String prior : priors) {
        for (Instant w : BondvilleDepthStudy.WINDOWS) {
          SiteInitialState s = SiteInitialState.parse(init);
          Set<SitePriors.Choice> p = SitePriors.parse(prior);
          keys.add(new String[] {init, prior, w.toString().substring(0, 10)});
          cells.add(pool.submit(() -> BondvilleDepthStudy.run(data, w, s, p, weight, starts, 42, 1)));
        }
      }
    }
    System.out.println("init;prior;window;rmse16;rmse32;fitRmse;Tb;lambda;C;priorDecided");
    int nw = BondvilleDepthStudy.WINDOWS.size();
    List<String> table = new ArrayList<>();
    for (int i = 0; i < cells.size(); i += nw) {
      double m16 = 0;
      double m32 = 0;
      double mf = 0;
      StringBuilder per32 = new StringBuilder();
      int decided = 0;
      for (int k = i; k < i + nw; k++) {
        String[] key = keys.get(k);
        BondvilleDepthStudy.Cell c;
        try {
          c = cells.get(k).get();
        } catch (java.util.concurrent.ExecutionException e) {
          System.out.println(String.join(";", key) + ";failed: " + e.getCause().getMessage());
          m16 = m32 = mf = Double.NaN;
          per32.append(" fail |");
          continue;
        }
        System.out.printf(Locale.ROOT, "%s;%s;%s;%.3f;%.3f;%.3f;%.2f;%.3f;%.3e;%s%n", key[0], key[1],
            key[2], c.rmse16(), c.rmse32(), c.fitRmse(), c.fitted().get("Tb"),
            c.fitted().get("lambda"), c.fitted().get("C"), c.priorDecided());
        m16 += c.rmse16() / nw;
        m32 += c.rmse32() / nw;
        mf += c.fitRmse() / nw;
        per32.append(String.format(Locale.ROOT, " %.2f |", c.rmse32()));
        decided += c.priorDecided() ? 1 : 0;
      }
      table.add(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f |%s %d |",
          keys.get(i)[0], keys.get(i)[1], mf, m16, m32, per32, decided));
    }
    pool.shutdown();
    System.out.println();
    System.out.println("| initial state | prior | fit RMSE 4+8 cm | mean RMSE 16 cm | mean RMSE 32 cm"
        + " | 32 cm per window (Sep 10, Sep 24, Oct 8, Oct 22, Nov 5) | | | | | windows prior-decided |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    table.forEach(System.out::println);
  }
}
