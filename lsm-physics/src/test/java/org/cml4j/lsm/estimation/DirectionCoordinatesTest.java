package org.cml4j.lsm.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cml4j.lsm.experiment.Huang2025;
import org.junit.jupiter.api.Test;

/**
 * {@link ParameterSpace#directionCoordinates()}, which the lockstep LM uses instead of multiplying
 * by the chain matrix, must name exactly the single 1 of each row of {@link ParameterSpace#chain}.
 */
class DirectionCoordinatesTest {
  @Test
  void namesTheOneOfEachChainRow() {
    for (List<FitParam> fit : List.of(
        List.of(FitParam.ALPHA, FitParam.LAMBDA, FitParam.C, FitParam.HBETA, FitParam.TB),
        List.of(FitParam.TB, FitParam.C, FitParam.ALPHA),
        List.of(FitParam.LAMBDA))) {
      ParameterSpace s = new ParameterSpace(fit, Huang2025.truth());
      double[] theta = s.clamp(s.fromModel(Huang2025.truth(), Double.NaN));
      double[][] chain = s.chain(theta);
      int[] sel = s.directionCoordinates();
      assertThat(sel).as(fit.toString()).hasSize(chain.length);
      for (int d = 0; d < chain.length; d++) {
        for (int i = 0; i < fit.size(); i++) {
          assertThat(chain[d][i]).as(fit + " direction " + d + " coordinate " + i)
              .isEqualTo(i == sel[d] ? 1.0 : 0.0);
        }
      }
    }
  }

  @Test
  void isNullWhenHAndBetaAreSplit() {
    ParameterSpace s = new ParameterSpace(List.of(FitParam.LAMBDA, FitParam.H, FitParam.BETA),
        Huang2025.truth());
    assertThat(s.directionCoordinates()).isNull();
  }
}
