package org.cml4j.lsm.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cml4j.core.baseline.GapFill;
import org.cml4j.lsm.data.ResampleMethod;
import org.cml4j.lsm.data.SiteData;
import org.cml4j.lsm.data.SiteDataException;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.SurfaceForcing;

/**
 * The series a {@link SiteExperiment} takes from a window of site data: hourly forcing with short
 * gaps filled, the observed or predicted variables by output name (SurfTemp derived from LWup,
 * QhQle as Qh + Qle) and the temperatures observed at the first level for the initial profile.
 * Every error names the file ({@link SiteData#source()}), the variable and the time span.
 */
final class SiteSeries {
  private SiteSeries() {}

  /** {@code w} on hourly levels (sampled at full hours when its step is not one hour). */
  static SiteData hourly(SiteData w) {
    return w.stepSeconds() != 3600 ? w.resample(3600, ResampleMethod.SAMPLE) : w;
  }

  /** SWdown (negative values set to 0), LWdown and Tair of {@code w}, gaps filled. */
  static SurfaceForcing forcing(SiteData w) {
    double[] k = gapFilled(w, "SWdown");
    double[] l = gapFilled(w, "LWdown");
    double[] ta = gapFilled(w, "Tair");
    for (int i = 0; i < k.length; i++) {
      k[i] = Math.max(0, k[i]);
    }
    return new SurfaceForcing(k, l, ta);
  }

  /**
   * A forcing variable of hourly {@code w} with gaps of at most
   * {@link SiteExperiment#MAX_FORCING_GAP} between two values interpolated linearly
   * ({@link GapFill#linear}); a longer gap, or one at either end, is an error.
   */
  static double[] gapFilled(SiteData w, String name) {
    if (!w.has(name)) {
      throw SiteDataException.forFile(w.source(), name, "required forcing variable "
          + name + " is missing; available: " + w.variableNames());
    }
    double[] v = w.variable(name);
    int maxGap = (int) (SiteExperiment.MAX_FORCING_GAP.getSeconds() / 3600);
    int run = 0;
    for (int i = 0; i <= v.length; i++) {
      if (i < v.length && Double.isNaN(v[i])) {
        run++;
        continue;
      }
      if (run > 0 && (run == i || i == v.length || run > maxGap)) {
        throw SiteDataException.forFile(w.source(), name, String.format(Locale.ROOT,
            "forcing gap of %d h from %s to %s in the window %s to %s (gaps of at most %d h with"
                + " values on both sides inside the window are interpolated linearly)", run,
            w.time(i - run), w.time(i - 1), w.time(0), w.time(v.length - 1), maxGap));
      }
      run = 0;
    }
    return GapFill.linear(v);
  }

  /** Every temperature observed at level 0 of {@code w}: {depth m, T K}, surface first. */
  static List<double[]> observedPoints(SiteData w, double[] ldown) {
    List<double[]> pts = new ArrayList<>();
    double[] surf = w.has("SurfTemp") ? w.variable("SurfTemp")
        : w.has("LWup") ? Output.surfaceTemperatureFromLwup(w.variable("LWup"), ldown) : null;
    if (surf != null && !Double.isNaN(surf[0])) {
      pts.add(new double[] {0, surf[0]});
    }
    for (double d : w.soilDepths()) {
      double v = w.variable(w.soilTempVariable(d).orElseThrow())[0];
      if (!Double.isNaN(v) && d < 1.0) {
        pts.add(new double[] {d, v});
      }
    }
    if (pts.isEmpty()) {
      throw SiteDataException.forFile(w.source(), "SoilTemp",
          "no surface or soil temperature observed at " + w.time(0)
              + ": cannot build the initial profile");
    }
    return pts;
  }

  /**
   * The series of the output {@code names} in {@code w}; each must have a value among its first
   * {@code levels} levels (a variable with none is an error, not a silent drop).
   *
   * @param role e.g. "observed (fitted)", used in the error message
   * @param period e.g. "fit period", used in the error message
   */
  static double[][] required(SiteData w, List<String> names, int levels, String role,
      String period) {
    double[][] out = new double[names.size()][];
    for (int k = 0; k < out.length; k++) {
      String name = names.get(k);
      double[] x = series(w, name);
      int n = Math.min(levels, x.length);
      int i = 0;
      while (i < n && Double.isNaN(x[i])) {
        i++;
      }
      if (i == n) {
        throw SiteDataException.forFile(w.source(), name, role + " variable " + name
            + " has no value in the " + period + " " + w.time(0) + " to " + w.time(n - 1) + " (" + n
            + " hourly levels all missing); choose another variable or window");
      }
      out[k] = x;
    }
    return out;
  }

  /**
   * One variable of {@code w} by output name: the file's column (a soil temperature matched by
   * depth), else SurfTemp derived from LWup or QhQle as Qh + Qle.
   *
   * @throws SiteDataException naming the file, the variable and the available ones
   */
  static double[] series(SiteData w, String name) {
    Output o = Output.parse(name);
    switch (o.kind()) {
      case SURFACE_TEMPERATURE:
        if (w.has("SurfTemp")) {
          return w.variable("SurfTemp").clone();
        }
        if (w.has("LWup")) {
          return Output.surfaceTemperatureFromLwup(w.variable("LWup"), w.variable("LWdown"));
        }
        break;
      case TURBULENT_FLUX:
        if (w.has("Qh") && w.has("Qle")) {
          double[] h = w.variable("Qh");
          double[] le = w.variable("Qle");
          double[] s = new double[h.length];
          for (int i = 0; i < s.length; i++) {
            s[i] = h[i] + le[i];
          }
          return s;
        }
        break;
      default:
        String key = o.kind() == Output.Kind.SOIL_TEMPERATURE
            ? w.soilTempVariable(o.depth()).orElse(o.name()) : o.name();
        if (w.has(key)) {
          return w.variable(key).clone();
        }
    }
    throw SiteDataException.forFile(w.source(), name, "variable " + name
        + " is not in the file (SurfTemp may be derived from LWup, QhQle needs Qh and Qle);"
        + " available: " + w.variableNames());
  }
}
