package org.annals.lexicon;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A place from {@code landmarks.tsv} that GeoNames cities lack: a site inside a city (a square, a
 * palace, a zone), a region that is not an administrative one, or a continent.
 *
 * @param precision {@code site}, {@code region} or {@code continent}
 * @param city the containing city as GeoNames spells it, for sites
 * @param country ISO 3166-1 alpha-3, or null for places spanning countries
 * @param demonyms adjectives and people names ("African", "Africans")
 * @param origin file and line, for provenance
 */
public record Landmark(
    String name,
    List<String> alternates,
    double lat,
    double lon,
    String precision,
    @Nullable String city,
    @Nullable String country,
    List<String> demonyms,
    String origin) {
  public Landmark {
    alternates = List.copyOf(alternates);
    demonyms = List.copyOf(demonyms);
  }
}
