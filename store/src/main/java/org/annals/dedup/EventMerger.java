package org.annals.dedup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges reports of one happening into one event. The result is a function of the set of reports
 * alone: reports are taken in id order, links between them ({@link Matching}) are applied strongest
 * first, and a link is refused when it would put two reports of one article and one PLOVER type
 * into one event (the coder already decided they are different happenings). Vague reports then join
 * the precise event they fit that has the most articles. Thread-safe.
 *
 * <p>Cost: candidate pairs are found by a sweep over start dates (a day of slack), within
 * near-duplicate families and, for undated reports, within one place, so a partition of {@code n}
 * reports costs about {@code n} times the reports sharing a day or two, not {@code n²}.
 */
public final class EventMerger {

  /** Merges the reports into events, sorted by event id. Reports with equal ids are kept once. */
  public List<MergedEvent> merge(Collection<Report> input) {
    Map<String, Report> byId = new HashMap<>();
    for (Report r : input) {
      byId.putIfAbsent(r.id(), r);
    }
    List<Report> reports = new ArrayList<>(byId.values());
    reports.sort(Comparator.comparing(Report::id));
    Clusters clusters = new Clusters(reports);
    for (int[] link : links(reports)) {
      clusters.union(link[1], link[2]);
    }
    attachVague(reports, clusters);
    List<MergedEvent> events = new ArrayList<>();
    for (List<Report> members : clusters.groups()) {
      events.add(EventFusion.fuse(members));
    }
    events.sort(Comparator.comparing(MergedEvent::id));
    return events;
  }

