package org.annals.classify;

import java.util.List;
import java.util.Locale;

/**
 * A classifier's probabilities for one sentence, aligned with {@link Labels#PLOVER}, {@link
 * Labels#ACLED} and {@link Labels#CAMEO}, each list summing to 1.
 */
public record Prediction(List<Double> plover, List<Double> acled, List<Double> cameo) {
  public Prediction {
    plover = List.copyOf(plover);
    acled = List.copyOf(acled);
    cameo = List.copyOf(cameo);
    check("PLOVER", plover, Labels.PLOVER);
    check("ACLED", acled, Labels.ACLED);
    check("CAMEO", cameo, Labels.CAMEO);
  }

  private static void check(String head, List<Double> p, List<String> labels) {
    if (p.size() != labels.size()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s probabilities: %d values for %d labels",
              head,
              p.size(),
              labels.size()));
    }
  }

  /** The probability of PLOVER type {@code type} (NONE: no event). */
  public double plover(String type) {
    int i = Labels.PLOVER.indexOf(type);
    return i < 0 ? 0 : plover.get(i);
  }

  /** The probability of CASE/ACLED code {@code code}. */
  public double acled(String code) {
    int i = Labels.ACLED.indexOf(code);
    return i < 0 ? 0 : acled.get(i);
  }

  /** The probability of CAMEO root {@code root} ("01" … "20"). */
  public double cameo(String root) {
    int i = Labels.CAMEO.indexOf(root);
    return i < 0 ? 0 : cameo.get(i);
  }
}
