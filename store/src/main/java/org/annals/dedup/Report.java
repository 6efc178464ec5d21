package org.annals.dedup;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import org.annals.event.CodedEvent;
import org.jspecify.annotations.Nullable;

/**
 * One coded mention of a happening in one article (a {@link CodedEvent} from the pipeline), with
 * what merging needs to know about its article.
 *
 * @param family the article's near-duplicate family: the smallest article id among the article and
 *     its near-duplicates; copies in one family count as one source
 * @param outlet the article's outlet (its {@code source}, else its URL's host), if known
 * @param published the article's publication date, if known
 */
public record Report(
    CodedEvent event, String family, @Nullable String outlet, @Nullable LocalDate published) {

  /**
   * Canonical order: earliest published first (unknown last), then by article id and position in
   * the article. The first report names its event, so an event keeps its id when later reports or
   * copies with larger ids join it.
   */
  public static final Comparator<Report> ANCHOR_ORDER =
      Comparator.comparing((Report r) -> r.published() == null ? LocalDate.MAX : r.published())
          .thenComparing(Report::articleId)
          .thenComparingInt(r -> r.event().evidence().get(0).triggerStart())
          .thenComparing(Report::id);

  public Report {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(family, "family");
  }

  public String id() {
    return event.id();
  }

  public String articleId() {
    return event.articleId();
  }

  /**
   * What kind of happening a report tells of, coarse enough that two reports of one happening
   * always share it: ACLED's event type (protests and riots together, since reports disagree on
   * whether a crowd turned violent), else the PLOVER type. Reports of two kinds never merge.
   */
  public static String kind(CodedEvent e) {
    String acled = e.acled().eventType();
    if (acled == null) {
      return e.plover().type();
    }
    return acled.equals("Protests") || acled.equals("Riots") ? "Demonstrations" : acled;
  }
}
