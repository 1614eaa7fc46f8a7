package org.cml4j.testbeds.region;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.cml4j.lsm.batch.BatchColumnModel;
import org.cml4j.lsm.batch.BatchRunner;
import org.cml4j.lsm.batch.BatchTrajectory;
import org.cml4j.lsm.batch.ColumnBatch;
import org.cml4j.lsm.data.GriddedColumn;
import org.cml4j.lsm.data.GriddedNetcdfLayout;
import org.cml4j.lsm.data.GriddedNetcdfWriter;
import org.cml4j.lsm.data.SiteCsvWriter;
import org.cml4j.lsm.data.SiteData;
import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.regional.AtomicWrite;
import org.cml4j.lsm.regional.ColumnFit;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;

/**
 * A synthetic regional case for testing and benchmarking parameter maps: {@code columns} cells on
 * a near-square 2-D grid (lat 40–45 N, lon 100–90 W), with smoothly varying true alpha (0.12–0.28),
 * lambda (0.5–1.5 W m-1 K-1), C (1.5–3.0e6 J m-3 K-1), hbeta (15–35 W m-2 K-1) and Tb (291–295 K);
 * forcing from the diurnal forcing of Huang, Heaney &amp; van Reeuwijk (2025) with per-column
 * perturbations (seeded daily cloudiness scaling Kdown by 0.7–1.0 and raising Ldown, a smooth
 * regional gradient, a diurnal air-temperature cycle of 3–5 K around 294–298 K; deliberately not
 * the weather generator of {@code testbeds.weather}, on whose weather albedo was recovered to
 * 1.86 % instead of 0.56 %, see README "The map command"); the truth run
 * starts from a uniform Tb profile at midnight 2020-07-01 UTC, on the paper's 101-node column with
 * the exact step solver (run on the batched kernel, blocks of columns at once); observations are the soil temperatures at {@code depths} plus independent
 * Gaussian noise of SD {@code noiseSd}. Every column's data depend only on the seed and its index.
 *
 * @param columns number of columns (at least 1)
 * @param hours hourly time levels (at least 25)
 * @param depths observed soil depths [m], each in (0, 1)
 * @param noiseSd observation noise [K] (0 for none)
 * @param seed seed of the perturbations and the noise
 */
