package org.annals.place;

import org.jspecify.annotations.Nullable;

/**
 * A gazetteer entry: a GeoNames populated place, an admin2 district, an admin1 region, a country,
 * or a landmark.
 *
 * @param geonamesId GeoNames id of populated places and districts; null for regions, countries and
 *     landmarks (the compact gazetteer does not carry their ids)
 * @param country ISO 3166-1 alpha-3, or null for places spanning countries
 * @param admin1 GeoNames admin1 code ({@code IQ.07}), or null
 * @param admin1Name the admin1 region's name, or null
 * @param admin2 GeoNames admin2 code of a place or district ({@code GB.ENG.M3}), or null
 * @param precision {@code site}, {@code city}, {@code district}, {@code region}, {@code country} or
 *     {@code continent}
 * @param featureCode GeoNames feature code (PPLC, PPLA, PPL, …), {@code ADM2}, {@code ADM1}, {@code
 *     PCLI}, or {@code LANDMARK}
 * @param population people living there (for regions and districts, the sum of their places); 0 if
 *     unknown
 * @param city the containing city of a site, or null
 */
public record GeoPlace(
    @Nullable Long geonamesId,
    String name,
    @Nullable String country,
    @Nullable String admin1,
    @Nullable String admin1Name,
    @Nullable String admin2,
    double lat,
    double lon,
    String precision,
    String featureCode,
    long population,
    @Nullable String city) {

  /** Great-circle distance in kilometres. */
  public static double km(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  public double km(GeoPlace other) {
    return km(lat, lon, other.lat, other.lon);
  }
}
