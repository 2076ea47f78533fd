package org.lfenergy.sogno.samples.powerflow.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class GridTest {
  private static final Bus SLACK = Bus.builder(1, BusType.SLACK).build();
  private static final Bus LOAD = Bus.builder(2, BusType.PQ).load(10, 2).build();

  @Test
  void indexesBusesByNumberInTheOrderAdded() {
    Grid grid = Grid.builder().addBus(LOAD).addBus(SLACK)
        .addBranch(Branch.builder(1, 2).impedance(0, 0.1).build()).build();

    assertThat(grid.indexOf(2)).isZero();
    assertThat(grid.slackIndex()).isEqualTo(1);
    assertThat(grid.baseMva()).isEqualTo(100);
  }

  @Test
  void rejectsAGridWithoutSlackBus() {
    assertThatIllegalArgumentException().isThrownBy(() -> Grid.builder().addBus(LOAD).build())
        .withMessageContaining("slack");
  }

  @Test
  void rejectsASecondSlackBus() {
    Bus otherSlack = Bus.builder(3, BusType.SLACK).build();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> Grid.builder().addBus(SLACK).addBus(otherSlack).build())
        .withMessageContaining("buses 1 and 3");
  }

  @Test
  void rejectsDuplicateBusNumbersAndBranchesToUnknownBuses() {
    Branch toNowhere = Branch.builder(1, 9).impedance(0, 0.1).build();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> Grid.builder().addBus(SLACK).addBus(SLACK).build())
        .withMessageContaining("used twice");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Grid.builder().addBus(SLACK).addBranch(toNowhere).build())
        .withMessageContaining("no bus numbered 9");
  }

  @Test
  void rejectsNonPositiveBaseMva() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Grid.builder().baseMva(-100).addBus(SLACK).build())
        .withMessageContaining("baseMva");
  }

  @Test
  void rejectsValuesNoPowerFlowCanUse() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Bus.builder(1, BusType.PQ).load(Double.NaN, 0).build())
        .withMessageContaining("loadMw");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Bus.builder(1, BusType.PV).reactiveLimits(10, -10).build())
        .withMessageContaining("min <= max");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Branch.builder(1, 2).impedance(0, 0).build())
        .withMessageContaining("zero impedance");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Branch.builder(1, 1).impedance(0, 0.1).build())
        .withMessageContaining("two different buses");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Branch.builder(1, 2).impedance(0, 0.1).tap(0, 0).build())
        .withMessageContaining("tapRatio");
  }
}