public record SyntheticRegion(int columns, int hours, double[] depths, double noiseSd,
    long seed) {
  /** First time level. */
  public static final Instant START = Instant.parse("2020-07-01T00:00:00Z");

  public SyntheticRegion {
    if (columns < 1) {
      throw new IllegalArgumentException("synthetic region: at least 1 column, got " + columns);
    }
    if (hours < 25) {
      throw new IllegalArgumentException("synthetic region: at least 25 hourly levels, got "
          + hours);
    }
    if (depths.length == 0) {
      throw new IllegalArgumentException("synthetic region: give at least one observed depth");
    }
    for (double d : depths) {
      if (!(d > 0 && d < 1)) {
        throw new IllegalArgumentException("synthetic region: depth " + d
            + " m is outside the model column (0, 1) m");
      }
    }
    if (!(noiseSd >= 0 && Double.isFinite(noiseSd))) {
      throw new IllegalArgumentException("synthetic region: noise SD must be >= 0 K, got "
          + noiseSd);
    }
    depths = depths.clone();
  }

  /** Observations at 5 and 15 cm, the paper's 101 hourly levels, noise 0.05 K. */
  public static SyntheticRegion of(int columns, long seed) {
    return new SyntheticRegion(columns, Huang2025.LEVELS, new double[] {0.05, 0.15}, 0.05, seed);
  }

  /**
   * The true parameters of one column.
   *
   * @param id column id
   */
  public record Truth(String id, double lat, double lon, double alpha, double lambda, double c,
      double hbeta, double tb) {
    /** The true value of a parameter by symbol (alpha, lambda, C, hbeta, Tb). */
    public double value(String symbol) {
      return switch (symbol) {
        case "alpha" -> alpha;
        case "lambda" -> lambda;
        case "C" -> c;
        case "hbeta" -> hbeta;
        case "Tb" -> tb;
        default -> throw new IllegalArgumentException("no true value for '" + symbol + "'");
      };
    }
  }

  /** Grid width (columns per row). */
  int nx() {
    return (int) Math.ceil(Math.sqrt(columns));
  }

  /** The truth of column {@code i}. */
  public Truth truth(int i) {
    int nx = nx();
    int ny = (columns + nx - 1) / nx;
    double x = nx == 1 ? 0.5 : (i % nx) / (double) (nx - 1);
    double y = ny == 1 ? 0.5 : (i / nx) / (double) (ny - 1);
    double alpha = 0.20 + 0.08 * Math.sin(2 * Math.PI * x) * Math.cos(Math.PI * y);
    double lambda = 0.5 + 1.0 * (0.5 + 0.5 * Math.sin(Math.PI * (x + 0.5 * y) - 0.3));
    double c = 1.5e6 + 1.5e6 * (0.5 + 0.5 * Math.cos(Math.PI * (1.2 * x - 0.7 * y)));
    double hbeta = 15 + 20 * (0.5 + 0.5 * Math.sin(2 * Math.PI * (0.6 * x + 0.4 * y)));
    double tb = 291 + 3 * y + x;
    return new Truth(id(i), 40 + 5 * y, -100 + 10 * x, alpha, lambda, c, hbeta, tb);
  }

  /** The id of column {@code i}. */
  public static String id(int i) {
    return String.format(Locale.ROOT, "c%05d", i);
  }

  /** The column's forcing (deterministic in seed and index). */
  public SurfaceForcing forcing(int i) {
    Truth t = truth(i);
    double x = (t.lon() + 100) / 10;
    double y = (t.lat() - 40) / 5;
    SurfaceForcing base = Huang2025.forcing(hours);
    Random rnd = new Random(seed * 1_000_003L + i);
    int days = (hours + 23) / 24;
    double[] cloud = new double[days];
    for (int d = 0; d < days; d++) {
      cloud[d] = 0.7 + 0.3 * rnd.nextDouble();
    }
    double[] k = new double[hours];
    double[] l = new double[hours];
    double[] ta = new double[hours];
    double amp = 3 + 2 * y;
    double mean = 294 + 4 * x;
    for (int h = 0; h < hours; h++) {
      double cl = cloud[h / 24];
      k[h] = base.kdown()[h] * cl * (0.95 - 0.1 * y);
      l[h] = base.ldown()[h] + 20 * x + 60 * (1 - cl);
      ta[h] = mean + amp * Math.sin(2 * Math.PI * (h % 24 - 9) / 24.0);
    }
    return new SurfaceForcing(k, l, ta);
  }

  /** Columns per batched truth run in {@link #writeNetcdf}. */
  private static final int BLOCK = 256;

  /** Column {@code i}: forcing and noisy observations, in the gridded format. */
  public GriddedColumn column(int i, String file) {
    return columns(i, i + 1, file).get(0);
  }

  /**
   * Columns {@code [from, to)}: their truth runs in one batched forward run on the calling thread
   * ({@link BatchColumnModel}, equal to {@code SoilColumnModel} with the exact step solver to
   * round-off), then each column's seeded noise.
   */
  private List<GriddedColumn> columns(int from, int to, String file) {
    List<ColumnParameters> ps = new ArrayList<>(to - from);
    List<SurfaceForcing> fs = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      Truth t = truth(i);
      ps.add(ColumnParameters.builder().alpha(t.alpha()).lambda(t.lambda()).heatCapacity(t.c())
          .hbeta(t.hbeta()).tb(t.tb()).build());
      fs.add(forcing(i));
    }
    List<Output> outs = new ArrayList<>();
    for (double d : depths) {
      outs.add(Output.soilTemperature(d));
    }
    BatchTrajectory tr;
    try (BatchRunner runner = new BatchRunner(1, BatchRunner.DEFAULT_CHUNK)) {
      tr = new BatchColumnModel(SoilColumnModel.huang2025(StepSolver.EXACT).grid(), runner)
          .forward(ColumnBatch.of(ps, fs, List.of(InitialState.uniformTb())), outs);
    }
    long[] times = new long[hours];
    for (int h = 0; h < hours; h++) {
      times[h] = START.getEpochSecond() + 3600L * h;
    }
    List<GriddedColumn> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      Truth t = truth(i);
      SurfaceForcing f = fs.get(i - from);
      Random noise = new Random(seed * 7_919L + 31L * i + 17);
      Map<String, double[]> vars = new LinkedHashMap<>();
      vars.put("SWdown", f.kdown());
      vars.put("LWdown", f.ldown());
      vars.put("Tair", f.ta());
      for (int k = 0; k < depths.length; k++) {
        double[] obs = tr.output(outs.get(k), i - from);
        for (int h = 0; h < obs.length; h++) {
          obs[h] += noiseSd * noise.nextGaussian();
        }
        vars.put(SiteData.soilTempName(depths[k]), obs);
      }
      out.add(new GriddedColumn(i, t.id(), t.lat(), t.lon(), file, times, 3600, vars));
    }
    return out;
  }

  /**
   * Writes the region as one gridded netCDF-4/HDF5 file, streamed: blocks of columns are generated
   * (a few in parallel) and written in place one group at a time, so memory holds about
   * {@code (parallelism + 1) x 256} columns, not the region (a year of hourly data for 10^4
   * columns is 3.5 GB on disk).
   */
  public void writeNetcdf(Path file) throws IOException {
    String src = file.toString();
    String[] ids = new String[columns];
    double[] lat = new double[columns];
    double[] lon = new double[columns];
    for (int i = 0; i < columns; i++) {
      Truth t = truth(i);
      ids[i] = t.id();
      lat[i] = t.lat();
      lon[i] = t.lon();
    }
    long[] times = new long[hours];
    for (int h = 0; h < hours; h++) {
      times[h] = START.getEpochSecond() + 3600L * h;
    }
    double[] sorted = depths.clone();
    java.util.Arrays.sort(sorted);
    GriddedNetcdfLayout layout = new GriddedNetcdfLayout(src, times, 3600, sorted, false, ids, lat,
        lon);
    int blocks = (columns + BLOCK - 1) / BLOCK;
    int group = java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1;
    java.util.Iterator<List<GriddedColumn>> groups = new java.util.Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < blocks;
      }

      @Override
      public List<GriddedColumn> next() {
        int from = next;
        next = Math.min(blocks, next + group);
        return java.util.stream.IntStream.range(from, next).parallel()
            .mapToObj(b -> columns(b * BLOCK, Math.min(columns, (b + 1) * BLOCK), src))
            .flatMap(List::stream).toList();
      }
    };
    GriddedNetcdfWriter.write(file, layout, String.format(Locale.ROOT,
        "cml4j synthetic region: %d columns, %d hourly levels, soil temperature at %s m, noise "
            + "%.3g K, seed %d", columns, hours, java.util.Arrays.toString(depths), noiseSd, seed),
        groups);
  }

  /** Writes the region as a directory of site CSVs ({@code c00000.csv}, ...). */
  public void writeCsvDirectory(Path dir) {
    for (int i = 0; i < columns; i++) {
      GriddedColumn c = column(i, dir.resolve(id(i) + ".csv").toString());
      SiteData d = new SiteData("synthetic column " + c.id(), c.epochSeconds(), c.stepSeconds(),
          c.variables());
      SiteCsvWriter.write(d, dir.resolve(c.id() + ".csv"), ZoneOffset.UTC, List.of(
          "lat: " + c.lat(), "lon: " + c.lon()));
    }
  }

  /** Writes the true parameters, one row per column: id, lat, lon, alpha, lambda, C, hbeta, Tb. */
  public void writeTruth(Path file) throws IOException {
    StringBuilder sb = new StringBuilder("id,lat,lon,alpha,lambda,C,hbeta,Tb\n");
    for (int i = 0; i < columns; i++) {
      Truth t = truth(i);
      sb.append(t.id()).append(',').append(t.lat()).append(',').append(t.lon()).append(',')
          .append(t.alpha()).append(',').append(t.lambda()).append(',').append(t.c()).append(',')
          .append(t.hbeta()).append(',').append(t.tb()).append('\n');
    }
    AtomicWrite.writeString(file, sb.toString());
  }

  /**
   * How well a map recovers the truth for one parameter, over the fitted columns.
   *
   * @param name parameter symbol
   * @param relative whether errors are relative (|fit/true - 1|) or absolute in K (Tb)
   * @param medianError median error
   * @param maxError largest error
   * @param identifiable fitted columns flagging the parameter identifiable
   * @param fitted columns fitted (status ok)
   */
  public record Recovery(String name, boolean relative, double medianError, double maxError,
      int identifiable, int fitted) {}

  /** Recovery of every parameter that has a true value, for a map of this region. */
  public List<Recovery> recovery(List<ColumnFit> fits) {
    List<Recovery> out = new ArrayList<>();
    if (fits.isEmpty()) {
      return out;
    }
    for (String p : fits.get(0).names()) {
      if (!List.of("alpha", "lambda", "C", "hbeta", "Tb").contains(p)) {
        continue;
      }
      boolean rel = !p.equals("Tb");
      List<Double> err = new ArrayList<>();
      int ident = 0;
      for (ColumnFit f : fits) {
        if (!f.ok()) {
          continue;
        }
        double truth = truth(Integer.parseInt(f.id().substring(1))).value(p);
        err.add(rel ? Math.abs(f.value(p) / truth - 1) : Math.abs(f.value(p) - truth));
        ident += f.isIdentifiable(p) ? 1 : 0;
      }
      double[] e = err.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double median = e.length == 0 ? Double.NaN : (e[(e.length - 1) / 2] + e[e.length / 2]) / 2;
      out.add(new Recovery(p, rel, median, e.length == 0 ? Double.NaN : e[e.length - 1], ident,
          e.length));
    }
    return out;
  }
}
