package org.annals.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.annals.classify.EventClassifier;
import org.annals.classify.Example;
import org.annals.classify.Prediction;

/**
 * A classifier that counts its calls, sentences, word pieces and time, for {@code annals bench}.
 */
final class TimedClassifier implements EventClassifier {
  private final EventClassifier inner;
  private final AtomicLong nanos = new AtomicLong();
  private final AtomicLong sentences = new AtomicLong();
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong chars = new AtomicLong();

  TimedClassifier(EventClassifier inner) {
    this.inner = inner;
  }

  @Override
  public List<Prediction> classify(List<Example> examples) {
    long t = System.nanoTime();
    try {
      return inner.classify(examples);
    } finally {
      nanos.addAndGet(System.nanoTime() - t);
      sentences.addAndGet(examples.size());
      calls.incrementAndGet();
      examples.forEach(e -> chars.addAndGet(e.text().length()));
    }
  }

  @Override
  public String describe() {
    return inner.describe();
  }

  @Override
  public double calibrate(double p) {
    return inner.calibrate(p);
  }

  void reset() {
    nanos.set(0);
    sentences.set(0);
    calls.set(0);
    chars.set(0);
  }

  /** What the classifier did over {@code articles} articles coded. */
  String summary(long articles) {
    long n = Math.max(1, sentences.get());
    return String.format(
        Locale.ROOT,
        "%d sentences in %d calls (%.1f sentences an article, %.0f characters a sentence),"
            + " %.2f ms a sentence, %.1f ms an article, %.0f s of CPU in all",
        sentences.get(),
        calls.get(),
        (double) sentences.get() / Math.max(1, articles),
        (double) chars.get() / n,
        nanos.get() / 1e6 / n,
        nanos.get() / 1e6 / Math.max(1, articles),
        nanos.get() / 1e9);
  }
}
