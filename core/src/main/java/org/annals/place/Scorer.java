package org.annals.place;

import java.util.List;
import java.util.Objects;
import org.annals.nlp.Token;
import org.jspecify.annotations.Nullable;

/**
 * Scoring: how well a gazetteer candidate fits a mention, from population and feature (capital,
 * admin seat), the article's country evidence, a qualifier next to it ("Paris, Texas", "Iraq's
 * Basra province"), a region word ("Basra province" is the region) and nearness to the article's
 * other places. Stateless.
 */
final class Scorer {
  private Scorer() {}

  /** How well candidate {@code c} fits mention {@code i}; {@code first} is the first pass. */
  static double score(
      List<Mention> mentions, int i, GeoPlace c, Evidence ev, @Nullable List<GeoPlace> first) {
    Mention m = mentions.get(i);
    double s =
        switch (c.precision()) {
          case "country" -> regionNamedSo(m, c) ? 5.0 : 11.0; // "England": the region, not the UK
          case "continent" -> 11.0;
          case "site" -> 8.0;
          case "region" ->
              c.featureCode().equals("LANDMARK")
                  ? 8.5
                  : Math.log10(c.population() + 1) + (m.regionWord() ? 4.0 : 0.5);
          case "district" -> Math.log10(c.population() + 1) + (m.regionWord() ? 4.0 : 0.5);
          default ->
              Math.log10(c.population() + 1)
                  + feature(c.featureCode())
                  - (spokenOfElsewhere(m, c, ev) ? 3.0 : alternatePenalty(c, m))
                  - (namesakeOfAMetropolis(m, c, ev) ? 2.0 : 0);
        };
    if ((c.precision().equals("region") || c.precision().equals("district"))
        && !m.regionWord()
        && namesItsCity(m, c)) {
      s -= 3.0; // "Baghdad" alone is the city, not the governorate named after it
    }
    // The article's other evidence for c's country (a mention's own vote does not count).
    String own = m.vote();
    double others = ev.total() - (own != null ? 1 : 0);
    double forC = votesFor(c.country(), m, ev);
    if (c.country() != null && others > 0 && forC > 0) {
      s += 3.0 * forC / others;
      if (c.country().equals(ev.top())) {
        s += 2.0;
      }
    } else if (c.country() == null && c.featureCode().equals("LANDMARK") && others > 0) {
      s += 3.0; // an ocean or a world region fits any article's countries ("the Atlantic")
    }
    // c's region, named in the article by another name than this mention's own
    var naming = c.admin1() == null ? null : ev.regions().get(c.admin1());
    boolean regionNamed = naming != null && naming.stream().anyMatch(k -> !k.equals(m.key()));
    if (regionNamed && local(c) && primaryName(c, m)) {
      s += 2.0; // a town or county of a region the article names (by another name than its own)
    }
    if (regionNamed && c.precision().equals("region") && !c.featureCode().equals("LANDMARK")) {
      s += 2.0; // "CAMP MURRAY, Wash." … "at home in Washington": the region named by another name
    }
    var inDistrict = c.admin2() == null ? null : ev.districts().get(c.admin2());
    if (inDistrict != null
        && c.precision().equals("city")
        && inDistrict.stream().anyMatch(k -> !k.equals(m.key()))) {
      s += 2.0; // a town of a district the article names
    }
    s += qualifier(mentions, i, c, m.tokens());
    if (c.precision().equals("city")
        && Recogniser.dateline(m.tokens(), m.toponym().tokenStart(), m.toponym().tokenEnd())) {
      s += 3.0; // "WASHINGTON (AP) -": a dateline names a city
    }
    if (first != null && area(c)) {
      for (int j = 0; j < mentions.size(); j++) {
        GeoPlace o = first.get(j);
        if (j != i
            && o != null
            && area(o)
            && mentions.get(j).toponym().sentence() == m.toponym().sentence()
            && !Objects.equals(mentions.get(j).key(), m.key())
            && Objects.equals(o.country(), c.country())) {
          s += 3.0; // "Alabama, Georgia and Texas": regions or counties of one country listed
          break;
        }
      }
    }
    if (first != null
        && c.precision().equals("region")
        && m.candidates().stream().anyMatch(k -> k.precision().equals("country"))
        && otherLocal(
            mentions, i, first, o -> Objects.equals(o.country(), c.country()) && contains(c, o))) {
      // "Georgia" in a story from Atlanta is the US state that holds it, not a country
      s += 3.0;
    }
    if (first != null && local(c) && otherLocal(mentions, i, first, o -> c.km(o) < 200)) {
      s += 1.5;
    }
    return s;
  }

