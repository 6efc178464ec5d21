package org.annals.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class CalibrationTest {
  /** Codings right with probability {@code truth(p)} where the coder said {@code p}. */
  private static List<Calibration.Point> sample(
      long seed, java.util.function.DoubleUnaryOperator truth) {
    Random r = new Random(seed);
    List<Calibration.Point> out = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double p = 0.05 + 0.9 * r.nextDouble();
      out.add(new Calibration.Point(p, r.nextDouble() < truth.applyAsDouble(p)));
    }
    return out;
  }

  @Test
  void ece_calibratedConfidences_isNearZero() {
    assertThat(Calibration.ece(sample(1, p -> p), 10)).isLessThan(0.02);
  }

  @Test
  void ece_overconfidentCoder_isLarge_andPlattFitOnOtherDataRemovesIt() {
    java.util.function.DoubleUnaryOperator overconfident = p -> 0.5 + 0.5 * (p - 0.5);
    List<Calibration.Point> train = sample(2, overconfident);
    List<Calibration.Point> test = sample(3, overconfident);
    assertThat(Calibration.ece(test, 10)).isGreaterThan(0.08);

    Calibration.Fit fit = Calibration.fit(train);
    List<Calibration.Point> scaled = new ArrayList<>();
    for (Calibration.Point p : test) {
      scaled.add(new Calibration.Point(fit.apply(p.confidence()), p.correct()));
    }

    assertThat(fit.a()).isLessThan(1);
    assertThat(Calibration.ece(scaled, 10)).isLessThan(0.02);
  }

  @Test
  void fit_peakedAndSeparableConfidences_staysFiniteAndMatchesTheShareRight() {
    // An overconfident classifier: most codings at 1.00 (85% right), the rest low and all right,
    // so the raw confidences separate nothing and an unguarded Newton step runs off.
    List<Calibration.Point> points = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      points.add(new Calibration.Point(1.0, i % 20 >= 3));
    }
    for (int i = 0; i < 300; i++) {
      points.add(new Calibration.Point(0.02 + 0.0001 * i, true));
    }

    Calibration.Fit fit = Calibration.fit(points);

    assertThat(Math.abs(fit.a()) + Math.abs(fit.b())).isLessThan(100);
    assertThat(fit.apply(1.0)).isCloseTo(0.85, within(0.02));
  }

  @Test
  void fit_noPoints_isTheIdentity() {
    Calibration.Fit fit = Calibration.fit(List.of());

    assertThat(fit.apply(0.3)).isCloseTo(0.3, within(1e-9));
  }

  @Test
  void table_listsOnlyFilledBins() {
    List<String> t =
        Calibration.table(
            List.of(new Calibration.Point(0.95, true), new Calibration.Point(0.91, false)), 10);

    assertThat(t).hasSize(3);
    assertThat(t.get(2)).isEqualTo("| 0.9–1.0 | 2 | 0.930 | 0.500 |");
  }

  @Test
  void isotonic_nonSigmoidCoder_fitOnOtherDataRemovesTheError() {
    // right far less often than said below 0.8, more often above: a step Platt scaling cannot bend
    java.util.function.DoubleUnaryOperator step = p -> p < 0.8 ? 0.5 * p : 0.95;
    List<Calibration.Point> train = sample(4, step);
    List<Calibration.Point> test = sample(5, step);

    Calibration.Curve curve = Calibration.isotonic(train);
    List<Calibration.Point> scaled = new ArrayList<>();
    for (Calibration.Point p : test) {
      scaled.add(new Calibration.Point(curve.apply(p.confidence()), p.correct()));
    }

    assertThat(Calibration.ece(test, 10)).isGreaterThan(0.1);
    assertThat(Calibration.ece(scaled, 10)).isLessThan(0.02);
    for (int i = 1; i < curve.y().length; i++) {
      assertThat(curve.y()[i]).isGreaterThan(curve.y()[i - 1]);
      assertThat(curve.x()[i]).isGreaterThan(curve.x()[i - 1]);
    }
  }

  @Test
  void isotonic_poolsViolatorsAndEqualConfidences_andNeverGivesCertainty() {
    List<Calibration.Point> points =
        List.of(
            new Calibration.Point(0.2, false),
            new Calibration.Point(0.2, false),
            new Calibration.Point(0.4, true), // right here, wrong above: pooled with 0.6
            new Calibration.Point(0.6, false),
            new Calibration.Point(0.9, true),
            new Calibration.Point(0.9, true));

    Calibration.Curve curve = Calibration.isotonic(points);

    assertThat(curve.x()).containsExactly(0.2, 0.5, 0.9);
    assertThat(curve.y()).containsExactly(0.01, 0.5, 0.99);
    assertThat(curve.apply(0.1)).isEqualTo(0.01);
    assertThat(curve.apply(0.35)).isCloseTo(0.255, within(1e-9));
    assertThat(curve.apply(0.95)).isEqualTo(0.99);
  }

  @Test
  void isotonic_noPoints_isTheIdentity() {
    assertThat(Calibration.isotonic(List.of()).apply(0.3)).isCloseTo(0.3, within(1e-9));
  }

  @Test
  void curve_unequalLengths_isRefusedWithBothCounts() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Calibration.Curve(new double[] {0.1, 0.2}, new double[] {0.5}))
        .hasMessageContaining("2 x, 1 y");
  }
}
