package org.annals.store;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What an ingest did so far: articles read, stored, skipped by reason; reports and events. */
public final class IngestSummary {
  int read;
  int stored;
  int nearDuplicates;
  int reports;
  int eventsBefore = -1;
  int eventsAfter;
  int warnings;
  long codingNanos;
  long storeNanos;
  final Map<String, Integer> skipped = new TreeMap<>();
  private final long startNanos = System.nanoTime();

  void skip(String reason) {
    skipped.merge(reason, 1, Integer::sum);
  }

  public int read() {
    return read;
  }

  public int stored() {
    return stored;
  }

  public int nearDuplicates() {
    return nearDuplicates;
  }

  public int reports() {
    return reports;
  }

  /** Events the run added (the store's event count now minus before the run). */
  public int newEvents() {
    return eventsBefore < 0 ? 0 : eventsAfter - eventsBefore;
  }

  /** Reports that joined an event instead of making a new one. */
  public int mergedReports() {
    return reports - newEvents();
  }

  public int events() {
    return eventsAfter;
  }

  public int skippedTotal() {
    return skipped.values().stream().mapToInt(Integer::intValue).sum();
  }

  public Map<String, Integer> skipped() {
    return Map.copyOf(skipped);
  }

  /** Seconds spent coding (NLP, coding, dates, places). */
  public double codingSeconds() {
    return codingNanos / 1e9;
  }

  /** Seconds spent on deduplication and the store. */
  public double storeSeconds() {
    return storeNanos / 1e9;
  }

  public double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** One progress line: articles, events, rate. */
  public String progressLine() {
    double s = Math.max(seconds(), 1e-9);
    return String.format(
        Locale.ROOT,
        "%,d articles read, %,d stored, %,d events, %.1f articles/s",
        read,
        stored,
        eventsAfter,
        read / s);
  }

  /** The closing summary, several lines. */
  public String report(String db) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "annals: read %,d article(s) in %.1f s (coding %.1f s,"
                + " deduplication and store %.1f s): %,d stored and coded (%,d of them near-duplicates of"
                + " a stored article), %,d skipped%n",
            read,
            seconds(),
            codingSeconds(),
            storeSeconds(),
            stored,
            nearDuplicates,
            skippedTotal()));
    appendWarningsAndSkips(b, "annals", warnings, skipped);
    b.append(
        String.format(
            Locale.ROOT,
            "annals: %,d report(s): %,d new event(s), %,d report(s)"
                + " merged into events; %s now holds %,d event(s)%n",
            reports,
            newEvents(),
            mergedReports(),
            db,
            eventsAfter));
    return b.toString();
  }

  /**
   * The summary's lines on warnings and skips, as {@code annals ingest} and the Spark job print
   * them, each opening with {@code prefix}.
   */
  public static void appendWarningsAndSkips(
      StringBuilder b, String prefix, long warnings, Map<String, ? extends Number> skipped) {
    if (warnings > 0) {
      b.append(
          String.format(
              Locale.ROOT,
              "%s: %,d warning(s) (e.g. a publication date that"
                  + " is not a date; those articles were coded without it)%n",
              prefix,
              warnings));
    }
    if (!skipped.isEmpty()) {
      b.append(prefix).append(": skipped by reason:");
      skipped.forEach((k, v) -> b.append(String.format(Locale.ROOT, " %s %,d;", k, v.longValue())));
      b.setLength(b.length() - 1);
      b.append(String.format(Locale.ROOT, "%n"));
    }
  }
}
