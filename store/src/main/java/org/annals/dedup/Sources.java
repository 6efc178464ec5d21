package org.annals.dedup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups an event's reports into independent sources: articles are one source when they are
 * near-duplicates of each other (one family) or come from the same outlet. The event's confidence
 * is {@code 1 - Π(1 - c)} over the sources, each counted by its first report.
 */
final class Sources {
  private final int count;
  private final double confidence;

  private Sources(int count, double confidence) {
    this.count = count;
    this.confidence = confidence;
  }

  /** The sources of {@code reports}, which are in {@link Report#ANCHOR_ORDER}. */
  static Sources of(List<Report> reports) {
    Groups groups = new Groups();
    for (Report r : reports) {
      groups.join("f:" + r.family(), "a:" + r.articleId());
      if (r.outlet() != null) {
        groups.join("o:" + r.outlet(), "a:" + r.articleId());
      }
    }
    // Each source counts with its first report in anchor order, so a copy never changes it.
    Map<String, Double> best = new HashMap<>();
    for (Report r : reports) {
      best.putIfAbsent(groups.find("a:" + r.articleId()), r.event().confidence());
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
}
