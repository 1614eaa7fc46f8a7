package org.cml4j.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cml4j.bench.report.Charts;
import org.cml4j.bench.report.PlotWriter;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots of the benchmark (XChart), coloured by paradigm. */
final class BenchPlots {
  static final Map<String, Color> COLORS = Map.of("cascade", Charts.BLUE,
      "embedding", new Color(0xff, 0x7f, 0x0e), "fusion", Charts.GREEN,
      "baseline", new Color(0x7f, 0x7f, 0x7f), "truth", Color.BLACK);
  static final List<String> ORDER = List.of("baseline", "cascade", "embedding", "fusion");

  private BenchPlots() {}

  /** Y-axis title of normalised errors (dimensionless). */
  static final String NORMALISED = "normalised RMSE [-] (RMSE / std of truth)";

  static PlotWriter.Plot errorByCoupling(Path dir, String task, List<String> order,
      Map<String, List<CellResult>> cells, Map<String, ReplicateStats.Interval> err)
      throws IOException {
    CategoryChart c = new CategoryChartBuilder().width(1000).height(560)
        .title(task + ": normalised test RMSE by coupling (mean over targets"
            + (maxN(err) > 1 ? " and replicates, 95 % interval" : "") + ")")
        .yAxisTitle(NORMALISED).build();
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    c.getStyler().setXAxisLabelRotation(60);
    c.getStyler().setOverlapped(true);
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setErrorBarsColorSeriesColor(false);
    c.getStyler().setErrorBarsColor(Color.BLACK);
    List<String> ok = order.stream().filter(a -> err.get(a).n() > 0).toList();
    for (String p : ORDER) {
      List<Double> ys = new ArrayList<>();
      List<Double> es = new ArrayList<>();
      boolean any = false;
      for (String a : ok) {
        boolean mine = cells.get(a).get(0).paradigm().equals(p);
        any |= mine;
        ys.add(mine ? err.get(a).mean() : 0.0);
        double h = err.get(a).half();
        es.add(mine && Double.isFinite(h) ? h : 0.0);
      }
      if (any) {
        (maxN(err) > 1 ? c.addSeries(p, ok, ys, es) : c.addSeries(p, ok, ys))
            .setFillColor(COLORS.get(p));
      }
    }
    if (ok.isEmpty()) {
      c.addSeries("none", List.of("no successful cells"), List.of(0.0));
    }
    String f = "error_" + PlotWriter.safe(task) + ".png";
    Charts.save(dir, f, c);
    return new PlotWriter.Plot(f, task + ": error by coupling, coloured by paradigm");
  }

  private static int maxN(Map<String, ReplicateStats.Interval> err) {
    return err.values().stream().mapToInt(ReplicateStats.Interval::n).max().orElse(0);
  }

  /** Training sizes as categories (every size ticked), error bars = 95 % interval. */
  static PlotWriter.Plot sampleEfficiency(Path dir,
      Map<String, TreeMap<Double, BenchFindings.Best>> curves) throws IOException {
    CategoryChart c = new CategoryChartBuilder().width(900).height(520)
        .title("Sample efficiency: best normalised test RMSE per paradigm")
        .xAxisTitle("training days (last d days before the test period)")
        .yAxisTitle(NORMALISED).build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
    c.getStyler().setOverlapped(true);
    c.getStyler().setErrorBarsColorSeriesColor(true);
    c.getStyler().setYAxisDecimalPattern("0.00");
    java.util.TreeSet<Double> all = new java.util.TreeSet<>();
    curves.values().forEach(m -> all.addAll(m.keySet()));
    List<String> xs = all.stream().map(d -> BenchFindings.days(d) + " d").toList();
    for (var e : curves.entrySet()) {
      List<Double> y = new ArrayList<>();
      List<Double> eb = new ArrayList<>();
      for (double d : all) {
        BenchFindings.Best b = e.getValue().get(d);
        y.add(b == null ? Double.NaN : b.error().mean());
        eb.add(b == null || !Double.isFinite(b.error().half()) ? 0.0 : b.error().half());
      }
      CategorySeries s = c.addSeries(e.getKey(), xs, y, eb);
      s.setLineColor(COLORS.getOrDefault(e.getKey(), Color.DARK_GRAY));
      s.setMarkerColor(COLORS.getOrDefault(e.getKey(), Color.DARK_GRAY));
      s.setMarker(SeriesMarkers.CIRCLE);
    }
    Charts.save(dir, "sample_efficiency.png", c);
    return new PlotWriter.Plot("sample_efficiency.png", "sample-efficiency curves by paradigm"
        + " (error bars: 95 % interval over replicates)");
  }

