package org.annals.classify;

import java.util.List;

/**
 * Classifies sentences into event types. Implementations are thread-safe: one instance serves every
 * worker.
 */
@FunctionalInterface
public interface EventClassifier {
  /**
   * One prediction for each example, in order. A null element means "no opinion": the rules alone
   * decide that sentence.
   */
  List<Prediction> classify(List<Example> examples);

  /** A short name for provenance, e.g. {@code annals-event-model-1 (a1b2c3d4)}. */
  default String describe() {
    return "classifier";
  }

  /**
   * The calibrated probability that a coding whose type the classifier gave probability {@code p}
   * is right (fitted on held-out folds when the model was trained; the identity by default).
   */
  default double calibrate(double p) {
    return p;
  }
}
