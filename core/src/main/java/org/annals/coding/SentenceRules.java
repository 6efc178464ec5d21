package org.annals.coding;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.annals.nlp.Sentence;

/**
 * What the rules made of one analysed sentence: the clauses they coded, the trigger match behind
 * each, and how many matches were negated or dropped by modality. The classifier's features are
 * read from it, and a model decision recodes its clauses.
 *
 * @param matchOf the trigger match of each coded clause (by identity; reported obligations have
 *     none)
 * @param matches how many trigger matches the sentence had
 * @param negated matches dropped as negated
 * @param dropped matches dropped as hypothetical, conditional, intended or complements
 * @param recentBefore how many recent actors (for pronouns) were known before this sentence
 */
record SentenceRules(
    Sentence sentence,
    List<EventMention> mentions,
    Map<EventMention, TriggerMatch> matchOf,
    Set<Integer> anchors,
    Map<Integer, Integer> priorities,
    int matches,
    int negated,
    int dropped,
    int recentBefore) {

  SentenceRules {
    mentions = List.copyOf(mentions);
  }

  /**
   * The clause that speaks for the sentence: the one nearest the root, then the most specific, then
   * the first; null when the rules coded nothing.
   */
  EventMention primary() {
    EventMention best = null;
    for (EventMention m : mentions) {
      if (best == null
          || m.depth() < best.depth()
          || (m.depth() == best.depth() && m.priority() > best.priority())) {
        best = m;
      }
    }
    return best;
  }
}
