package org.annals.nlp;

import java.util.List;

/**
 * The cheap scan that decides, from a sentence's lowercased words alone, whether the sentence needs
 * the expensive annotators.
 */
@FunctionalInterface
public interface SentenceSelector {
  boolean needsAnalysis(List<String> lowercaseWords);

  /** The same for the article's sentence number {@code index} (0: the lead). */
  default boolean needsAnalysis(int index, List<String> lowercaseWords) {
    return needsAnalysis(lowercaseWords);
  }

  /**
   * This selector, and the lead sentence always: it usually reports the article's main event, and a
   * trained classifier can code it where no trigger word is listed.
   */
  default SentenceSelector withLead() {
    SentenceSelector scan = this;
    return new SentenceSelector() {
      @Override
      public boolean needsAnalysis(List<String> lowercaseWords) {
        return scan.needsAnalysis(lowercaseWords);
      }

      @Override
      public boolean needsAnalysis(int index, List<String> lowercaseWords) {
        return index == 0 || scan.needsAnalysis(index, lowercaseWords);
      }
    };
  }

  /** Analyses every sentence (evaluation on single sentences, tests). */
  static SentenceSelector all() {
    return words -> true;
  }
}
