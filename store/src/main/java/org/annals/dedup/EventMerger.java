package org.annals.dedup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.annals.event.CodedEvent;

/**
 * Merges reports of one happening into one event. The result is a function of the set of reports
 * alone: reports are taken in id order, links between them ({@link Matching}) are applied strongest
 * first, and a link is refused when it would put two reports of one article and one PLOVER type
 * into one event (the coder already decided they are different happenings). Vague reports then join
 * the precise event they fit that has the most articles. Thread-safe.
 *
 * <p>Reports fall into <em>clusters</em> ({@link #clusters}): the reports related ({@link
 * #related}) to each other directly or through others. No decision looks outside a cluster, so the
 * events of a set of reports are the events of each of its clusters, and a store that adds reports
 * recomputes only the clusters they join, whatever the size of the store.
 *
 * <p>Cost: candidate pairs are found by a sweep over start dates (a day of slack), within
 * near-duplicate families and, for undated reports, within one place and name, so {@code n} reports
 * cost about {@code n} times the reports sharing a day or two, not {@code n²}.
 */
public final class EventMerger {

  /** Merges the reports into events, sorted by event id. Reports with equal ids are kept once. */
  public List<MergedEvent> merge(Collection<Report> input) {
    List<MergedEvent> events = new ArrayList<>();
    for (List<Report> cluster : clusters(input)) {
      events.addAll(mergeCluster(cluster));
    }
    events.sort(Comparator.comparing(MergedEvent::id));
    return events;
  }

