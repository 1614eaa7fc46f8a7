package org.cml4j.cli.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.cml4j.bench.report.Charts;
import org.cml4j.lsm.posterior.Diagnostics;
import org.cml4j.lsm.posterior.PosteriorPredictive;
import org.cml4j.lsm.posterior.PosteriorResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots of a posterior (XChart, headless): corner plot and predictive bands. */
final class PosteriorPlots {
  private static final int CELL = 230;
  private static final int MAX_POINTS = 1500;
  private static final Color DOTS = new Color(0x1f, 0x77, 0xb4, 60);
  private static final Color OBS = new Color(0x33, 0x33, 0x33);

  private PosteriorPlots() {}

  /**
   * Lower-triangle scatter grid of thinned draws, histograms on the diagonal, the pooled Pearson
   * correlation of each pair in the upper triangle.
   */
  static byte[] corner(String title, PosteriorResult r) throws IOException {
    int d = r.names().size();
    int head = 40;
    BufferedImage img = new BufferedImage(d * CELL, d * CELL + head, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title + ", " + r.chains() * r.draws() + " draws", 10, 25);
    double[][] v = new double[d][];
    for (int j = 0; j < d; j++) {
      v[j] = thin(Diagnostics.flatten(r.coordinate(j, false)));
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        XYChart c = a == b ? histogram(r.names().get(a), v[a])
            : scatter(r.names().get(b), r.names().get(a), v[b], v[a]);
        g.drawImage(BitmapEncoder.getBufferedImage(c), b * CELL, head + a * CELL, null);
      }
      for (int b = a + 1; b < d; b++) {
        double rr = new org.apache.commons.math3.stat.correlation.PearsonsCorrelation()
            .correlation(v[a], v[b]);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format(Locale.ROOT, "r = %.2f", rr), b * CELL + CELL / 3,
            head + a * CELL + CELL / 2);
      }
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  private static double[] thin(double[] x) {
    int step = Math.max(1, (x.length + MAX_POINTS - 1) / MAX_POINTS);
    double[] t = new double[(x.length + step - 1) / step];
    for (int i = 0; i < t.length; i++) {
      t[i] = x[i * step];
    }
    return t;
  }

  private static XYChart histogram(String name, double[] x) {
    int bins = 30;
    double lo = Diagnostics.quantile(x, 0);
    double hi = Diagnostics.quantile(x, 1);
    double w = hi > lo ? (hi - lo) / bins : 1;
    double[] cnt = new double[bins];
    for (double v : x) {
      cnt[Math.min(bins - 1, (int) ((v - lo) / w))]++;
    }
    double[] xs = new double[2 * bins + 2];
    double[] ys = new double[2 * bins + 2];
    xs[0] = lo;
    for (int i = 0; i < bins; i++) {
      xs[2 * i + 1] = lo + i * w;
      ys[2 * i + 1] = cnt[i];
      xs[2 * i + 2] = lo + (i + 1) * w;
      ys[2 * i + 2] = cnt[i];
    }
    xs[2 * bins + 1] = lo + bins * w;
    XYChart c = cell(name, "count");
    XYSeries s = c.addSeries(name, xs, ys);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
    s.setMarker(SeriesMarkers.NONE);
    s.setFillColor(Charts.BLUE);
    s.setLineColor(Charts.BLUE);
    c.getStyler().setXAxisDecimalPattern(Charts.tickPattern(x));
    c.getStyler().setXAxisTickMarkSpacingHint(100);
    return c;
  }

  private static XYChart scatter(String xn, String yn, double[] x, double[] y) {
    XYChart c = cell(xn, yn);
    Charts.scatter(c, xn + "-" + yn, x, y, SeriesMarkers.CIRCLE, DOTS);
    c.getStyler().setMarkerSize(3);
    c.getStyler().setXAxisDecimalPattern(Charts.tickPattern(x));
    c.getStyler().setYAxisDecimalPattern(Charts.tickPattern(y));
    c.getStyler().setXAxisTickMarkSpacingHint(100);
    return c;
  }

  private static XYChart cell(String x, String y) {
    XYChart c = new XYChartBuilder().width(CELL).height(CELL).xAxisTitle(x).yAxisTitle(y).build();
    org.knowm.xchart.style.XYStyler st = c.getStyler();
    st.setLocale(Locale.ROOT);
    st.setLegendVisible(false);
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotBackgroundColor(Color.WHITE);
    st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
    st.setChartPadding(4);
    st.setAntiAlias(true);
    return c;
  }

  /**
   * Predictive bands of one observed variable, drawn relative to the posterior median model output
   * so that bands of a few millikelvin stay visible next to a diurnal cycle of 10 K (the full
   * series is in series_*.png).
   */
  static byte[] predictive(String title, PosteriorPredictive p, int k) throws IOException {
    String name = p.outputs().get(k).name();
    String unit = p.outputs().get(k).unit();
    int n = p.observed()[k].length;
    double[] h = new double[n];
    double[] mid = p.modelQ50()[k];
    for (int t = 0; t < n; t++) {
      h[t] = t;
    }
    XYChart c = new XYChartBuilder().width(1000).height(560).title(title + ": " + name)
        .xAxisTitle("time level [h]").yAxisTitle(name + " minus posterior median model [" + unit
            + "]").build();
    c.getStyler().setLocale(Locale.ROOT);
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setPlotBackgroundColor(Color.WHITE);
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    Charts.line(c, "predictive 5 % (model + noise)", h, minus(p.predQ05()[k], mid),
        Charts.GREEN, SeriesLines.DASH_DASH);
    Charts.line(c, "predictive 95 %", h, minus(p.predQ95()[k], mid), Charts.GREEN,
        SeriesLines.DASH_DASH);
    Charts.line(c, "model 5 %", h, minus(p.modelQ05()[k], mid), Charts.RED,
        SeriesLines.DOT_DOT);
    Charts.line(c, "model 95 %", h, minus(p.modelQ95()[k], mid), Charts.RED,
        SeriesLines.DOT_DOT);
    double[][] obs = Charts.finite(h, minus(p.observed()[k], mid));
    if (obs[0].length > 0) {
      Charts.scatter(c, String.format(Locale.ROOT, "observed (%.0f %% inside 5-95 %%)",
          100 * p.coverage()[k]), obs[0], obs[1], SeriesMarkers.CIRCLE, OBS);
      c.getStyler().setMarkerSize(5);
    }
    c.getStyler().setYAxisDecimalPattern(Charts.tickPattern(p.predQ95()[k].length > 0
        ? minus(p.predQ95()[k], mid) : new double[] {0, 1}));
    return Charts.png(c);
  }

  private static double[] minus(double[] a, double[] b) {
    double[] r = new double[a.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = a[i] - b[i];
    }
    return r;
  }
}
