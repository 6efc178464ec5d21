package org.annals.cli;

import org.annals.model.OnnxEventClassifier;
import org.annals.store.Ingester;

/** The coders of {@code annals ingest}, for other front ends (the HTTP server). */
public final class Coders {
  private Coders() {}

  /**
   * The default coder: the built-in lexicon and the built-in model beside the rules, on {@code
   * threads} workers. The models load on the first batch.
   */
  public static Ingester.Coder hybrid(int threads) {
    return Runner.coder(null, threads, OnnxEventClassifier::builtIn);
  }
}