  /**
   * Whether another mention, of another name, was resolved in the first pass to a town or district
   * that passes {@code test}.
   */
  private static boolean otherLocal(
      List<Mention> mentions,
      int i,
      List<GeoPlace> first,
      java.util.function.Predicate<GeoPlace> test) {
    for (int j = 0; j < mentions.size(); j++) {
      GeoPlace o = first.get(j);
      if (j != i
          && o != null
          && local(o)
          && !Objects.equals(mentions.get(j).key(), mentions.get(i).key())
          && test.test(o)) {
        return true;
      }
    }
    return false;
  }

  /** A city or a district. */
  private static boolean local(GeoPlace p) {
    return p.precision().equals("city") || p.precision().equals("district");
  }

  /** A region or a district. */
  private static boolean area(GeoPlace p) {
    return p.precision().equals("region") || p.precision().equals("district");
  }

  /** A country found by an alternate name that is also the name of one of its regions. */
  private static boolean regionNamedSo(Mention m, GeoPlace country) {
    if (primaryName(country, m)) {
      return false;
    }
    for (GeoPlace r : m.candidates()) {
      if (r.precision().equals("region")
          && primaryName(r, m)
          && Objects.equals(r.country(), country.country())) {
        return true;
      }
    }
    return false;
  }

  private static boolean primaryName(GeoPlace c, Mention m) {
    return primaryName(c, m.key());
  }

  /** Whether the mention names {@code c} by its own GeoNames name, not an alternate. */
  static boolean primaryName(GeoPlace c, @Nullable String key) {
    return key == null || Gazetteer.fold(c.name()).equals(key);
  }

  /**
   * Whether the mention names {@code c} by the first words of its own name, as news names
   * "Washington, D.C." and "New York City": not an alternate name to hold against it.
   */
  static boolean shortName(GeoPlace c, @Nullable String key) {
    if (key == null) {
      return false;
    }
    String own = Gazetteer.fold(c.name());
    return own.length() > key.length()
        && own.startsWith(key)
        && (own.charAt(key.length()) == ' ' || own.charAt(key.length()) == ',');
  }

  /** Whether the mention names {@code c} by its own name or the first words of it. */
  private static boolean ownName(GeoPlace c, Mention m) {
    return primaryName(c, m) || shortName(c, m.key());
  }

  /**
   * An alternate name loses to the places whose own name it is: a little ("Salisbury": not old
   * Harare), and a lot when one of them is famous ("Philadelphia" is not Amman, "Salem" not
   * Jerusalem).
   */
  private static double alternatePenalty(GeoPlace c, Mention m) {
    if (ownName(c, m) || !m.anyPrimary()) {
      return 0;
    }
    return m.famousPrimary() ? 3.0 : 0.5;
  }

