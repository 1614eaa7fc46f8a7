package org.cml4j.testbeds.twin;

import java.util.List;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.vars.Variables;

/** The seeded synthetic twins the cascade examples and tests use (see {@link CascadeTwin}). */
public final class CascadeTwins {
  private CascadeTwins() {}

  /**
   * Structural error twin: 24 days hourly (12 train, 5 validation, 7 test); soil temperature at
   * 5 cm, surface temperature and ground heat flux observed and predicted; the truth's daytime
   * hbeta gain is 1.
   */
  public static TwinCase structural(long seed, Budget budget) {
    return new CascadeTwin().name("twin-structural").seed(seed).budget(budget)
        .observed(List.of("SoilTemp_0.05", Variables.SURF_TEMP, Variables.QG))
        .targets(List.of("SoilTemp_0.05", Variables.SURF_TEMP, Variables.QG)).build();
  }

  /**
   * Flux-partitioning twin: soil temperature at 5 cm, surface temperature, Qh and Qle observed;
   * targets Qh and Qle, which the mechanism cannot produce separately.
   */
  public static TwinCase partitioning(long seed, Budget budget) {
    return new CascadeTwin().name("twin-partitioning").seed(seed).budget(budget)
        .observed(List.of("SoilTemp_0.05", Variables.SURF_TEMP, Variables.QH, Variables.QLE))
        .targets(List.of(Variables.QH, Variables.QLE)).build();
  }

  /**
   * Gappy twin: the structural twin with 6 forcing gaps of 9 h (all three forcing variables), 8 %
   * of each observed variable missing in gaps of 1 to 23 h (mean 12 h) and 12 spikes of about
   * 150 W m-2 in the ground heat flux; targets soil temperature at 5 cm and surface temperature.
   */
  public static TwinCase gappy(long seed, Budget budget) {
    return new CascadeTwin().name("twin-gappy").seed(seed).budget(budget)
        .observed(List.of("SoilTemp_0.05", Variables.SURF_TEMP, Variables.QG))
        .targets(List.of("SoilTemp_0.05", Variables.SURF_TEMP))
        .forcingGaps(6, 9).observationGaps(0.08, 12).spikes(Variables.QG, 12, 150).build();
  }
}
