package org.annals.coding;

import org.jspecify.annotations.Nullable;

/**
 * An actor found in a clause. Offsets are into the cleaned text; {@code -1} when the actor was not
 * written in the clause (inherited from context).
 *
 * @param text the words of the actor phrase as written
 * @param name a named person or organisation, if any
 * @param country ISO 3166 alpha-3 code, if known
 * @param sector sector code (GOV, MIL, COP, REB, OPP, CVL, …), if known
 * @param role protester, civilian, armed, official, mob, or null
 * @param rule how the actor was found (dependency relation and lexicon lines)
 */
public record Actor(
    String text,
    @Nullable String name,
    @Nullable String country,
    @Nullable String sector,
    @Nullable String role,
    int start,
    int end,
    String rule) {

  public Actor withCountry(String iso3, String why) {
    return new Actor(text, name, iso3, sector, role, start, end, rule + "; country " + why);
  }
}
