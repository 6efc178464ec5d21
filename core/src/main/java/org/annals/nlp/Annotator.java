package org.annals.nlp;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Splits cleaned text into sentences and tokens and analyses the sentences that the selector
 * chooses (lemmas, tags, entities, time expressions resolved against {@code documentDate},
 * dependencies).
 *
 * <p>Implementations are thread-safe: one instance serves every worker thread.
 */
@FunctionalInterface
public interface Annotator {
  AnnotatedDocument annotate(
      String text, @Nullable LocalDate documentDate, SentenceSelector selector);
}
