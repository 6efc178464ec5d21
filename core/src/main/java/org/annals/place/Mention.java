package org.annals.place;

import java.util.List;
import org.annals.nlp.Token;
import org.jspecify.annotations.Nullable;

/**
 * A recognised place mention with its gazetteer candidates, before resolution; {@code anyPrimary},
 * {@code famousPrimary} and {@code vote} are derived once here, not for every candidate scored.
 *
 * @param regionWord a region word follows or precedes it ("Basra province", "the province of
 *     Basra")
 * @param key the gazetteer key it was found by, or null for a named-entity span
 * @param tokens the tokens of its sentence
 * @param weak a one-word name that is a common lower-case word ("Mobile"): a place only with
 *     evidence
 */
record Mention(
    Toponym toponym,
    List<GeoPlace> candidates,
    boolean regionWord,
    @Nullable String key,
    List<Token> tokens,
    boolean weak,
    boolean anyPrimary,
    boolean famousPrimary,
    @Nullable String vote) {

  static Mention of(
      Toponym toponym,
      List<GeoPlace> candidates,
      boolean regionWord,
      @Nullable String key,
      List<Token> tokens,
      boolean weak) {
    return new Mention(
        toponym,
        candidates,
        regionWord,
        key,
        tokens,
        weak,
        Scorer.anyPrimary(candidates, key),
        Scorer.famousPrimary(candidates, key),
        Scorer.vote(candidates, key));
  }
}
