package org.annals.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores how a store merged articles into events against gold groups of articles that report one
 * happening (ECB+'s sub-topics): two articles are linked when one merged event has both among its
 * evidence; the links are scored pairwise (within a topic; a link across topics is a false link)
 * and, through the clusters they make (connected components), by B-cubed.
 */
public final class MergeEvaluation {
  /** An article's gold group: its topic and the happening (sub-topic) it reports. */
  public record Gold(String topic, String group) {}

  /** One merged event: its articles and whether it is background. */
  public record Event(Set<String> articles, boolean background) {}

  /** The figures. */
  public record Result(
      double precision,
      double recall,
      double f1,
      double bcubedPrecision,
      double bcubedRecall,
      double bcubedF1,
      int links,
      int falseLinks) {}

  private MergeEvaluation() {}

  /**
   * Scores {@code events} over the articles of {@code gold}; articles not in {@code gold} are
   * ignored.
   */
  public static Result score(
      Map<String, Gold> gold, Collection<Event> events, boolean withBackground) {
    Map<String, String> parent = new HashMap<>();
    for (String a : gold.keySet()) {
      parent.put(a, a);
    }
    Set<String> linked = new TreeSet<>();
    for (Event e : events) {
      if (e.background() && !withBackground) {
        continue;
      }
      List<String> members = e.articles().stream().filter(gold::containsKey).sorted().toList();
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          linked.add(members.get(i) + "\t" + members.get(j));
          union(parent, members.get(i), members.get(j));
        }
      }
    }
    int tp = 0;
    int falseLinks = 0;
    for (String pair : linked) {
      String[] ab = pair.split("\t", -1);
      if (gold.get(ab[0]).equals(gold.get(ab[1]))) {
        tp++;
      } else {
        falseLinks++;
      }
    }
    int goldPairs = 0;
    List<String> ids = new ArrayList<>(new TreeSet<>(gold.keySet()));
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        if (gold.get(ids.get(i)).equals(gold.get(ids.get(j)))) {
          goldPairs++;
        }
      }
    }
    double p = linked.isEmpty() ? 1 : (double) tp / linked.size();
    double r = goldPairs == 0 ? 1 : (double) tp / goldPairs;
    Map<String, List<String>> clusters = new TreeMap<>();
    for (String a : ids) {
      clusters.computeIfAbsent(find(parent, a), k -> new ArrayList<>()).add(a);
    }
    Map<String, String> clusterOf = new HashMap<>();
    clusters.forEach((k, v) -> v.forEach(a -> clusterOf.put(a, k)));
    double bp = 0;
    double br = 0;
    for (String a : ids) {
      int sameCluster = 0;
      int sameGold = 0;
      int both = 0;
      for (String b : ids) {
        boolean c = clusterOf.get(a).equals(clusterOf.get(b));
        boolean g = gold.get(a).equals(gold.get(b));
        sameCluster += c ? 1 : 0;
        sameGold += g ? 1 : 0;
        both += c && g ? 1 : 0;
      }
      bp += (double) both / sameCluster;
      br += (double) both / sameGold;
    }
    bp /= ids.size();
    br /= ids.size();
    return new Result(p, r, f1(p, r), bp, br, f1(bp, br), linked.size(), falseLinks);
  }

  /** Prints the figures, with and without background events, and per gold group. */
  public static Result report(Map<String, Gold> gold, Collection<Event> events, PrintStream out) {
    Result with = score(gold, events, true);
    Result r = score(gold, events, false);
    out.printf(
        Locale.ROOT,
        "merge: %d articles, %d events; pairs linked %d (%d false): precision %.3f, recall %.3f,"
            + " F1 %.3f; B-cubed precision %.3f, recall %.3f, F1 %.3f%n",
        gold.size(),
        events.size(),
        r.links(),
        r.falseLinks(),
        r.precision(),
        r.recall(),
        r.f1(),
        r.bcubedPrecision(),
        r.bcubedRecall(),
        r.bcubedF1());
    out.printf(
        Locale.ROOT,
        "merge: with background events: pair precision %.3f, recall %.3f; B-cubed F1 %.3f%n",
        with.precision(),
        with.recall(),
        with.bcubedF1());
    Map<String, int[]> perGroup = new TreeMap<>();
    for (Gold g : gold.values()) {
      perGroup.computeIfAbsent(g.group(), k -> new int[3])[0]++;
    }
    Set<String> withEvent = new TreeSet<>();
    for (Event e : events) {
      Set<String> groups = new TreeSet<>();
      for (String a : e.articles()) {
        Gold g = gold.get(a);
        if (g != null) {
          groups.add(g.group());
          withEvent.add(a);
        }
      }
      if (e.articles().size() > 1) {
        groups.forEach(g -> perGroup.get(g)[1]++);
      }
    }
    gold.forEach((a, g) -> perGroup.get(g.group())[2] += withEvent.contains(a) ? 0 : 1);
    perGroup.forEach(
        (g, c) ->
            out.printf(
                Locale.ROOT,
                "merge: %-12s %3d articles, %3d events of several articles, %3d articles without"
                    + " an event%n",
                g,
                c[0],
                c[1],
                c[2]));
    return r;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private static String find(Map<String, String> parent, String a) {
    String root = a;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    parent.put(a, root);
    return root;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }
}
