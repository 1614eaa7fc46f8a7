package org.cml4j.lsm.assimilation;

import static org.assertj.core.api.Assertions.assertThat;

import org.cml4j.core.spi.ParameterInfo;
import org.junit.jupiter.api.Test;

class ParameterTransformsTest {
  @Test
  void clampedValuesPassTheParameterCheckEvenAtTheUpperBound() {
    // exp(log(10)) = 10.000000000000002 > 10: the filter once failed on Phoenix with this
    ParameterInfo lambda = new ParameterInfo("lambda", "W m-1 K-1", 0.001, 10, 1, true, "");
    double v = lambda.fromU(lambda.clampU(50));
    assertThat(lambda.check(v)).isLessThan(10).isGreaterThan(9.9999);
    double w = lambda.fromU(lambda.clampU(-50));
    assertThat(lambda.check(w)).isGreaterThan(0.001);
  }

  @Test
  void boundedParametersStayStrictlyInside() {
    ParameterInfo tb = new ParameterInfo("Tb", "K", 150, 400, 290, false, "");
    assertThat(tb.clampU(100)).isGreaterThan(150);
    assertThat(tb.clampU(500)).isLessThan(400);
    assertThat(tb.clampU(290)).isEqualTo(290);
  }
}
