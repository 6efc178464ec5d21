package org.annals.dedup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.annals.event.CodedEvent;
import org.annals.event.CodedEvent.Evidence;
import org.annals.place.Gazetteer;

/**
 * Builds one event from the reports of one happening. The event takes its id, article and coder
 * from the anchor (the earliest published report, then the smallest id), so ids do not change as
 * later reports arrive; the coding most reports agree on; the most precise date and place; every
 * report's evidence; the lowest reported fatality count (ACLED's convention); and a confidence that
 * grows with independent sources ({@link Sources}).
 */
final class EventFusion {
  private static final List<String> DATE_ORDER = List.of("day", "range", "month", "year");

  private EventFusion() {}

  static MergedEvent fuse(List<Report> members) {
    List<Report> reports = new ArrayList<>(members);
    reports.sort(Report.ANCHOR_ORDER);
    Report anchor = reports.get(0);
    CodedEvent coding =
        mostAgreed(
            reports,
            r ->
                List.of(
                    r.event().plover(), Objects.toString(r.event().cameo()), r.event().acled()));
    CodedEvent dated =
        best(
            reports,
            Comparator.comparingInt(EventFusion::dateRank),
            r ->
                List.of(Objects.toString(r.event().date()), Objects.toString(r.event().dateEnd())));
    CodedEvent placed =
        best(
            reports,
            Comparator.comparingInt(r -> -placeRank(r)),
            r ->
                List.of(
                    Objects.toString(r.event().location().name()),
                    Objects.toString(r.event().location().country())));
    CodedEvent a = anchor.event();
    var source = coding.source() != null ? coding.source() : firstNonNull(reports, e -> e.source());
    var target = coding.target() != null ? coding.target() : firstNonNull(reports, e -> e.target());
    Integer fatalities = null;
    List<Evidence> evidence = new ArrayList<>();
    boolean background = true;
    for (Report r : reports) {
      Integer f = r.event().fatalities();
      if (f != null && (fatalities == null || f < fatalities)) {
        fatalities = f;
      }
      evidence.addAll(r.event().evidence());
      background &= r.event().background();
    }
    Sources sources = Sources.of(reports);
    CodedEvent event =
        new CodedEvent(
            a.id(),
            a.articleId(),
            dated.date(),
            dated.dateEnd(),
            dated.datePrecision(),
            dated.dateBasis(),
            dated.dateText(),
            background,
            coding.plover(),
            coding.cameo(),
            coding.acled(),
            source,
            target,
            placed.location(),
            fatalities,
            sources.confidence(),
            evidence,
            a.coder());
    TreeSet<String> articles = new TreeSet<>();
    TreeSet<String> ids = new TreeSet<>();
    LocalDate first = null;
    LocalDate last = null;
    for (Report r : reports) {
      articles.add(r.articleId());
      ids.add(r.id());
      if (r.published() != null) {
        first = first == null || r.published().isBefore(first) ? r.published() : first;
        last = last == null || r.published().isAfter(last) ? r.published() : last;
      }
    }
    return new MergedEvent(
        event,
        reports.size(),
        articles.size(),
        sources.count(),
        first == null ? null : first.toString(),
        last == null ? null : last.toString(),
        new ArrayList<>(ids));
  }

  private static int dateRank(Report r) {
    int i = DATE_ORDER.indexOf(r.event().datePrecision());
    return r.event().date() == null || i < 0 ? DATE_ORDER.size() : i;
  }

  private static int placeRank(Report r) {
    String p = r.event().location().precision();
    return p == null ? -1 : Gazetteer.precisionRank(p);
  }

  /** The report whose value most reports share; ties go to the anchor order. */
  private static CodedEvent mostAgreed(List<Report> reports, Function<Report, Object> key) {
    return best(reports, Comparator.comparingInt(r -> 0), key);
  }

  /**
   * The best report by {@code rank} (lower first); among equals, the one whose {@code key} most
   * reports share, then the first in anchor order.
   */
  private static CodedEvent best(
      List<Report> reports, Comparator<Report> rank, Function<Report, Object> key) {
    Map<Object, Integer> votes = new HashMap<>();
    for (Report r : reports) {
      votes.merge(key.apply(r), 1, Integer::sum);
    }
    Report best = reports.get(0);
    for (Report r : reports) {
      int c = rank.compare(r, best);
      if (c < 0 || (c == 0 && votes.get(key.apply(r)) > votes.get(key.apply(best)))) {
        best = r;
      }
    }
    return best.event();
  }

  private static <T> T firstNonNull(List<Report> reports, Function<CodedEvent, T> get) {
    for (Report r : reports) {
      T v = get.apply(r.event());
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
