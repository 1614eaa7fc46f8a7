package org.cml4j.lsm.rich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RichColumnStepTest {
  private static final int N = 21;

  private static double[] filled(double v) {
    double[] a = new double[N];
    Arrays.fill(a, v);
    return a;
  }

  @Test
  void kirchhoffAbsorbsLongwaveWithTheEmissivity() {
    RichColumnStep kirchhoff = new RichColumnStep(N, 0.05, 3600, 0.2, 0.9, 290, true);
    RichColumnStep full = new RichColumnStep(N, 0.05, 3600, 0.2, 0.9, 290, false);
    double[] a = filled(290);
    double[] b = filled(290);
    for (RichColumnStep s : new RichColumnStep[] {kirchhoff, full}) {
      s.properties(filled(2e6), filled(1.2));
    }
    for (int k = 1; k <= 24; k++) {
      kirchhoff.advance(a, 400, 350, 295, 20, k);
      full.advance(b, 400, 0.9 * 350, 295, 20, k);
    }
    assertThat(a).containsExactly(b);
    assertThat(a[0]).isGreaterThan(290);
    assertThat(a[N - 1]).isEqualTo(290);
  }

  @Test
  void badInputsAreNamed() {
    assertThatThrownBy(() -> new RichColumnStep(2, 0.05, 3600, 0.2, 0.9, 290, true))
        .hasMessageContaining("nodes >= 3");
    RichColumnStep s = new RichColumnStep(N, 0.05, 3600, 0.2, 0.9, 290, true);
    assertThatThrownBy(() -> s.advance(filled(290), 0, 300, 290, 10, 1))
        .hasMessageContaining("properties must be set");
    double[] c = filled(2e6);
    c[7] = -1;
    assertThatThrownBy(() -> s.properties(c, filled(1)))
        .hasMessageContaining("node 7").hasMessageContaining("-1.0");
    assertThatThrownBy(() -> s.properties(new double[3], filled(1)))
        .hasMessageContaining("3 capacities");
  }
}
