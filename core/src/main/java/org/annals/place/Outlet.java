package org.annals.place;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where an article's outlet is, read from its web address: the country of a country-code domain
 * ("walesonline.co.uk": the United Kingdom; not the domains sold worldwide, ".tv", ".io") and the
 * region or district its host name opens with ("cumbrianews.co.uk": Cumbria; the only region or
 * district of that name, in the domain's country if it has one). A local outlet writes about its
 * own area, so both count as the article's evidence, as a place it named would.
 *
 * @param country ISO 3166-1 alpha-3, or null
 * @param region an admin1 region or admin2 district, or null
 */
record Outlet(@Nullable String country, @Nullable GeoPlace region) {
  static final Outlet NONE = new Outlet(null, null);
  private static final int MIN_NAME = 5;
  private static final Set<String> GENERIC =
      Set.of("tv", "io", "me", "co", "fm", "ly", "ai", "cc", "ws", "to", "gg", "la", "nu", "su");

  /** The outlet of the article at {@code url} (null or not a web address: nothing known). */
  static Outlet of(@Nullable String url, Gazetteer gazetteer) {
    String host = host(url);
    if (host == null) {
      return NONE;
    }
    String[] labels = host.split("\\.");
    String tld = labels[labels.length - 1];
    String country =
        tld.length() == 2 && !GENERIC.contains(tld)
            ? gazetteer.iso3(tld.equals("uk") ? "GB" : tld.toUpperCase(Locale.ROOT))
            : null;
    String name = labels[0].startsWith("the") ? labels[0].substring(3) : labels[0];
    return new Outlet(country, region(name.replace("-", ""), country, gazetteer));
  }

  private static @Nullable String host(@Nullable String url) {
    if (url == null || !url.contains("://")) {
      return null;
    }
    try {
      String h = URI.create(url.strip()).getHost();
      if (h == null || !h.contains(".")) {
        return null;
      }
      h = h.toLowerCase(Locale.ROOT);
      return h.startsWith("www.") ? h.substring(4) : h;
    } catch (IllegalArgumentException e) {
      return null; // not a web address we can read: no outlet evidence
    }
  }

  /** The region or district the host name opens with, the longest name first. */
  private static @Nullable GeoPlace region(
      String name, @Nullable String country, Gazetteer gazetteer) {
    for (int n = name.length(); n >= MIN_NAME; n--) {
      String key = name.substring(0, n);
      List<GeoPlace> areas =
          gazetteer.candidates(key).stream()
              .filter(p -> p.precision().equals("region") || p.precision().equals("district"))
              .filter(p -> country == null || country.equals(p.country()))
              .limit(2)
              .toList();
      if (areas.size() == 1 && Scorer.primaryName(areas.get(0), key)) {
        return areas.get(0);
      }
      if (!areas.isEmpty()) {
        return null; // a name several regions share: no evidence
      }
    }
    return null;
  }
}
