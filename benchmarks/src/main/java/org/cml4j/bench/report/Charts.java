package org.cml4j.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What every PNG plot of cml4j shares (XChart, headless AWT): the palette, line and scatter series,
 * finite points only, and the atomic PNG write. Used by the estimate plots ({@link PlotWriter}),
 * the benchmark plots and the posterior plots.
 */
public final class Charts {
  /** Blue: observations, starts, histograms, the cascade paradigm. */
  public static final Color BLUE = new Color(0x1f, 0x77, 0xb4);
  /** Red: the modelled series, the best start, model quantiles. */
  public static final Color RED = new Color(0xd6, 0x27, 0x28);
  /** Green: published values, predictive quantiles, the fusion paradigm. */
  public static final Color GREEN = new Color(0x2c, 0xa0, 0x2c);
  /** Grey: marks such as the end of the fit window. */
  public static final Color MARK = new Color(0x55, 0x55, 0x55);

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /**
   * Adds a line without markers.
   *
   * @param stroke the line style (e.g. {@code SeriesLines.DASH_DASH}), or null for XChart's
   */
  public static XYSeries line(XYChart c, String name, double[] x, double[] y, Color color,
      BasicStroke stroke) {
    XYSeries s = c.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    if (stroke != null) {
      s.setLineStyle(stroke);
    }
    return s;
  }

  /** Adds points without a line. */
  public static XYSeries scatter(XYChart c, String name, double[] x, double[] y, Marker marker,
      Color color) {
    XYSeries s = c.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(marker);
    s.setMarkerColor(color);
    return s;
  }

  /** The points where both coordinates are finite: {@code {x, y}}. */
  public static double[][] finite(double[] x, double[] y) {
    int n = 0;
    double[] fx = new double[x.length];
    double[] fy = new double[x.length];
    for (int i = 0; i < x.length && i < y.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        fx[n] = x[i];
        fy[n++] = y[i];
      }
    }
    return new double[][] {Arrays.copyOf(fx, n), Arrays.copyOf(fy, n)};
  }

  /**
   * A decimal pattern that resolves the spread of {@code v}, not just its magnitude: enough
   * decimals (or significant digits in scientific notation for magnitudes of 1e5 and more or
   * below 1e-3) that ticks about a fifth of the range apart print differently — e.g. finals of
   * 1.25026 to 1.25031 get {@code 0.000000}, not XChart's {@code 1.25028E0} on every tick; a
   * posterior of Tb = 293.0003 K gets enough decimals to tell its ticks apart.
   *
   * @return the pattern, or null for no values (XChart's own)
   */
  public static String tickPattern(double[] v) {
    if (v.length == 0) {
      return null;
    }
    double lo = Arrays.stream(v).min().getAsDouble();
    double hi = Arrays.stream(v).max().getAsDouble();
    double m = Math.max(Math.abs(lo), Math.abs(hi));
    double step = (hi - lo) / 5;
    if (!(step > 0) || !Double.isFinite(step)) {
      step = m > 0 ? m * 1e-3 : 1;
    }
    if (m >= 1e5 || (m > 0 && m < 1e-3)) {
      int sig = (int) Math.ceil(Math.log10(m / step)) + 1;
      return "0." + "0".repeat(Math.max(1, Math.min(12, sig - 1))) + "E0";
    }
    int dec = Math.max(0, (int) Math.ceil(-Math.log10(step)));
    return dec == 0 ? "0" : "0." + "0".repeat(Math.min(12, dec));
  }

  /** The chart as PNG bytes. */
  public static byte[] png(Chart<?, ?> c) throws IOException {
    return BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
  }

  /** Writes the chart as {@code dir/file} (PNG, atomically). */
  public static void save(Path dir, String file, Chart<?, ?> c) throws IOException {
    AtomicFiles.write(dir.resolve(file), png(c));
  }
}
