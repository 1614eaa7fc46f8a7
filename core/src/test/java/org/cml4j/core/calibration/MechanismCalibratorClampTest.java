package org.cml4j.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import org.cml4j.core.spi.ParameterInfo;
import org.junit.jupiter.api.Test;

class MechanismCalibratorClampTest {

  @Test
  void clampsStrictlyInsideBoundsSoModelsWithOpenIntervalsAcceptTheResult() {
    ParameterInfo tb = new ParameterInfo("Tb", "K", 150, 400, 290, false, "bottom temperature");
    assertThat(MechanismCalibrator.clamp(tb, 100)).isGreaterThan(150).isLessThan(150.001);
    assertThat(MechanismCalibrator.clamp(tb, 150)).isGreaterThan(150);
    assertThat(MechanismCalibrator.clamp(tb, 900)).isLessThan(400).isGreaterThan(399.999);
    assertThat(MechanismCalibrator.clamp(tb, 290)).isEqualTo(290);
  }

  @Test
  void positiveParametersStayPositiveEvenWithAZeroLowerBound() {
    ParameterInfo hb = new ParameterInfo("hbeta", "W m-2 K-1", 0, 100, 10, true, "transfer");
    assertThat(MechanismCalibrator.clamp(hb, -5)).isPositive();
    assertThat(MechanismCalibrator.clamp(hb, 0)).isPositive();
  }
}