  /** Candidate links as {score, i, j}, strongest first, then by report order. */
  private static List<int[]> links(List<Report> reports) {
    List<int[]> links = new ArrayList<>();
    // Copies in one family may disagree on dates: compare every pair within a family. Any other
    // link needs overlapping dates: sweep by start date.
    Map<String, List<Integer>> byFamily = new HashMap<>();
    Map<String, List<Integer>> undatedByPlace = new HashMap<>();
    List<Integer> dated = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      Report r = reports.get(i);
      byFamily.computeIfAbsent(r.family(), k -> new ArrayList<>()).add(i);
      if (r.event().date() != null) {
        dated.add(i);
      } else if (r.event().location().name() != null) {
        undatedByPlace.computeIfAbsent(r.event().location().name(), k -> new ArrayList<>()).add(i);
      }
    }
    // Undated reports can only be told apart by place and names: compare within one place.
    for (List<Integer> place : undatedByPlace.values()) {
      for (int a = 0; a < place.size(); a++) {
        for (int b = a + 1; b < place.size(); b++) {
          if (!reports.get(place.get(a)).family().equals(reports.get(place.get(b)).family())) {
            addLink(links, reports, place.get(a), place.get(b));
          }
        }
      }
    }
    for (List<Integer> family : byFamily.values()) {
      for (int a = 0; a < family.size(); a++) {
        for (int b = a + 1; b < family.size(); b++) {
          addLink(links, reports, family.get(a), family.get(b));
        }
      }
    }
    dated.sort(
        Comparator.comparing((Integer i) -> reports.get(i).event().date()).thenComparing(i -> i));
    for (int a = 0; a < dated.size(); a++) {
      Report x = reports.get(dated.get(a));
      // A day of slack: a report dated by its publication may tell of the day before.
      String end = java.time.LocalDate.parse(Matching.end(x.event())).plusDays(1).toString();
      for (int b = a + 1; b < dated.size(); b++) {
        Report y = reports.get(dated.get(b));
        if (y.event().date().compareTo(end) > 0) {
          break;
        }
        if (!x.family().equals(y.family())) {
          addLink(links, reports, dated.get(a), dated.get(b));
        }
      }
    }
    links.sort(
        Comparator.comparingInt((int[] l) -> -l[0])
            .thenComparingInt(l -> l[1])
            .thenComparingInt(l -> l[2]));
    return links;
  }

  private static void addLink(List<int[]> links, List<Report> reports, int i, int j) {
    Report x = reports.get(i);
    Report y = reports.get(j);
    if (x.articleId().equals(y.articleId())) {
      return; // the coder already decided: one event, or two
    }
    int score = Matching.link(x, y);
    if (score > 0) {
      links.add(new int[] {score, Math.min(i, j), Math.max(i, j)});
    }
  }

  /**
   * Each event made only of vague reports joins the precise event it fits (some member of each
   * agrees) that has the most articles, ties to the smaller first report.
   */
  private static void attachVague(List<Report> reports, Clusters clusters) {
    List<List<Integer>> groups = clusters.indexGroups();
    List<List<Integer>> precise = new ArrayList<>();
    List<List<Integer>> vague = new ArrayList<>();
    for (List<Integer> g : groups) {
      boolean anyFine = g.stream().anyMatch(i -> Matching.fine(reports.get(i).event()));
      (anyFine ? precise : vague).add(g);
    }
    for (List<Integer> v : vague) {
      List<Integer> best = null;
      int bestArticles = 0;
      for (List<Integer> p : precise) {
        if (!clusters.disjoint(v.get(0), p.get(0)) || !fits(reports, v, p)) {
          continue;
        }
        int articles = (int) p.stream().map(i -> reports.get(i).articleId()).distinct().count();
        if (best == null || articles > bestArticles) {
          best = p;
          bestArticles = articles;
        }
      }
      if (best != null) {
        clusters.union(best.get(0), v.get(0));
        best.addAll(v);
      }
    }
  }

  private static boolean fits(List<Report> reports, List<Integer> vague, List<Integer> precise) {
    for (int i : vague) {
      for (int j : precise) {
        if (Matching.contains(reports.get(i).event(), reports.get(j).event())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Union-find over report indexes that refuses to put two reports of one article and one PLOVER
   * type together.
   */
  private static final class Clusters {
    private final List<Report> reports;
    private final int[] parent;

    /** Per root: the article and PLOVER type of each member, which no other member may share. */
    private final Map<Integer, Set<String>> keys = new HashMap<>();

    Clusters(List<Report> reports) {
      this.reports = reports;
      parent = new int[reports.size()];
      for (int i = 0; i < parent.length; i++) {
        parent[i] = i;
        Set<String> own = new HashSet<>();
        own.add(key(reports.get(i)));
        keys.put(i, own);
      }
    }

    private static String key(Report r) {
      return r.articleId() + "|" + r.event().plover().type();
    }

    int find(int i) {
      while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }

    Set<String> keys(int i) {
      return keys.get(find(i));
    }

    /** Joins the two clusters unless they share a key; the smaller index is the root. */
    void union(int i, int j) {
      int a = find(i);
      int b = find(j);
      if (a == b || !disjoint(a, b)) {
        return;
      }
      int root = Math.min(a, b);
      int child = Math.max(a, b);
      parent[child] = root;
      Set<String> merged = new HashSet<>(keys.get(a));
      merged.addAll(keys.get(b));
      keys.put(root, merged);
      keys.remove(child);
    }

    List<List<Integer>> indexGroups() {
      Map<Integer, List<Integer>> byRoot = new java.util.TreeMap<>();
      for (int i = 0; i < parent.length; i++) {
        byRoot.computeIfAbsent(find(i), k -> new ArrayList<>()).add(i);
      }
      return new ArrayList<>(byRoot.values());
    }

    List<List<Report>> groups() {
      List<List<Report>> out = new ArrayList<>();
      for (List<Integer> g : indexGroups()) {
        List<Report> members = new ArrayList<>();
        for (int i : g) {
          members.add(reports.get(i));
        }
        out.add(members);
      }
      return out;
    }

    boolean disjoint(int i, int j) {
      return java.util.Collections.disjoint(keys(i), keys(j));
    }
  }
}
