package org.annals.lexicon;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Word lists from {@code modality.tsv} that make a clause negated, hypothetical, future, merely
 * intended, or background. Kinds:
 *
 * <ul>
 *   <li>{@code negation}: not, never, no …
 *   <li>{@code future}: will, would … (a statement of intent)
 *   <li>{@code hypothetical}: could, may, might … (nothing happened)
 *   <li>{@code obligation}: must, should (a demand)
 *   <li>{@code intent}: offer, plan, ready … whose to-complement is an intention
 *   <li>{@code condition}: if, unless … (a conditional clause)
 *   <li>{@code suppress}: verbs and nouns whose complements did not (yet) happen: plan, want, seek,
 *       call for, decision …
 *   <li>{@code implicative}: verbs whose complements did happen: manage, begin, continue …
 *   <li>{@code background}: phrases that mark history or background: once, formerly, in the past
 *   <li>{@code ongoing}: phrases that mark a continuing situation: for weeks, for months, since
 * </ul>
 */
public final class Modality {
  private final Map<String, Set<String>> kinds = new HashMap<>();
  private final PhraseIndex<String> phrases = new PhraseIndex<>();

  void add(String phrase, String kind) {
    kinds.computeIfAbsent(kind, k -> new HashSet<>()).add(phrase);
    phrases.add(phrase, kind);
  }

  /** True if the single word (lemma or lowercased form) is of {@code kind}. */
  public boolean is(String kind, String word) {
    Set<String> s = kinds.get(kind);
    return s != null && s.contains(word);
  }

  /** The phrase index of every entry (value: its kind). */
  public PhraseIndex<String> phrases() {
    return phrases;
  }

  /** The entries of one kind. */
  public Set<String> of(String kind) {
    return Set.copyOf(kinds.getOrDefault(kind, Set.of()));
  }

  static final List<String> KINDS =
      List.of(
          "negation",
          "future",
          "hypothetical",
          "obligation",
          "intent",
          "condition",
          "suppress",
          "implicative",
          "background",
          "ongoing",
          "prior",
          "report",
          "violent",
          "lethal",
          "casualty");
}
