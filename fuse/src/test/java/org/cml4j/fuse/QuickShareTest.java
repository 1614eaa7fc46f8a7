package org.cml4j.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cml4j.core.registry.Cml4j;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.fuse.net.FusionNetConfig;
import org.cml4j.fuse.objective.FusionNetCoupling;
import org.cml4j.fuse.net.NetSpec;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.junit.jupiter.api.Test;

/**
 * The quick share of a fusion network (issue 12's cost cut): the physics-loss network the registry
 * creates (what the benchmark runs; its factory once dropped the share) trains with half the QUICK
 * counts, as does {@link FusePlugin#physicsLoss()}; the TINY and FULL counts are untouched, and a
 * share outside (0, 1] is refused.
 */
class QuickShareTest {
  private static NetSpec spec(FusionNetCoupling c, Budget b) {
    CouplingTask t = TaskCatalog.of(TaskCatalog.Suite.QUICK, null, 42, 1).task("twin-n3").task()
        .toBuilder().budget(b).build();
    return c.setup(t).network().spec();
  }

  @Test
  void physicsLossTrainsWithHalfTheQuickCountsOnly() {
    FusionNetCoupling pl = (FusionNetCoupling) Cml4j.discover().registry()
        .create(FusionNetCoupling.PHYSICS_LOSS.name());
    assertThat(spec(FusePlugin.physicsLoss(), Budget.quick()).epochs()).isEqualTo(500);
    FusionNetCoupling full = new FusionNetCoupling(FusionNetCoupling.PHYSICS_LOSS,
        FusionNetConfig.physicsLoss());
    assertThat(spec(pl, Budget.quick()).epochs()).isEqualTo(500);
    assertThat(spec(pl, Budget.quick()).patience()).isEqualTo(150);
    assertThat(spec(full, Budget.quick()).epochs()).isEqualTo(1000);
    assertThat(spec(pl, Budget.tiny()).epochs()).isEqualTo(spec(full, Budget.tiny()).epochs())
        .isEqualTo(300);
    assertThat(spec(pl, new Budget(Budget.Effort.FULL, 600)).epochs()).isEqualTo(3000);
  }

  @Test
  void aShareOutsideZeroOneIsRefused() {
    assertThatThrownBy(() -> new FusionNetCoupling(FusionNetCoupling.PHYSICS_LOSS,
        FusionNetConfig.physicsLoss(), 0)).hasMessageContaining("quick share must be in (0, 1]");
    assertThatThrownBy(() -> new FusionNetCoupling(FusionNetCoupling.PHYSICS_LOSS,
        FusionNetConfig.physicsLoss(), 1.5)).hasMessageContaining("got 1.5");
  }
}