  /**
   * Whether {@code c} is found by an alternate name that is the own name of a place in a country
   * the article speaks of, while it speaks of none in {@code c}'s ("Salisbury" in a story from
   * Britain is the English city, not old Harare; "Geneva" with no country in sight is still the
   * Swiss city, by size).
   */
  private static boolean spokenOfElsewhere(Mention m, GeoPlace c, Evidence ev) {
    if (ownName(c, m) || !m.anyPrimary() || votesFor(c.country(), m, ev) > 0) {
      return false;
    }
    for (GeoPlace p : m.candidates()) {
      if (primaryName(p, m)
          && p.country() != null
          && !p.country().equals(c.country())
          && votesFor(p.country(), m, ev) > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code c}, a town of under 100,000, shares its name with a city of a million or more in
   * another country, and the article names neither {@code c}'s region nor its district: "London" in
   * a story from the USA is still London, not London, Kentucky, unless Kentucky is named.
   */
  private static boolean namesakeOfAMetropolis(Mention m, GeoPlace c, Evidence ev) {
    if (c.population() >= 100_000 || ev.names(c.admin1()) || ev.namesDistrict(c.admin2())) {
      return false;
    }
    for (GeoPlace p : m.candidates()) {
      if (p.precision().equals("city")
          && p.population() >= 1_000_000
          && primaryName(p, m)
          && p.country() != null
          && !p.country().equals(c.country())) {
        return true;
      }
    }
    return false;
  }

  /** The article's votes for a country, without the mention's own. */
  private static double votesFor(@Nullable String country, Mention m, Evidence ev) {
    if (country == null) {
      return 0;
    }
    return ev.votes().getOrDefault(country, 0.0) - (country.equals(m.vote()) ? 1 : 0);
  }

  /**
   * Whether a city of 100,000 people or more has this as its own name (a region does not count:
   * "New York" and "Washington" are still the cities GeoNames calls "New York City" and
   * "Washington, D.C.").
   */
  static boolean famousPrimary(List<GeoPlace> cands, @Nullable String key) {
    for (GeoPlace c : cands) {
      if (primaryName(c, key) && c.precision().equals("city") && c.population() >= 100_000) {
        return true;
      }
    }
    return false;
  }

  static boolean anyPrimary(List<GeoPlace> cands, @Nullable String key) {
    for (GeoPlace c : cands) {
      if (primaryName(c, key)) {
        return true;
      }
    }
    return false;
  }

  /** A region or district named after a big city of its own ("Baghdad", "Geneva", "Pune"). */
  private static boolean namesItsCity(Mention m, GeoPlace region) {
    boolean district = region.precision().equals("district");
    for (GeoPlace c : m.candidates()) {
      if (c.precision().equals("city")
          && c.population() * 20 >= region.population()
          && (district
              ? region.admin2().equals(c.admin2())
              : region.admin1() != null && region.admin1().equals(c.admin1()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * "Paris, Texas", "Kiev, Ukraine" (a comma, then a place that contains c) or "Iraq's Basra" (a
   * possessive place that contains c) in the same sentence.
   */
  static double qualifier(List<Mention> mentions, int i, GeoPlace c, List<Token> sentence) {
    Toponym t = mentions.get(i).toponym();
    for (int j : new int[] {i - 1, i + 1}) {
      if (j < 0 || j >= mentions.size() || mentions.get(j).toponym().sentence() != t.sentence()) {
        continue;
      }
      Toponym o = mentions.get(j).toponym();
      boolean linked =
          j > i
              ? o.tokenStart() == t.tokenEnd() + 1 && sentence.get(t.tokenEnd()).word().equals(",")
              : t.tokenStart() == o.tokenEnd() + 1
                  && (sentence.get(o.tokenEnd()).lower().equals("'s")
                      || sentence.get(o.tokenEnd()).word().equals(","));
      if (!linked) {
        continue;
      }
      // "Georgia, Oklahoma, Pennsylvania" is a list of states, not a town in Pennsylvania; an
      // abbreviation ("Washington, D.C.") is always a qualifier.
      boolean alsoRegion =
          !Recogniser.abbreviation(o)
              && mentions.get(i).candidates().stream()
                  .anyMatch(p -> p.precision().equals("region"));
      for (GeoPlace q : mentions.get(j).candidates()) {
        if (alsoRegion && q.precision().equals("region") && !c.precision().equals("region")) {
          continue;
        }
        if (q != c && (contains(q, c) || j < i && contains(c, q))) {
          return 10.0; // also "Atlanta, Georgia" for Georgia: the state that holds Atlanta
        }
      }
    }
    return 0;
  }

  /** Whether {@code outer}, a country, region or district, holds {@code inner}. */
  static boolean contains(GeoPlace outer, GeoPlace inner) {
    return outer.precision().equals("country")
            && outer.country() != null
            && outer.country().equals(inner.country())
        || outer.precision().equals("region")
            && outer.admin1() != null
            && outer.admin1().equals(inner.admin1())
            && !inner.precision().equals("region")
        || outer.precision().equals("district")
            && outer.admin2() != null
            && outer.admin2().equals(inner.admin2())
            && !inner.precision().equals("district");
  }

  private static double feature(String code) {
    return switch (code) {
      case "PPLC" -> 2.0;
      case "PPLA" -> 1.0;
      case "PPLA2" -> 0.5;
      case "PPLX", "PPLL" -> -1.0;
      case "PPLH", "PPLQ", "PPLW" -> -3.0;
      default -> 0;
    };
  }

  /**
   * The country a mention is evidence for: a country or demonym (unless another country has a
   * region of that name), the only region of its name, or a big city whose own name it is
   * ("Baghdad"), not one it is an alternate name of.
   */
  static @Nullable String vote(List<GeoPlace> cands, @Nullable String key) {
    if (cands.isEmpty()) {
      return null;
    }
    List<GeoPlace> votable = cands.stream().filter(p -> !p.precision().equals("district")).toList();
    if (votable.isEmpty()) {
      return null; // a district alone is no evidence for its country: many names are shared
    }
    cands = votable;
    GeoPlace top = cands.get(0);
    if (!top.precision().equals("city")
        && !top.precision().equals("site")
        && cands.stream().filter(p -> p.precision().equals(top.precision())).count() == 1) {
      if (top.precision().equals("country")
          && cands.stream()
              .anyMatch(
                  p ->
                      p.precision().equals("region")
                          && !Objects.equals(p.country(), top.country())
                          && primaryName(p, key))) {
        return null; // "Georgia", "Niger": a country or another country's state, no evidence yet
      }
      return top.country(); // a country, or the only region of that name
    }
    String c = null;
    long biggest = 0;
    long second = 0;
    GeoPlace big = null;
    for (GeoPlace p : cands) {
      if (p.population() > biggest) {
        second = biggest;
        biggest = p.population();
        c = p.country();
        big = p;
      } else {
        second = Math.max(second, p.population());
      }
    }
    return biggest >= 100_000 && biggest > 20 * second && primaryName(big, key) ? c : null;
  }
}
