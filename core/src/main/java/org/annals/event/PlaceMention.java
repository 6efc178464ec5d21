package org.annals.event;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * One place mention as {@code annals places} prints it. Offsets point into the original article
 * text. Unresolved mentions (seen by the entity tagger, unknown to the gazetteer) have null
 * coordinates.
 *
 * @param use {@code place}, {@code actor} ("Washington said") or {@code demonym} ("Iraqi")
 * @param country ISO 3166-1 alpha-3
 * @param admin1 GeoNames admin1 code
 * @param precision {@code site}, {@code city}, {@code region}, {@code country} or {@code continent}
 * @param rule how the mention was found and resolved
 */
@JsonPropertyOrder({"article_id", "text", "start", "end", "use", "geonames_id", "name", "country",
    "admin1", "lat", "lon", "precision", "rule"})
public record PlaceMention(
    String articleId,
    String text,
    int start,
    int end,
    String use,
    @Nullable Long geonamesId,
    @Nullable String name,
    @Nullable String country,
    @Nullable String admin1,
    @Nullable Double lat,
    @Nullable Double lon,
    @Nullable String precision,
    String rule) {}