  /**
   * The reports in clusters: each cluster holds the reports related to one another directly or
   * through others, sorted by id; clusters are sorted by their first id. Reports with equal ids are
   * kept once.
   */
  public List<List<Report>> clusters(Collection<Report> input) {
    List<Report> reports = distinct(input);
    int[] parent = new int[reports.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    candidates(
        reports,
        (i, j) -> {
          if (related(reports.get(i), reports.get(j))) {
            int a = root(parent, i);
            int b = root(parent, j);
            parent[Math.max(a, b)] = Math.min(a, b);
          }
        });
    Map<Integer, List<Report>> byRoot = new java.util.TreeMap<>();
    for (int i = 0; i < parent.length; i++) {
      byRoot.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(reports.get(i));
    }
    return new ArrayList<>(byRoot.values());
  }

  /**
   * True if merging may put the two reports in one event, or one may decide where the other goes:
   * they are of one kind ({@link Report#kind}) and {@link Matching} links them, or one is a vague
   * report that could be telling of the other. Symmetric.
   */
  public static boolean related(Report a, Report b) {
    CodedEvent x = a.event();
    CodedEvent y = b.event();
    return Report.kind(x).equals(Report.kind(y))
        && (Matching.link(a, b) > 0
            || Matching.contains(x, y)
            || Matching.contains(y, x)
            || Matching.containsUndated(x, y)
            || Matching.containsUndated(y, x));
  }

  /**
   * The ids of the reports of {@code others} related ({@link #related}) to some report of {@code
   * seeds}, compared on the pairs {@link #clusters} compares: a store's new reports join the
   * clusters of these reports.
   */
  public Set<String> relatedTo(Collection<Report> seeds, Collection<Report> others) {
    Map<String, Report> byId = new HashMap<>();
    seeds.forEach(r -> byId.putIfAbsent(r.id(), r));
    int seedCount = byId.size();
    List<Report> reports = new ArrayList<>(byId.values());
    for (Report r : others) {
      if (byId.putIfAbsent(r.id(), r) == null) {
        reports.add(r);
      }
    }
    Set<String> found = new java.util.TreeSet<>();
    candidates(
        reports,
        (i, j) -> {
          if ((i < seedCount) != (j < seedCount)) {
            Report other = reports.get(Math.max(i, j));
            if (!found.contains(other.id()) && related(reports.get(i), reports.get(j))) {
              found.add(other.id());
            }
          }
        });
    return found;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static List<Report> distinct(Collection<Report> input) {
    Map<String, Report> byId = new HashMap<>();
    for (Report r : input) {
      byId.putIfAbsent(r.id(), r);
    }
    List<Report> reports = new ArrayList<>(byId.values());
    reports.sort(Comparator.comparing(Report::id));
    return reports;
  }

  /**
   * Two reports further apart than this (km) are related only if one place contains the other: the
   * widest radius {@link Matching} allows two placed reports.
   */
  public static final double NEAR_KM = 2 * Matching.CITY_RADIUS_KM;

  /**
   * A report that ends more than this many days after it starts is related only to its own
   * near-duplicate copies ({@link Matching#dayLevel}).
   */
  public static final int MAX_SPAN_DAYS = Matching.MAX_RANGE_DAYS;

  /**
   * The events of one cluster (from {@link #clusters}, sorted by id), sorted by id: the same as
   * {@link #merge} of these reports, without finding the clusters again.
   */
  public List<MergedEvent> mergeCluster(List<Report> reports) {
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

  /**
   * What an undated report shares with every undated report it may be linked to ({@link
   * Matching#undatedNamed}): its kind, its country and one distinctive name of its evidence, one
   * key per name. Empty for a dated report, a background one ({@link Matching#undatedLinkable}) or
   * one placed in no country.
   */
  public static Set<String> undatedKeys(CodedEvent e) {
    if (!Matching.undatedLinkable(e) || e.location().country() == null) {
      return Set.of();
    }
    Set<String> keys = new java.util.TreeSet<>();
    for (String name : Names.all(e, e.location())) {
      keys.add(Report.kind(e) + "|" + e.location().country() + "|" + name);
    }
    return keys;
  }

  /**
   * True if {@link #clusters} compares the two reports (they may then be related or not): two of
   * one near-duplicate family; two undated reports that share a key ({@link #undatedKeys}); two
   * day-level reports ({@link #dayLevel}) of which the later starts at most a day after the earlier
   * ends, the earlier by start date, then id. For callers that find the pairs another way (the
   * Spark job, by blocking keys) and must compare exactly these. Symmetric.
   */
  public static boolean compared(Report a, Report b) {
    if (a.family().equals(b.family())) {
      return true;
    }
    CodedEvent x = a.event();
    CodedEvent y = b.event();
    if (x.date() == null || y.date() == null) {
      return x.date() == null
          && y.date() == null
          && !java.util.Collections.disjoint(undatedKeys(x), undatedKeys(y));
    }
    if (!Matching.dayLevel(x) || !Matching.dayLevel(y)) {
      return false;
    }
    int order = x.date().compareTo(y.date());
    boolean xFirst = order < 0 || order == 0 && a.id().compareTo(b.id()) < 0;
    CodedEvent first = xFirst ? x : y;
    CodedEvent second = xFirst ? y : x;
    String end = java.time.LocalDate.parse(Matching.end(first)).plusDays(1).toString();
    return second.date().compareTo(end) <= 0;
  }

  /**
   * True if the report is dated to a day or to a range of at most {@value #MAX_SPAN_DAYS} days:
   * only such reports are compared by date with reports of other families.
   */
  public static boolean dayLevel(CodedEvent e) {
    return Matching.dayLevel(e);
  }

  /** Receives candidate pairs of report indexes. */
  private interface PairSink {
    void pair(int i, int j);
  }

  /** Candidate links as {score, i, j}, strongest first, then by report order. */
  private static List<int[]> links(List<Report> reports) {
    List<int[]> links = new ArrayList<>();
    candidates(reports, (i, j) -> addLink(links, reports, i, j));
    links.sort(
        Comparator.comparingInt((int[] l) -> -l[0])
            .thenComparingInt(l -> l[1])
            .thenComparingInt(l -> l[2]));
    return links;
  }

  /**
   * Every pair of reports that may be linked or related, some more than once: pairs within a
   * near-duplicate family, undated pairs that share a key ({@link #undatedKeys}), and dated pairs
   * whose start dates are at most the first one's end plus a day apart.
   */
  private static void candidates(List<Report> reports, PairSink sink) {
    // Copies in one family may disagree on dates: compare every pair within a family. Any other
    // link needs overlapping dates: sweep by start date.
    Map<String, List<Integer>> byFamily = new HashMap<>();
    Map<String, List<Integer>> undatedByKey = new HashMap<>();
    List<Integer> dated = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      Report r = reports.get(i);
      byFamily.computeIfAbsent(r.family(), k -> new ArrayList<>()).add(i);
      if (r.event().date() != null) {
        if (Matching.dayLevel(r.event())) {
          dated.add(i); // longer spans link only within their family
        }
      } else {
        for (String key : undatedKeys(r.event())) {
          undatedByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
      }
    }
    // Undated reports can only be told apart by place and names: compare those that share both.
    Set<Long> seen = new HashSet<>();
    for (List<Integer> key : undatedByKey.values()) {
      for (int a = 0; a < key.size(); a++) {
        for (int b = a + 1; b < key.size(); b++) {
          int i = key.get(a);
          int j = key.get(b);
          if (!reports.get(i).family().equals(reports.get(j).family())
              && seen.add((long) i * reports.size() + j)) {
            sink.pair(i, j);
          }
        }
      }
    }
    for (List<Integer> family : byFamily.values()) {
      for (int a = 0; a < family.size(); a++) {
        for (int b = a + 1; b < family.size(); b++) {
          sink.pair(family.get(a), family.get(b));
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
          sink.pair(dated.get(a), dated.get(b));
        }
      }
    }
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
   * agrees) that has the most articles, ties to the smaller first report. An undated report at a
   * town counts as precise here: an undated report of its country may join it.
   */
  private static void attachVague(List<Report> reports, Clusters clusters) {
    List<List<Integer>> groups = clusters.indexGroups();
    List<List<Integer>> precise = new ArrayList<>();
    List<List<Integer>> vague = new ArrayList<>();
    for (List<Integer> g : groups) {
      boolean anyFine = g.stream().anyMatch(i -> anchors(reports.get(i).event()));
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

  /**
   * A report that vague ones may attach to: a precise one ({@link Matching#fine}), or an undated
   * one at a town or site.
   */
  private static boolean anchors(CodedEvent e) {
    return Matching.fine(e) || e.date() == null && Matching.precisePlace(e.location());
  }

  private static boolean fits(List<Report> reports, List<Integer> vague, List<Integer> precise) {
    for (int i : vague) {
      for (int j : precise) {
        CodedEvent v = reports.get(i).event();
        CodedEvent p = reports.get(j).event();
        if (Matching.contains(v, p) || Matching.containsUndated(v, p)) {
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
