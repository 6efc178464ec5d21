package org.annals.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelsTest {
  @Test
  void zspName_namesTypesAsZeroShotPloverDoes() {
    assertThat(Labels.zspName("CONCEDE")).isEqualTo("YIELD");
    assertThat(Labels.zspName("RETREAT")).isEqualTo("YIELD");
    assertThat(Labels.zspName("DISAPPROVE")).isEqualTo("ACCUSE");
    // the set has no INVESTIGATE: its ACCUSE holds the investigations
    assertThat(Labels.zspName("INVESTIGATE")).isEqualTo("ACCUSE");
    assertThat(Labels.zspName("FIGHT")).isEqualTo("ASSAULT");
    assertThat(Labels.zspName("AID")).isEqualTo("AID");
  }

  @Test
  void zspNames_teachAnAccusationAsDisapprovalOrInvestigation() {
    assertThat(Labels.ZSP_NAMES.get("ACCUSE"))
        .containsExactlyInAnyOrder("DISAPPROVE", "INVESTIGATE");
    for (var e : Labels.ZSP_NAMES.entrySet()) {
      assertThat(Labels.PLOVER).containsAll(e.getValue());
      e.getValue().forEach(t -> assertThat(Labels.zspName(t)).isEqualTo(e.getKey()));
    }
  }
}
