package org.cml4j.bench.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cml4j.lsm.estimation.FitResult;
import org.cml4j.lsm.experiment.EstimationOutcome;
import org.cml4j.lsm.experiment.SeriesPanel;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG plots (XChart, headless): {@code series_<name>.png} per series panel (observed markers,
 * modelled line, end of the fit window) and {@code starts_<param>.png} per parameter (final vs
 * initial value of every start, best start highlighted, published median as a horizontal line).
 */
public final class PlotWriter {
  private static final int WIDTH = 1000;
  private static final int HEIGHT = 560;

  /** A written plot. */
  public record Plot(String file, String caption) {}

  /** Writes every plot into {@code dir}; returns them in order (file names relative to dir). */
  public List<Plot> write(Path dir, EstimationOutcome o) throws IOException {
    List<Plot> out = new ArrayList<>();
    for (SeriesPanel p : o.panels()) {
      String file = "series_" + safe(p.name()) + ".png";
      Charts.save(dir, file, seriesChart(o, p));
      out.add(new Plot(file, p.name() + " [" + p.unit() + "]: observed vs modelled ("
          + p.role() + ")"));
    }
    for (String name : plottedParameters(o)) {
      String file = "starts_" + safe(name) + ".png";
      Charts.save(dir, file, startsChart(o, name));
      out.add(new Plot(file, name + ": final vs initial value of each start"));
    }
    return out;
  }

  /** Fitted parameters plus hbeta when derived from fitted h and beta. */
  static List<String> plottedParameters(EstimationOutcome o) {
    List<String> names = new ArrayList<>(o.parameters());
    if (!names.contains("hbeta") && names.contains("h") && names.contains("beta")) {
      names.add("hbeta");
    }
    return names;
  }

  XYChart seriesChart(EstimationOutcome o, SeriesPanel p) {
    String unit = p.unit();
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(o.experiment() + ": " + p.name() + ", best start (" + o.solver() + ")")
        .xAxisTitle("time since window start [h]").yAxisTitle(p.name() + " [" + unit + "]").build();
    style(c.getStyler());
    double[][] obs = Charts.finite(p.hours(), p.observed());
    if (obs[0].length > 0) {
      Charts.scatter(c, "observed" + ("predicted".equals(p.role()) ? " (not fitted)" : ""),
          obs[0], obs[1], SeriesMarkers.CIRCLE, Charts.BLUE);
    }
    double[][] mod = Charts.finite(p.hours(), p.modelled());
    if (mod[0].length > 0) {
      Charts.line(c, "modelled (best fit)", mod[0], mod[1], Charts.RED, null).setLineWidth(2f);
    }
    int n = p.hours().length;
    if (p.fitLevels() > 0 && p.fitLevels() < n && obs[0].length + mod[0].length > 0) {
      double x = 0.5 * (p.hours()[p.fitLevels() - 1] + p.hours()[p.fitLevels()]);
      double lo = Math.min(min(obs[1]), min(mod[1]));
      double hi = Math.max(max(obs[1]), max(mod[1]));
      Charts.line(c, "end of fit window (validation after)", new double[] {x, x},
          new double[] {lo, hi}, Charts.MARK, SeriesLines.DASH_DASH);
    }
    if (c.getSeriesMap().isEmpty()) {
      c.addSeries("no data", new double[] {0}, new double[] {0});
    }
    return c;
  }

  XYChart startsChart(EstimationOutcome o, String name) {
    int idx = o.parameters().indexOf(name);
    String unit = idx >= 0 ? o.units().get(idx) : "hbeta".equals(name) ? "W m-2 K-1" : "?";
    int iH = o.parameters().indexOf("h");
    int iBeta = o.parameters().indexOf("beta");
    int n = o.starts().size();
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      FitResult r = o.starts().get(i);
      x[i] = idx >= 0 ? r.initial()[idx]
          : r.initial()[iH] * (1 + 1 / r.initial()[iBeta]);
      y[i] = r.named().getOrDefault(name, Double.NaN);
    }
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(o.experiment() + ": " + name + " from " + n + " starts (" + o.solver() + ")")
        .xAxisTitle("initial " + name + " [" + unit + "]")
        .yAxisTitle("final " + name + " [" + unit + "]").build();
    style(c.getStyler());
    double[][] pts = Charts.finite(x, y);
    Double pub0 = o.published() == null ? null : o.published().get(name);
    double[] ys = pub0 != null && Double.isFinite(pub0) && pts[1].length > 0
        ? java.util.stream.DoubleStream.concat(Arrays.stream(pts[1]),
            java.util.stream.DoubleStream.of(pub0)).toArray() : pts[1];
    double[] xr = resolvableRange(pts[0]);
    double[] yr = resolvableRange(ys);
    if (xr != null) {
      c.getStyler().setXAxisMin(xr[0]).setXAxisMax(xr[1]);
    }
    if (yr != null) {
      c.getStyler().setYAxisMin(yr[0]).setYAxisMax(yr[1]);
    }
    c.getStyler().setXAxisDecimalPattern(Charts.tickPattern(xr != null ? xr : pts[0]));
    c.getStyler().setYAxisDecimalPattern(Charts.tickPattern(yr != null ? yr : ys));
    if (pts[0].length > 0) {
      Charts.scatter(c, "starts", pts[0], pts[1], SeriesMarkers.CIRCLE, Charts.BLUE);
    }
    int b = o.best();
    if (b >= 0 && b < n && Double.isFinite(x[b]) && Double.isFinite(y[b])) {
      Charts.scatter(c, "best start (lowest loss)", new double[] {x[b]}, new double[] {y[b]},
          SeriesMarkers.DIAMOND, Charts.RED);
    }
    Double pub = o.published() == null ? null : o.published().get(name);
    if (pub != null && Double.isFinite(pub) && pts[0].length > 0) {
      double lo = min(pts[0]);
      double hi = max(pts[0]);
      Charts.line(c, String.format(Locale.ROOT, "published median %.4g", pub),
          new double[] {lo, hi}, new double[] {pub, pub}, Charts.GREEN, SeriesLines.DASH_DASH);
    }
    if (c.getSeriesMap().isEmpty()) {
      c.addSeries("no finite values", new double[] {0}, new double[] {0});
    }
    return c;
  }

  private static void style(XYStyler st) {
    st.setLocale(Locale.ROOT);
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotBackgroundColor(Color.WHITE);
    st.setPlotGridLinesColor(new Color(0xdd, 0xdd, 0xdd));
    st.setPlotBorderVisible(true);
    st.setLegendPosition(Styler.LegendPosition.OutsideS);
    st.setLegendLayout(Styler.LegendLayout.Horizontal);
    st.setLegendBorderColor(Color.WHITE);
    st.setMarkerSize(7);
    st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    st.setAntiAlias(true);
  }

  /**
   * An axis range of at least 1e-6 of the values' magnitude around their middle when they are
   * closer together than that (starts that all converged), else null (XChart's own range).
   */
  static double[] resolvableRange(double[] v) {
    if (v.length == 0) {
      return null;
    }
    double lo = min(v);
    double hi = max(v);
    double floor = 1e-6 * Math.max(Math.abs(lo), Math.abs(hi));
    if (!(floor > 0) || hi - lo >= floor) {
      return null;
    }
    double mid = 0.5 * (lo + hi);
    return new double[] {mid - floor, mid + floor};
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.POSITIVE_INFINITY);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NEGATIVE_INFINITY);
  }

  /** File-name-safe form of a variable or parameter name. */
  public static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
