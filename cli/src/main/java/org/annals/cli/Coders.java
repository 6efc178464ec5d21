package org.annals.cli;

import org.annals.lexicon.Lexicon;
import org.annals.model.OnnxEventClassifier;
import org.annals.pipeline.Pipeline;
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

  /**
   * The default coder's pipeline, loaded now (the NLP models, the lexicon and the model): the one
   * {@link #hybrid} codes with, for callers that run it on their own threads (a Spark executor).
   * Thread-safe.
   */
  public static Pipeline hybridPipeline() {
    return Runner.pipeline(Lexicon.builtIn(), false, null, true, OnnxEventClassifier.builtIn());
  }
}
