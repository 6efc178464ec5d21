package org.annals.nlp;

import java.util.List;

/**
 * The cheap scan that decides, from a sentence's lowercased words alone, whether the sentence needs
 * the expensive annotators.
 */
@FunctionalInterface
public interface SentenceSelector {
  boolean needsAnalysis(List<String> lowercaseWords);

  /** Analyses every sentence (evaluation on single sentences, tests). */
  static SentenceSelector all() {
    return words -> true;
  }
}
