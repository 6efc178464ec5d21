package org.annals.place;

import org.jspecify.annotations.Nullable;

/**
 * A place mention in one sentence: tokens {@code [tokenStart, tokenEnd)}, character offsets into
 * the cleaned text, and the place it resolved to (null if only named-entity recognition saw it).
 *
 * @param use {@code place} (where something is or happens), {@code actor} ("Washington said",
 *     "Iraq's government"), or {@code demonym} ("Iraqi forces"); only {@code place} locates events
 * @param rule how it was found and resolved, for provenance
 */
public record Toponym(
    int sentence,
    int tokenStart,
    int tokenEnd,
    int start,
    int end,
    String text,
    String use,
    @Nullable GeoPlace place,
    String rule) {

  public Toponym withPlace(@Nullable GeoPlace p, String why) {
    return new Toponym(sentence, tokenStart, tokenEnd, start, end, text, use, p, rule + "; " + why);
  }
}
