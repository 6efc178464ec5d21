package org.annals.dedup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups an event's reports into independent sources: articles are one source when they are
 * near-duplicates of each other (one family) or come from the same outlet. The event's
 * confidence is {@code 1 - Π(1 - c)} over the sources, each counted by its first report.
 */
final class Sources {
  private final int count;
  private final double confidence;

  private Sources(int count, double confidence) {
    this.count = count;
    this.confidence = confidence;
  }

  static Sources of(List<Report> reports) {
    Map<String, String> parent = new HashMap<>();
    for (Report r : reports) {
      union(parent, "f:" + r.family(), "a:" + r.articleId());
      if (r.outlet() != null) {
        union(parent, "o:" + r.outlet(), "a:" + r.articleId());
      }
    }
    // Each source counts with its first report in anchor order, so a copy never changes it.
    Map<String, Double> best = new HashMap<>();
    List<Report> ordered = new java.util.ArrayList<>(reports);
    ordered.sort(Report.ANCHOR_ORDER);
    for (Report r : ordered) {
      best.putIfAbsent(find(parent, "a:" + r.articleId()), r.event().confidence());
    }
    if (best.size() == 1) {
      return new Sources(1, best.values().iterator().next());
    }
    double doubt = 1;
    for (double c : best.values()) {
      doubt *= 1 - c;
    }
    double confidence = Math.round((1 - doubt) * 1000) / 1000.0;
    return new Sources(best.size(), Math.min(0.99, confidence));
  }

  int count() {
    return count;
  }

  double confidence() {
    return confidence;
  }

  private static String find(Map<String, String> parent, String x) {
    String p = parent.getOrDefault(x, x);
    if (p.equals(x)) {
      return x;
    }
    String root = find(parent, p);
    parent.put(x, root);
    return root;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
    }
  }
}
