package org.annals.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.annals.dedup.EventMerger;
import org.annals.dedup.Report;
import org.annals.event.CodedEvent;
import org.annals.place.GeoPlace;
import org.jspecify.annotations.Nullable;

/**
 * Finds the stored reports that new reports may be related to ({@link EventMerger#related}): a
 * superset of the pairs {@link EventMerger#clusters} compares, read with a few queries whose cost
 * depends on the new reports and on how many stored reports share their days, not on the size of
 * the store. Stored reports of the same near-duplicate family; undated reports that share a key
 * ({@link EventMerger#undatedKeys}: kind, country and a name); and reports of the same kind whose
 * dates come within a day of each other, in the same country or near each other across a border (a
 * report that spans more than a week merges only with its copies).
 */
final class Neighbours {
  /** Days a stored report may start before a new one and still overlap it within a day. */
  private static final int WINDOW_DAYS = EventMerger.MAX_SPAN_DAYS + 1;

  /** Somewhat more than {@link EventMerger#NEAR_KM}, so rounding never loses a pair. */
  private static final double NEAR_KM = EventMerger.NEAR_KM + 5;

  private final EventStore store;

  Neighbours(EventStore store) {
    this.store = store;
  }

  /** The ids of stored reports, other than the seeds, that the seeds may be related to. */
  Set<String> of(Collection<Report> seeds) {
    Set<String> ids = new LinkedHashSet<>();
    if (seeds.isEmpty()) {
      return ids;
    }
    Set<String> families = new LinkedHashSet<>();
    Set<String> undated = new LinkedHashSet<>();
    Map<String, List<CodedEvent>> datedByKind = new TreeMap<>();
    for (Report r : seeds) {
      families.add(r.family());
      CodedEvent e = r.event();
      String kind = Report.kind(e);
      if (e.date() == null) {
        undated.addAll(EventMerger.undatedKeys(e));
      } else if (!end(e).isAfter(LocalDate.parse(e.date()).plusDays(WINDOW_DAYS - 1))) {
        datedByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(e);
      }
    }
    // Each step reads through an index (articles' family, reports' article and id, the keys):
    // literal lists rather than subqueries, which DuckDB would answer by scanning the table.
    List<String> articles = new ArrayList<>();
    store.query(
        "SELECT id FROM articles WHERE family IN (" + EventStore.in(families) + ")",
        rs -> articles.add(rs.getString(1)));
    store.query(
        "SELECT id FROM reports WHERE article_id IN (" + EventStore.in(articles) + ")",
        rs -> ids.add(rs.getString(1)));
    if (!undated.isEmpty()) {
      store.query(
          "SELECT report_id FROM report_keys WHERE key IN (" + EventStore.in(undated) + ")",
          rs -> ids.add(rs.getString(1)));
    }
    if (!datedByKind.isEmpty()) {
      dated(datedByKind, ids);
    }
    for (Report r : seeds) {
      ids.remove(r.id());
    }
    return ids;
  }

  /**
   * Stored reports of each kind whose dates come within a day of a seed's: read by merged date
   * windows, then kept if some seed is in their country or near them.
   */
  private void dated(Map<String, List<CodedEvent>> byKind, Set<String> ids) {
    List<String> windows = new ArrayList<>();
    for (var entry : byKind.entrySet()) {
      List<LocalDate[]> spans = new ArrayList<>();
      for (CodedEvent e : entry.getValue()) {
        LocalDate start = LocalDate.parse(e.date());
        spans.add(new LocalDate[] {start.minusDays(WINDOW_DAYS), end(e).plusDays(1)});
      }
      spans.sort((a, b) -> a[0].compareTo(b[0]));
      LocalDate[] open = null;
      for (LocalDate[] s : spans) {
        if (open != null && !s[0].isAfter(open[1])) {
          if (s[1].isAfter(open[1])) {
            open[1] = s[1];
          }
          continue;
        }
        if (open != null) {
          windows.add(window(entry.getKey(), open));
        }
        open = s;
      }
      windows.add(window(entry.getKey(), Objects.requireNonNull(open)));
    }
    store.query(
        "SELECT id, kind, date, coalesce(date_end, date), location_country, location_lat,"
            + " location_lon, location_precision FROM reports WHERE "
            + String.join(" OR ", windows),
        rs -> {
          LocalDate start = rs.getObject(3, LocalDate.class);
          LocalDate end = rs.getObject(4, LocalDate.class);
          if (end.isAfter(start.plusDays(WINDOW_DAYS - 1))) {
            return; // a span longer than a week merges only with its copies
          }
          Double lat = (Double) rs.getObject(6);
          Double lon = (Double) rs.getObject(7);
          for (CodedEvent seed : byKind.get(rs.getString(2))) {
            if (datesWithinADay(seed, start, end)
                && placed(seed, rs.getString(5), lat, lon, rs.getString(8))) {
              ids.add(rs.getString(1));
              return;
            }
          }
        });
  }

  private static String window(String kind, LocalDate[] span) {
    // A stored report that ends more than a day before the window's first seed starts is too early.
    return "(kind = '"
        + kind.replace("'", "''")
        + "' AND date BETWEEN DATE '"
        + span[0]
        + "' AND DATE '"
        + span[1]
        + "' AND coalesce(date_end, date) >= DATE '"
        + span[0].plusDays(WINDOW_DAYS - 1)
        + "')";
  }

  /** The seed and the stored span start within a day of the other's end. */
  private static boolean datesWithinADay(CodedEvent seed, LocalDate start, LocalDate end) {
    LocalDate seedStart = LocalDate.parse(seed.date());
    return !start.isAfter(end(seed).plusDays(1)) && !seedStart.isAfter(end.plusDays(1));
  }

  /**
   * Where a stored report can be related to the seed: two towns or sites within reach of each
   * other, in one country or across a border; otherwise (one of them a district, region or country)
   * in one country, as one must contain the other.
   */
  private static boolean placed(
      CodedEvent seed,
      @Nullable String country,
      @Nullable Double lat,
      @Nullable Double lon,
      @Nullable String precision) {
    boolean precise = precise(seed.location().precision()) && precise(precision);
    if (!precise) {
      return Objects.equals(seed.location().country(), country);
    }
    Double seedLat = seed.location().lat();
    Double seedLon = seed.location().lon();
    return lat != null
        && lon != null
        && seedLat != null
        && seedLon != null
        && GeoPlace.km(seedLat, seedLon, lat, lon) <= NEAR_KM;
  }

  private static boolean precise(@Nullable String precision) {
    return "site".equals(precision) || "city".equals(precision);
  }

  private static LocalDate end(CodedEvent e) {
    return LocalDate.parse(e.dateEnd() != null ? e.dateEnd() : e.date());
  }
}
