package org.cml4j.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesFeaturesTest {
  @Test
  void recoversMeansAmplitudeRatioAndPhaseLagDespiteGaps() {
    int n = 96;
    double w = 2 * Math.PI / 24;
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = 300 + 0.01 * (i - 47.5) + 8 * Math.cos(w * i - 1.0) + 1 * Math.cos(2 * w * i);
      b[i] = 295 + 3 * Math.cos(w * i - 1.6);
    }
    for (int i = 30; i < 40; i++) {
      a[i] = Double.NaN;
    }
    double[] f = SeriesFeatures.of(List.of(a, b), 0, n, 1.0);
    List<String> names = SeriesFeatures.names(List.of("Ts", "T5"));
    assertThat(f).hasSize(SeriesFeatures.count(2)).hasSize(names.size());
    assertThat(f[names.indexOf("Ts.mean")]).isCloseTo(300, offset(1e-9));
    assertThat(f[names.indexOf("Ts.trend")]).isCloseTo(0.95, offset(1e-9));
    assertThat(f[names.indexOf("Ts.logAmp")]).isCloseTo(Math.log(8), offset(1e-9));
    assertThat(f[names.indexOf("Ts.amp2ratio")]).isCloseTo(1.0 / 8, offset(1e-9));
    assertThat(f[names.indexOf("Ts.sinPhase")]).isCloseTo(Math.sin(1.0), offset(1e-9));
    assertThat(f[names.indexOf("T5.mean")]).isCloseTo(295, offset(1e-9));
    assertThat(f[names.indexOf("T5.logAmpRatio")]).isCloseTo(Math.log(3.0 / 8), offset(1e-9));
    assertThat(f[names.indexOf("T5.phaseLag")]).isCloseTo(0.6, offset(1e-9));
  }

  @Test
  void tooFewValuesIsAClearError() {
    double[] a = new double[48];
    java.util.Arrays.fill(a, Double.NaN);
    a[0] = 1;
    assertThatThrownBy(() -> SeriesFeatures.of(List.of(a), 0, 48, 1.0))
        .hasMessageContaining("series 0 has 1 valid values").hasMessageContaining("at least 12");
  }
}
