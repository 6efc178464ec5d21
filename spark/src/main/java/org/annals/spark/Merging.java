package org.annals.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.annals.dedup.EventMerger;
import org.annals.dedup.MergedEvent;
import org.annals.dedup.Report;
import org.annals.event.CodedEvent;
import org.annals.store.ExportRows;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.jspecify.annotations.Nullable;
import scala.Tuple2;

/**
 * Event merging with Spark operations, applying the store's rules ({@link EventMerger}): the pairs
 * of reports the merger compares are found by blocking keys, linked where {@link
 * EventMerger#related} holds, the linked reports gathered into clusters ({@link Components}), and
 * each cluster merged by {@link EventMerger#mergeCluster}, as the store merges it. The events of a
 * set of reports are the events of its clusters, so they equal the store's id for id.
 *
 * <p>Blocking keys (every pair the merger compares shares one):
 *
 * <ul>
 *   <li>{@code F}: one near-duplicate family and kind: every pair;
 *   <li>{@code U}: an undated report's keys ({@link EventMerger#undatedKeys});
 *   <li>{@code C}: kind, country and an two-week window of start dates, for pairs where one report
 *       is placed only in a district, region or country (it must then share the other's country);
 *   <li>{@code G}: kind, a one-degree cell and the window, for two reports placed in towns or sites
 *       (they must be within {@link EventMerger#NEAR_KM} of each other, across borders too).
 * </ul>
 *
 * A report is a home of its own window and cell and a probe of those within reach, so a pair is
 * found whichever of its reports comes first.
 */
final class Merging {
  private Merging() {}

  /**
   * Days of start dates one window holds: twice the widest gap of a compared pair, so a report
   * probes at most its own window and one beside it.
   */
  private static final int WINDOW = 2 * (EventMerger.MAX_SPAN_DAYS + 1);

  /** Days between the start dates of two compared day-level reports, at most. */
  private static final int REACH = EventMerger.MAX_SPAN_DAYS + 1;

  /** Somewhat more than {@link EventMerger#NEAR_KM}, as the store's neighbour search reads. */
  private static final double NEAR_KM = EventMerger.NEAR_KM + 5;

  /** A row of the output: an event's, or a report's, with the event's month last. */
  record Out(boolean event, Row row) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** The events and reports, as rows in the export's columns with the event month appended. */
  static JavaRDD<Out> merge(JavaRDD<ReportRow> reports, int hotBlock, int partitions) {
    JavaPairRDD<String, Blocks.Member<ReportRow>> blocks = reports.flatMapToPair(Merging::keys);
    JavaPairRDD<String, String> edges =
        Blocks.pairs(blocks, hotBlock, partitions, ReportRow::report, Merging::linked);
    JavaPairRDD<String, String> clusterOf =
        Components.of(reports.map(ReportRow::id), edges, partitions);
    return reports
        .mapToPair(r -> new Tuple2<>(r.id(), r))
        .join(clusterOf, partitions)
        .mapToPair(t -> new Tuple2<>(t._2._2, t._2._1))
        .groupByKey(partitions)
        .flatMap(g -> rows(g._2).iterator());
  }

  /** The blocking keys of one report. */
  private static Iterator<Tuple2<String, Blocks.Member<ReportRow>>> keys(ReportRow row) {
    Report r = row.report();
    CodedEvent e = r.event();
    String kind = Report.kind(e);
    List<Tuple2<String, Blocks.Member<ReportRow>>> out = new ArrayList<>();
    out.add(member("F|" + r.family() + "|" + kind, row, true, true));
    for (String key : EventMerger.undatedKeys(e)) {
      out.add(member("U|" + key, row, true, true));
    }
    if (EventMerger.dayLevel(e)) {
      long start = LocalDate.parse(java.util.Objects.requireNonNull(e.date())).toEpochDay();
      long own = Math.floorDiv(start, WINDOW);
      long first = Math.floorDiv(start - REACH, WINDOW);
      long last = Math.floorDiv(start + REACH, WINDOW);
      boolean precise = precise(e);
      String country = "C|" + kind + "|" + e.location().country() + "|";
      for (long w = first; w <= last; w++) {
        if (w == own || !precise) {
          out.add(member(country + w, row, w == own, !precise));
        }
      }
      Double lat = e.location().lat();
      Double lon = e.location().lon();
      if (precise && lat != null && lon != null) {
        String home = Cells.of(lat, lon);
        for (String cell : Cells.near(lat, lon, NEAR_KM)) {
          for (long w = first; w <= last; w++) {
            boolean isHome = w == own && cell.equals(home);
            out.add(member("G|" + kind + "|" + cell + "|" + w, row, isHome, true));
          }
        }
      }
    }
    return out.iterator();
  }

  private static Tuple2<String, Blocks.Member<ReportRow>> member(
      String key, ReportRow row, boolean home, boolean probe) {
    return new Tuple2<>(key, new Blocks.Member<>(row.id(), home, probe, row));
  }

  /** Placed in a town or a site: such reports meet by distance, others by country. */
  private static boolean precise(CodedEvent e) {
    String p = e.location().precision();
    return "site".equals(p) || "city".equals(p);
  }

  /** Whether the merger compares the pair and relates it; each pair decided in one block kind. */
  private static boolean linked(String key, String aId, Report a, String bId, Report b) {
    boolean sameFamily = a.family().equals(b.family());
    switch (key.charAt(0)) {
      case 'F':
        return aId.compareTo(bId) < 0 && EventMerger.related(a, b);
      case 'U':
        return !sameFamily && aId.compareTo(bId) < 0 && EventMerger.related(a, b);
      case 'C':
        // the probe is placed coarsely; two coarse reports meet as probe and home both ways
        if (!precise(b.event()) && aId.compareTo(bId) > 0) {
          return false;
        }
        return !sameFamily && EventMerger.compared(a, b) && EventMerger.related(a, b);
      default:
        return !sameFamily
            && aId.compareTo(bId) < 0
            && EventMerger.compared(a, b)
            && EventMerger.related(a, b);
    }
  }

  /** One cluster's events and reports, as the store merges them. */
  private static List<Out> rows(Iterable<ReportRow> cluster) {
    List<Report> reports = new ArrayList<>();
    for (ReportRow r : cluster) {
      reports.add(r.report());
    }
    reports.sort(Comparator.comparing(Report::id));
    Map<String, Report> byId = new HashMap<>();
    reports.forEach(r -> byId.put(r.id(), r));
    List<Out> out = new ArrayList<>();
    for (MergedEvent m : new EventMerger().mergeCluster(reports)) {
      List<Report> own = new ArrayList<>();
      for (String id : m.reportIds()) {
        own.add(java.util.Objects.requireNonNull(byId.get(id), id));
      }
      String month = month(m.event().date());
      out.add(new Out(true, row(ExportRows.eventRow(m, own), month)));
      for (Report r : own) {
        out.add(new Out(false, row(ExportRows.reportRow(r.event(), m.id()), month)));
      }
    }
    return out;
  }

  /** The partition an event (and its reports) is written under: its start month, or undated. */
  static String month(@Nullable String date) {
    return date == null ? "undated" : date.substring(0, 7);
  }

  private static Row row(List<@Nullable Object> values, String month) {
    Object[] cells = new Object[values.size() + 1];
    for (int i = 0; i < values.size(); i++) {
      cells[i] = values.get(i);
    }
    cells[values.size()] = month;
    return RowFactory.create(cells);
  }
}
