package org.cml4j.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PlotWriterPatternTest {
  private static String f(String pattern, double v) {
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
  }

  @Test
  void ticksAFifthOfTheSpreadApartPrintDifferently() {
    // multi-start finals of estimate: 1.25026 .. 1.25031 (spread 5e-5)
    String p = PlotWriter.pattern(new double[] {1.25026, 1.25031, 1.25028});
    assertThat(f(p, 1.25026)).isNotEqualTo(f(p, 1.25027)).isEqualTo("1.25026");
    // a heat capacity of 2.2e6 with a spread of 50
    String q = PlotWriter.pattern(new double[] {2.20000e6, 2.20005e6});
    assertThat(f(q, 2.20000e6)).isNotEqualTo(f(q, 2.20001e6));
    // an ordinary range keeps few decimals
    assertThat(PlotWriter.pattern(new double[] {0, 10})).isEqualTo("0");
  }
}
