package org.cml4j.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChartsTickPatternTest {
  private static String f(String pattern, double v) {
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
  }

  @Test
  void ticksAFifthOfTheSpreadApartPrintDifferently() {
    // multi-start finals of estimate: 1.25026 .. 1.25031 (spread 5e-5)
    String p = Charts.tickPattern(new double[] {1.25026, 1.25031, 1.25028});
    assertThat(f(p, 1.25026)).isNotEqualTo(f(p, 1.25027)).isEqualTo("1.25026");
    // a heat capacity of 2.2e6 with a spread of 50
    String q = Charts.tickPattern(new double[] {2.20000e6, 2.20005e6});
    assertThat(f(q, 2.20000e6)).isNotEqualTo(f(q, 2.20001e6));
    // a narrow posterior of a large value (Tb near 293 K, spread 4e-4 K)
    String t = Charts.tickPattern(new double[] {293.0001, 293.0005});
    assertThat(f(t, 293.0001)).isNotEqualTo(f(t, 293.0002));
    assertThat(Charts.tickPattern(new double[0])).isNull();
    // an ordinary range keeps few decimals
    assertThat(Charts.tickPattern(new double[] {0, 10})).isEqualTo("0");
  }
}