  /** One task: each coupling a labelled point, mean error against mean seconds per cell. */
  static PlotWriter.Plot accuracyVsCost(Path dir, String task, List<String> order,
      Map<String, List<CellResult>> cells, Map<String, ReplicateStats.Interval> err)
      throws IOException {
    XYChart c = new XYChartBuilder().width(1000).height(600)
        .title(task + ": accuracy against cost per coupling")
        .xAxisTitle("fit + predict seconds per cell [s] (log scale)").yAxisTitle(NORMALISED)
        .build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setXAxisLogarithmic(true);
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    c.getStyler().setMarkerSize(9);
    c.getStyler().setYAxisDecimalPattern("0.00");
    Map<String, List<double[]>> pts = new LinkedHashMap<>();
    for (String a : order) {
      ReplicateStats.Interval e = err.get(a);
      if (e.n() == 0) {
        continue;
      }
      double secs = Math.max(1e-3, cells.get(a).stream().mapToDouble(x -> x.fitSeconds()
          + x.predictSeconds()).average().orElse(1e-3));
      pts.computeIfAbsent(cells.get(a).get(0).paradigm(), k -> new ArrayList<>())
          .add(new double[] {secs, e.mean()});
      c.addAnnotation(new AnnotationText(a.substring(a.indexOf('.') + 1), secs, e.mean(),
          false));
    }
    for (String p : ORDER) {
      List<double[]> l = pts.get(p);
      if (l != null) {
        XYSeries s = c.addSeries(p, l.stream().mapToDouble(a -> a[0]).toArray(),
            l.stream().mapToDouble(a -> a[1]).toArray());
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(COLORS.get(p));
      }
    }
    if (pts.isEmpty()) {
      c.addSeries("none", new double[] {1}, new double[] {0});
    }
    String f = "cost_" + PlotWriter.safe(task) + ".png";
    Charts.save(dir, f, c);
    return new PlotWriter.Plot(f, task + ": accuracy against cost, one labelled point per"
        + " coupling, coloured by paradigm");
  }

  static PlotWriter.Plot series(Path dir, String task, String target, double[] hours, double[] truth,
      Map<String, double[]> bestByParadigm, Map<String, String> labels) throws IOException {
    XYChart c = testPeriod(task + ": " + target + " on the test period, best coupling of each"
        + " paradigm", target, hours, truth);
    for (var e : bestByParadigm.entrySet()) {
      addLine(c, labels.get(e.getKey()), hours, e.getValue(), COLORS.get(e.getKey()));
    }
    String f = "series_" + PlotWriter.safe(task) + "_" + PlotWriter.safe(target) + ".png";
    Charts.save(dir, f, c);
    return new PlotWriter.Plot(f, task + ": " + target + ", truth vs best coupling per paradigm");
  }

  /**
   * Reliability: the mean PIT histogram (10 bins) of each labelled coupling; a calibrated
   * distribution gives 0.1 in every bin, a too narrow one a U, a too wide one a hump.
   */
  static PlotWriter.Plot pitHistograms(Path dir, Map<String, double[]> pit,
      Map<String, String> paradigmOf) throws IOException {
    CategoryChart c = new CategoryChartBuilder().width(1000).height(520)
        .title("Reliability: PIT histograms of the test observations (flat at 0.1 = calibrated)")
        .xAxisTitle("probability integral transform (PIT) bin [-]")
        .yAxisTitle("fraction of test observations [-]").build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    c.getStyler().setYAxisDecimalPattern("0.00");
    List<String> bins = new ArrayList<>();
    for (int b = 0; b < 10; b++) {
      bins.add(String.format(java.util.Locale.ROOT, "%.1f-%.1f", b / 10.0, (b + 1) / 10.0));
    }
    for (var e : pit.entrySet()) {
      List<Double> ys = new ArrayList<>();
      for (double v : e.getValue()) {
        ys.add(v);
      }
      c.addSeries(e.getKey(), bins, ys).setFillColor(COLORS.getOrDefault(
          paradigmOf.get(e.getKey()), Color.DARK_GRAY));
    }
    if (pit.isEmpty()) {
      c.addSeries("none", List.of("no predictive distribution"), List.of(0.0));
    }
    Charts.save(dir, "pit.png", c);
    return new PlotWriter.Plot("pit.png", "reliability: mean PIT histogram of each paradigm's"
        + " best-calibrated coupling over its tasks, replicates and targets");
  }

  /** Predictive 90 % bands (5 % and 95 % quantiles as lines) of one target and the truth. */
  static PlotWriter.Plot bands(Path dir, String task, String target, double[] hours,
      double[] truth, Map<String, double[][]> band, Map<String, String> paradigmOf)
      throws IOException {
    XYChart c = testPeriod(task + ": " + target + ", 90 % predictive band (5 % and 95 %"
        + " quantiles)", target, hours, truth);
    for (var e : band.entrySet()) {
      Color col = COLORS.getOrDefault(paradigmOf.get(e.getKey()), Color.DARK_GRAY);
      addLine(c, e.getKey() + " 5 %", hours, e.getValue()[0], col);
      addLine(c, e.getKey() + " 95 %", hours, e.getValue()[1], col);
    }
    String f = "band_" + PlotWriter.safe(task) + "_" + PlotWriter.safe(target) + ".png";
    Charts.save(dir, f, c);
    return new PlotWriter.Plot(f, task + ": " + target + ", 90 % predictive bands of each"
        + " paradigm's coupling with a distribution (replicate 1) and the truth");
  }

  private static String unit(String variable) {
    try {
      return org.cml4j.core.vars.Variables.unitOf(variable);
    } catch (IllegalArgumentException e) {
      return "?";
    }
  }

  /** A chart of {@code target} against hours since the test start, with the truth drawn. */
  private static XYChart testPeriod(String title, String target, double[] hours,
      double[] truth) {
    XYChart c = new XYChartBuilder().width(1000).height(520).title(title)
        .xAxisTitle("hours since test start [h]").yAxisTitle(target + " ["
            + unit(target) + "]").build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setMarkerSize(0);
    addLine(c, "truth", hours, truth, COLORS.get("truth"));
    return c;
  }

  /** A line through the finite points, if any. */
  private static void addLine(XYChart c, String name, double[] x, double[] y, Color col) {
    double[][] p = Charts.finite(x, y);
    if (p[0].length > 0) {
      Charts.line(c, name, p[0], p[1], col, null);
    }
  }
}
