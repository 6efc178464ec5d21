package org.annals.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A classifier with no opinion that keeps what it was asked, per thread: run the rules pipeline
 * with it and {@link #take()} gives exactly the examples a trained classifier would see. This is
 * how {@code annals train} writes its training examples.
 */
public final class ExampleRecorder implements EventClassifier {
  private final ThreadLocal<List<Example>> seen = ThreadLocal.withInitial(ArrayList::new);

  @Override
  public List<Prediction> classify(List<Example> examples) {
    seen.get().addAll(examples);
    return Arrays.asList(new Prediction[examples.size()]);
  }

  /** The examples this thread passed since the last call, in order. */
  public List<Example> take() {
    List<Example> out = List.copyOf(seen.get());
    seen.get().clear();
    return out;
  }
}
