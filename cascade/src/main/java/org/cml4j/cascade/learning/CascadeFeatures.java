package org.cml4j.cascade.learning;

import java.util.function.UnaryOperator;
import org.cml4j.core.features.FeatureTable;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;

/**
 * The cascade couplings' feature recipes on {@link FeatureTable} (whose axis is the forcing):
 * forcing with trailing means (memory the network would otherwise lack) and the diurnal
 * harmonics. Every column is finite (NaN inputs are rejected naming the variable and step).
 */
public final class CascadeFeatures {
  private CascadeFeatures() {}

  /** SWdown, LWdown, Tair and trailing means of SWdown (3, 24 steps) and Tair (24 steps). */
  public static FeatureTable forcing(FeatureTable t) {
    Frame forcing = t.axis();
    double[] sw = forcing.values(Variables.SWDOWN);
    double[] ta = forcing.values(Variables.TAIR);
    t.add(Variables.SWDOWN, sw).add(Variables.LWDOWN, forcing.values(Variables.LWDOWN))
        .add(Variables.TAIR, ta);
    return t.with(trailingMeans(Variables.SWDOWN, 3, 24)).with(trailingMeans(Variables.TAIR, 24));
  }

  /** Trailing means of a forcing variable over the given windows [steps], named v.meanN. */
  public static UnaryOperator<FeatureTable> trailingMeans(String v, int... windows) {
    return t -> {
      for (int w : windows) {
        t.addTrailingMean(v + ".mean" + w, t.axis().values(v), w);
      }
      return t;
    };
  }

  /** sin/cos of the 24 h and 12 h cycles (sin24, cos24, sin12, cos12). */
  public static FeatureTable diurnal(FeatureTable t) {
    return t.addDiurnal("sin24", "cos24", "sin12", "cos12");
  }
}
