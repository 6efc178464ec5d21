package org.annals.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class ShingleF1Test {
  @Test
  void score_sameTokensOtherLayout_isPerfect() {
    ShingleF1.Page p =
        ShingleF1.score("One two, three four five.", "One two\n\nthree -- four five");
    assertThat(p.precision()).isEqualTo(1.0);
    assertThat(p.recall()).isEqualTo(1.0);
    assertThat(p.f1()).isEqualTo(1.0);
  }

  @Test
  void score_extraTextAndMissingText_countsShingleMultisets() {
    // expected: a b c d e -> [abcd, bcde]; extracted: a b c d x -> [abcd, bcdx]
    ShingleF1.Page p = ShingleF1.score("a b c d e", "a b c d x");
    assertThat(p.tp()).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(p.fp()).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(p.fn()).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(p.precision()).isCloseTo(0.5, within(1e-9));
    assertThat(p.f1()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void score_repeatedParagraph_isAFalsePositive() {
    ShingleF1.Page p = ShingleF1.score("a b c d", "a b c d a b c d");
    // extracted shingles: abcd x2, bcda, cdab, dabc; one abcd matches
    assertThat(p.precision()).isCloseTo(1 / 5.0, within(1e-9));
    assertThat(p.recall()).isEqualTo(1.0);
  }

  @Test
  void score_shortAndEmptyTexts_followTheBenchmarkRules() {
    assertThat(ShingleF1.score("Hello world", "Hello world").f1()).isEqualTo(1.0);
    assertThat(ShingleF1.score("", "").f1()).isEqualTo(1.0);
    assertThat(ShingleF1.score("a b c d", "").f1()).isEqualTo(0.0);
    assertThat(ShingleF1.score("", "a b c d").precision()).isEqualTo(0.0);
  }

  @Test
  void f1_severalPages_isTheHarmonicMeanOfMeanPrecisionAndMeanRecall() {
    ShingleF1 scores = new ShingleF1();
    scores.add("a b c d e", "a b c d e");
    scores.add("a b c d e", "a b c d"); // precision 1, recall 1/2
    scores.add("", "");
    assertThat(scores.size()).isEqualTo(3);
    assertThat(scores.precision()).isEqualTo(1.0);
    assertThat(scores.recall()).isCloseTo(0.75, within(1e-9));
    assertThat(scores.f1()).isCloseTo(2 * 0.75 / 1.75, within(1e-9));
  }
}
