package org.annals.lexicon;

import org.jspecify.annotations.Nullable;

/**
 * One row of {@code actors.tsv}: an actor word or name with its sector, country and role.
 *
 * @param role {@code protester}, {@code civilian}, {@code armed}, {@code official}, {@code mob}, or
 *     null
 */
public record ActorTerm(
    String term,
    @Nullable String sector,
    @Nullable String country,
    @Nullable String role,
    String origin) {}
