package org.annals.lexicon;

import java.util.List;

/** A country: ISO 3166 codes, names, demonyms and capital names. */
public record Country(
    String iso3,
    String iso2,
    String name,
    List<String> alternates,
    List<String> demonyms,
    List<String> capitals) {
  public Country {
    alternates = List.copyOf(alternates);
    demonyms = List.copyOf(demonyms);
    capitals = List.copyOf(capitals);
  }
}
