package org.cml4j.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cml4j.cli.report.AtomicFiles;
import org.cml4j.cli.report.PlotWriter;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots of the benchmark (XChart), coloured by paradigm. */
final class BenchPlots {
  static final Map<String, Color> COLORS = Map.of("cascade", new Color(0x1f, 0x77, 0xb4),
      "embedding", new Color(0xff, 0x7f, 0x0e), "fusion", new Color(0x2c, 0xa0, 0x2c),
      "baseline", new Color(0x7f, 0x7f, 0x7f), "truth", Color.BLACK);
  static final List<String> ORDER = List.of("baseline", "cascade", "embedding", "fusion");

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private BenchPlots() {}

  static PlotWriter.Plot errorByCoupling(Path dir, String task, List<CellResult> cells,
      Map<String, Double> std) throws IOException {
    CategoryChart c = new CategoryChartBuilder().width(1000).height(520)
        .title(task + ": normalised test RMSE (RMSE / std of truth, mean over targets)")
        .yAxisTitle("normalised RMSE").build();
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    c.getStyler().setXAxisLabelRotation(60);
    c.getStyler().setOverlapped(true);
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    List<CellResult> ok = cells.stream().filter(x -> !Double.isNaN(x.meanNormalisedRmse(std)))
        .toList();
    List<String> names = ok.stream().map(CellResult::approach).toList();
    for (String p : ORDER) {
      List<Double> ys = new ArrayList<>();
      for (CellResult r : ok) {
        ys.add(r.paradigm().equals(p) ? r.meanNormalisedRmse(std) : 0.0);
      }
      if (ok.stream().anyMatch(r -> r.paradigm().equals(p))) {
        c.addSeries(p, names, ys).setFillColor(COLORS.get(p));
      }
    }
    if (ok.isEmpty()) {
      c.addSeries("none", List.of("no successful cells"), List.of(0.0));
    }
    String f = "error_" + PlotWriter.safe(task) + ".png";
    save(dir, f, c);
    return new PlotWriter.Plot(f, task + ": error by coupling, coloured by paradigm");
  }

  static PlotWriter.Plot sampleEfficiency(Path dir, Map<String, TreeMap<Double, Double>> curves)
      throws IOException {
    XYChart c = new XYChartBuilder().width(900).height(520)
        .title("Sample efficiency: best normalised test RMSE per paradigm vs training days")
        .xAxisTitle("training days").yAxisTitle("normalised RMSE").build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setXAxisLogarithmic(true);
    for (var e : curves.entrySet()) {
      List<Double> x = new ArrayList<>(e.getValue().keySet());
      List<Double> y = new ArrayList<>(e.getValue().values());
      XYSeries s = c.addSeries(e.getKey(), x, y);
      s.setLineColor(COLORS.getOrDefault(e.getKey(), Color.DARK_GRAY));
      s.setMarkerColor(COLORS.getOrDefault(e.getKey(), Color.DARK_GRAY));
    }
    save(dir, "sample_efficiency.png", c);
    return new PlotWriter.Plot("sample_efficiency.png", "sample-efficiency curves by paradigm");
  }

  static PlotWriter.Plot accuracyVsCost(Path dir, List<CellResult> cells,
      Map<String, Map<String, Double>> stdByTask) throws IOException {
    XYChart c = new XYChartBuilder().width(900).height(520)
        .title("Accuracy against cost (every successful cell)")
        .xAxisTitle("fit + predict seconds").yAxisTitle("normalised RMSE").build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setXAxisLogarithmic(true);
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    Map<String, List<double[]>> pts = new LinkedHashMap<>();
    for (CellResult r : cells) {
      double e = r.meanNormalisedRmse(stdByTask.getOrDefault(r.task(), Map.of()));
      if (!Double.isNaN(e)) {
        pts.computeIfAbsent(r.paradigm(), k -> new ArrayList<>())
            .add(new double[] {Math.max(1e-3, r.fitSeconds() + r.predictSeconds()), e});
      }
    }
    for (String p : ORDER) {
      List<double[]> l = pts.get(p);
      if (l != null) {
        XYSeries s = c.addSeries(p, l.stream().map(a -> a[0]).toList(),
            l.stream().map(a -> a[1]).toList());
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(COLORS.get(p));
      }
    }
    if (pts.isEmpty()) {
      c.addSeries("none", new double[] {1}, new double[] {0});
    }
    save(dir, "accuracy_vs_cost.png", c);
    return new PlotWriter.Plot("accuracy_vs_cost.png", "accuracy against cost, coloured by paradigm");
  }

  static PlotWriter.Plot series(Path dir, String task, String target, double[] hours, double[] truth,
      Map<String, double[]> bestByParadigm, Map<String, String> labels) throws IOException {
    XYChart c = new XYChartBuilder().width(1000).height(520)
        .title(task + ": " + target + " on the test period, best coupling of each paradigm")
        .xAxisTitle("hours since test start").yAxisTitle(target).build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setMarkerSize(0);
    addLine(c, "truth", hours, truth, COLORS.get("truth"));
    for (var e : bestByParadigm.entrySet()) {
      addLine(c, labels.get(e.getKey()), hours, e.getValue(), COLORS.get(e.getKey()));
    }
    String f = "series_" + PlotWriter.safe(task) + "_" + PlotWriter.safe(target) + ".png";
    save(dir, f, c);
    return new PlotWriter.Plot(f, task + ": " + target + ", truth vs best coupling per paradigm");
  }

  private static void addLine(XYChart c, String name, double[] x, double[] y, Color col) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      if (Double.isFinite(y[i])) {
        xs.add(x[i]);
        ys.add(y[i]);
      }
    }
    if (!xs.isEmpty()) {
      XYSeries s = c.addSeries(name, xs, ys);
      s.setLineColor(col);
      s.setMarker(SeriesMarkers.NONE);
    }
  }

  private static void save(Path dir, String file, org.knowm.xchart.internal.chartpart.Chart<?, ?> c)
      throws IOException {
    AtomicFiles.write(dir.resolve(file), BitmapEncoder.getBitmapBytes(c,
        BitmapEncoder.BitmapFormat.PNG));
  }
}
