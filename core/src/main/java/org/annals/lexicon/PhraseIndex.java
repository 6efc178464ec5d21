package org.annals.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Finds the longest multi-word phrase starting at a token position. Phrases are matched on
 * lowercased words; the last word may also match the token's lemma (so "protesters" finds
 * "protester"). Thread-safe once built.
 *
 * @param <T> the value stored for each phrase
 */
public final class PhraseIndex<T> {
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
  private final Map<String, List<Entry<T>>> byFirst = new HashMap<>();

  /** A phrase and its value. */
  public record Entry<T>(List<String> words, T value) {}

  /** A match of {@code words} tokens starting at the position searched. */
  public record Match<T>(int length, T value) {}

  /** Splits a phrase the way the tokenizer splits text: spaces, commas and possessive 's. */
  public static List<String> words(String phrase) {
    List<String> out = new ArrayList<>();
    for (String w : SPACES.split(phrase.toLowerCase(Locale.ROOT).strip(), -1)) {
      if (w.isEmpty()) {
        continue;
      }
      String suffix = null;
      if (w.length() > 1 && w.endsWith(",")) {
        w = w.substring(0, w.length() - 1);
        suffix = ",";
      }
      if (w.length() > 2 && w.endsWith("'s")) {
        out.add(w.substring(0, w.length() - 2));
        out.add("'s");
      } else {
        out.add(w);
      }
      if (suffix != null) {
        out.add(suffix);
      }
    }
    return out;
  }

  public void add(String phrase, T value) {
    List<String> ws = words(phrase);
    if (ws.isEmpty()) {
      return;
    }
    byFirst.computeIfAbsent(ws.get(0), k -> new ArrayList<>()).add(new Entry<>(ws, value));
  }

  /**
   * Longest phrase starting at {@code pos}, or null. {@code lower} gives a token's lowercased word
   * and {@code lemma} its lowercased lemma (or the word).
   */
  public @Nullable Match<T> longest(
      int pos, int size, IntFunction<String> lower, IntFunction<String> lemma) {
    String first = lower.apply(pos);
    String firstLemma = lemma.apply(pos);
    Match<T> best = longest(byFirst.get(first), null, pos, size, lower, lemma);
    if (!firstLemma.equals(first)) {
      best = longest(byFirst.get(firstLemma), best, pos, size, lower, lemma);
    }
    return best;
  }

  private @Nullable Match<T> longest(
      @Nullable List<Entry<T>> candidates,
      @Nullable Match<T> best,
      int pos,
      int size,
      IntFunction<String> lower,
      IntFunction<String> lemma) {
    if (candidates == null) {
      return best;
    }
    for (Entry<T> e : candidates) {
      int n = e.words().size();
      if (pos + n > size || (best != null && best.length() >= n)) {
        continue;
      }
      boolean ok = true;
      for (int k = 0; k < n && ok; k++) {
        String w = e.words().get(k);
        int t = pos + k;
        ok = w.equals(lower.apply(t)) || (k == n - 1 && w.equals(lemma.apply(t)));
      }
      if (ok) {
        best = new Match<>(n, e.value());
      }
    }
    return best;
  }

  public boolean isEmpty() {
    return byFirst.isEmpty();
  }
}
