package org.annals.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class MergeEvaluationTest {
  private static final Map<String, MergeEvaluation.Gold> GOLD =
      Map.of(
          "a1", new MergeEvaluation.Gold("1", "1a"),
          "a2", new MergeEvaluation.Gold("1", "1a"),
          "a3", new MergeEvaluation.Gold("1", "1a"),
          "b1", new MergeEvaluation.Gold("1", "1b"),
          "b2", new MergeEvaluation.Gold("1", "1b"));

  @Test
  void score_perfectClustering_isOneEverywhere() {
    var r =
        MergeEvaluation.score(
            GOLD,
            List.of(
                new MergeEvaluation.Event(Set.of("a1", "a2"), false),
                new MergeEvaluation.Event(Set.of("a2", "a3"), false),
                new MergeEvaluation.Event(Set.of("b1", "b2"), false)),
            false);
    assertThat(r.recall()).isLessThan(1.0); // a1-a3 is never in one event
    assertThat(r.precision()).isEqualTo(1.0);
    assertThat(r.bcubedF1()).isEqualTo(1.0); // but the clusters are right
  }

  @Test
  void score_falseLinkAndBackground_areCountedAsTheReadmeSays() {
    var events =
        List.of(
            new MergeEvaluation.Event(Set.of("a1", "b1"), false),
            new MergeEvaluation.Event(Set.of("a2", "a3"), true));
    var without = MergeEvaluation.score(GOLD, events, false);
    assertThat(without.links()).isEqualTo(1);
    assertThat(without.falseLinks()).isEqualTo(1);
    assertThat(without.precision()).isZero();
    var with = MergeEvaluation.score(GOLD, events, true);
    assertThat(with.precision()).isEqualTo(0.5);
    assertThat(with.recall()).isCloseTo(1.0 / 4, within(1e-9)); // 1 of the 4 gold pairs
  }

  @Test
  void score_noLinks_singletonsGivePerfectBcubedPrecision() {
    var r = MergeEvaluation.score(GOLD, List.of(), false);
    assertThat(r.bcubedPrecision()).isEqualTo(1.0);
    assertThat(r.bcubedRecall()).isCloseTo((3 * (1.0 / 3) + 2 * 0.5) / 5, within(1e-9));
  }
}
