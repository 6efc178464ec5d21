package org.annals.classify;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a classifier sees of one sentence: its cleaned text and what the rules found in it, as named
 * features ({@code rule:PROTEST} = 0.7, {@code source:COP} = 1, …; see {@link RuleFeatures}). The
 * same record feeds training ({@code annals train} writes it out) and prediction, so the two cannot
 * drift apart.
 *
 * @param text the sentence (or the record, for a multi-sentence training snippet)
 * @param features feature name to value; absent names are 0
 */
public record Example(String text, Map<String, Double> features) {
  public Example {
    features = Map.copyOf(features);
  }

  /** The features in name order (for stable output). */
  public Map<String, Double> sortedFeatures() {
    return new TreeMap<>(features);
  }

  /** This example's features and {@code other}'s, each name taking the larger value. */
  public Example union(Example other, String text) {
    Map<String, Double> f = new TreeMap<>(features);
    other.features.forEach((k, v) -> f.merge(k, v, Math::max));
    return new Example(text, f);
  }
}
