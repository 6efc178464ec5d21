package org.annals.place;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the article says about where it is: country votes (countries, demonyms, unique regions, big
 * cities by their own names), the most voted country, and the regions and districts it names (the
 * only one of their name); the outlet's country and region count as one more vote and one more
 * region named.
 */
record Evidence(
    Map<String, Double> votes,
    double total,
    @Nullable String top,
    Map<String, Set<String>> regions,
    Map<String, Set<String>> districts) {
  /** The name the outlet's region is recorded under (no mention has it as its key). */
  private static final String OUTLET = " outlet";

  static Evidence of(List<Mention> mentions) {
    return of(mentions, Outlet.NONE);
  }

  static Evidence of(List<Mention> mentions, Outlet outlet) {
    Map<String, Double> votes = new HashMap<>();
    Map<String, Set<String>> regions = new HashMap<>(); // admin1 → names naming it
    Map<String, Set<String>> districts = new HashMap<>(); // admin2 → names naming it
    double total = 0;
    if (outlet.country() != null) {
      votes.put(outlet.country(), 1.0);
      total++;
    }
    GeoPlace home = outlet.region();
    if (home != null && home.precision().equals("region") && home.admin1() != null) {
      regions.computeIfAbsent(home.admin1(), k -> new HashSet<>()).add(OUTLET);
    } else if (home != null && home.admin2() != null) {
      districts.computeIfAbsent(home.admin2(), k -> new HashSet<>()).add(OUTLET);
    }
    for (Mention m : mentions) {
      String c = m.vote();
      if (c != null) {
        votes.merge(c, 1.0, Double::sum);
        total++;
      }
      List<GeoPlace> cands = m.candidates();
      if (Recogniser.university(m.toponym())) {
        continue; // "Mississippi State beat Louisville": the team says nothing of the towns
      }
      if (!cands.isEmpty()
          && cands.get(0).precision().equals("region")
          && cands.get(0).admin1() != null
          && cands.stream().filter(p -> p.precision().equals("region")).count() == 1) {
        regions.computeIfAbsent(cands.get(0).admin1(), k -> new HashSet<>()).add(m.key());
      }
      List<GeoPlace> named =
          cands.stream().filter(p -> p.precision().equals("district")).limit(2).toList();
      if (named.size() == 1
          && cands.stream().noneMatch(p -> Gazetteer.precisionRank(p.precision()) < 3)) {
        districts.computeIfAbsent(named.get(0).admin2(), k -> new HashSet<>()).add(m.key());
      }
    }
    String top =
        votes.entrySet().stream()
            .max(
                Map.Entry.<String, Double>comparingByValue()
                    .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
            .map(Map.Entry::getKey)
            .orElse(null);
    return new Evidence(votes, total, top, regions, districts);
  }

  boolean names(@Nullable String admin1) {
    return admin1 != null && regions.containsKey(admin1);
  }

  boolean namesDistrict(@Nullable String admin2) {
    return admin2 != null && districts.containsKey(admin2);
  }
}
