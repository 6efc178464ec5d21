package org.annals.place;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Resolution: picks each mention's gazetteer entry in two passes (each mention alone, then with
 * nearness to the others' first choices) and keeps one sense per name in the article. Stateless.
 */
final class Resolver {
  private Resolver() {}

  static List<Toponym> resolve(List<Mention> mentions) {
    return resolve(mentions, Outlet.NONE);
  }

  static List<Toponym> resolve(List<Mention> mentions, Outlet outlet) {
    Evidence ev = Evidence.of(mentions, outlet);
    // First pass: each mention alone; second: one sense per name, with nearness to the others.
    List<GeoPlace> first = new ArrayList<>();
    for (int i = 0; i < mentions.size(); i++) {
      first.add(best(mentions, i, ev, null));
    }
    Map<String, GeoPlace> sense = new HashMap<>();
    Map<String, Double> senseScore = new HashMap<>();
    List<GeoPlace> second = new ArrayList<>();
    for (int i = 0; i < mentions.size(); i++) {
      GeoPlace p = best(mentions, i, ev, first);
      second.add(p);
      Mention m = mentions.get(i);
      if (p != null && m.key() != null) {
        double sc = Scorer.score(mentions, i, p, ev, first);
        if (!senseScore.containsKey(m.key()) || sc > senseScore.get(m.key())) {
          sense.put(m.key(), p);
          senseScore.put(m.key(), sc);
        }
      }
    }
    List<Toponym> out = new ArrayList<>();
    for (int i = 0; i < mentions.size(); i++) {
      Mention m = mentions.get(i);
      GeoPlace p = second.get(i);
      if (p == null) {
        out.add(m.toponym());
        continue;
      }
      GeoPlace around = container(mentions, i, p, second);
      if (around != null) {
        out.add(
            m.toponym()
                .withPlace(
                    around,
                    "in "
                        + describe(around)
                        + ", the qualifier, which holds none of its "
                        + m.candidates().size()
                        + " candidates"));
        continue;
      }
      if (p.precision().equals("city")
          && p.population() < 10_000
          && p.country() != null
          && !ev.votes().containsKey(p.country())
          && !ev.names(p.admin1())
          && !ev.namesDistrict(p.admin2())) {
        continue; // a village nobody placed in its country: more likely a word or a name
      }
      if (m.weak() && !m.regionWord() && !evidenced(mentions, i, p, ev)) {
        continue; // "Mobile" alone, in no article about Alabama: a word, not a place
      }
      GeoPlace named = m.key() == null || m.regionWord() ? p : sense.getOrDefault(m.key(), p);
      out.add(
          m.toponym()
              .withPlace(
                  named,
                  "resolved to "
                      + describe(named)
                      + (m.candidates().size() > 1
                          ? " among " + m.candidates().size() + " candidates"
                          : "")));
    }
    return out;
  }

  /**
   * "Wellington, Somerset" where no Wellington the gazetteer holds is in Somerset: the qualifier, a
   * county or region, is where the town is; every candidate elsewhere loses (not for a country:
   * "Saipan, Guam" lists islands). Null when there is no such qualifier or a candidate lies inside
   * it (scoring then picks that one).
   */
  private static @Nullable GeoPlace container(
      List<Mention> mentions, int i, GeoPlace p, List<GeoPlace> second) {
    if (!p.precision().equals("city") || i + 1 >= mentions.size()) {
      return null;
    }
    Mention m = mentions.get(i);
    Toponym t = m.toponym();
    Toponym o = mentions.get(i + 1).toponym();
    GeoPlace q = second.get(i + 1);
    if (q == null
        || o.sentence() != t.sentence()
        || o.tokenStart() != t.tokenEnd() + 1
        || !m.tokens().get(t.tokenEnd()).word().equals(",")
        || Gazetteer.precisionRank(q.precision()) < 2
        || Gazetteer.precisionRank(q.precision()) > 3
        || q.featureCode().equals("LANDMARK")) {
      return null;
    }
    for (GeoPlace c : m.candidates()) {
      if (Scorer.contains(q, c)) {
        return null;
      }
    }
    return q;
  }

  /**
   * Whether a common word's place has evidence: a qualifier ("Mobile, Alabama"), a population of
   * 100,000 or more, or other mentions of its country or region.
   */
  private static boolean evidenced(List<Mention> mentions, int i, GeoPlace p, Evidence ev) {
    return Scorer.qualifier(mentions, i, p, mentions.get(i).tokens()) > 0
        || !p.precision().equals("city") && !p.precision().equals("district")
        || p.population() >= 100_000
        || p.country() != null && ev.votes().containsKey(p.country())
        || ev.names(p.admin1());
  }

  private static String describe(GeoPlace p) {
    return p.name()
        + " ("
        + p.precision()
        + (p.country() == null ? "" : ", " + p.country())
        + (p.geonamesId() == null ? "" : ", geonames " + p.geonamesId())
        + ")";
  }

  private static @Nullable GeoPlace best(
      List<Mention> mentions, int i, Evidence ev, @Nullable List<GeoPlace> first) {
    GeoPlace best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (GeoPlace c : mentions.get(i).candidates()) {
      double sc = Scorer.score(mentions, i, c, ev, first);
      if (sc > bestScore) {
        best = c;
        bestScore = sc;
      }
    }
    return best;
  }
}
