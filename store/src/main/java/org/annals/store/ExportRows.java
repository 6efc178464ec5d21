package org.annals.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.annals.dedup.MergedEvent;
import org.annals.dedup.Report;
import org.annals.event.CodedEvent;
import org.annals.output.EventWriter;
import org.jspecify.annotations.Nullable;

/**
 * The rows of {@code annals export --format parquet}, for writers other than the store (the Spark
 * job): the same columns, in the same order, with the same types and cells, so that a dataset
 * written elsewhere equals the store's export field for field. Also the store's article keys (text
 * hash, canonical URL, outlet) and its report records, which decide duplicates and merging.
 */
public final class ExportRows {
  /** How the store writes and reads back report records. */
  static final ObjectMapper JSON =
      EventWriter.JSON.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The columns an events export adds after the flat columns. */
  private static final List<String> EVENT_EXTRA =
      List.of(
          "num_reports", "num_articles", "num_sources", "first_seen", "last_seen", "article_ids");

  private ExportRows() {}

  /** A column's name and its SQL type ({@code VARCHAR}, {@code DATE}, {@code INTEGER}…). */
  public record Column(String name, String type, boolean nullable) {}

  /** The columns of the events export, in order. */
  public static List<Column> eventColumns() {
    List<Column> out = flatColumns();
    for (String n : EVENT_EXTRA) {
      String type =
          switch (n) {
            case "first_seen", "last_seen" -> "DATE";
            case "article_ids" -> "VARCHAR";
            default -> "INTEGER";
          };
      out.add(new Column(n, type, !n.startsWith("num_")));
    }
    return out;
  }

  /** The columns of the reports export ({@code --reports}), in order. */
  public static List<Column> reportColumns() {
    List<Column> out = flatColumns();
    out.add(new Column("event_id", "VARCHAR", true));
    return out;
  }

  private static List<Column> flatColumns() {
    List<Column> out = new ArrayList<>();
    for (String n : Columns.NAMES) {
      out.add(new Column(n, Columns.type(n), !n.equals("id")));
    }
    return out;
  }

  /** An event's cells in {@link #eventColumns} order: dates as {@link LocalDate}, null if empty. */
  public static List<@Nullable Object> eventRow(MergedEvent m, List<Report> reports) {
    List<@Nullable Object> values = new ArrayList<>(Columns.values(m.event()));
    values.add(m.numReports());
    values.add(m.numArticles());
    values.add(m.numSources());
    values.add(m.firstSeen() == null ? null : LocalDate.parse(m.firstSeen()));
    values.add(m.lastSeen() == null ? null : LocalDate.parse(m.lastSeen()));
    TreeSet<String> articles = new TreeSet<>();
    for (Report r : reports) {
      articles.add(r.articleId());
    }
    values.add(articles.isEmpty() ? null : String.join(";", articles));
    return values;
  }

  /** A report's cells in {@link #reportColumns} order. */
  public static List<@Nullable Object> reportRow(CodedEvent report, @Nullable String eventId) {
    List<@Nullable Object> values = new ArrayList<>(Columns.values(report));
    values.add(eventId);
    return values;
  }

  /** A report as the store records it. */
  public static String reportJson(CodedEvent report) {
    return EventWriter.toJson(report);
  }

  /** A report read back as the store reads it before merging. */
  public static CodedEvent parseReport(String json) {
    try {
      return JSON.readValue(json, CodedEvent.class);
    } catch (JsonProcessingException e) {
      throw new StoreException("a report cannot be read back: " + e.getOriginalMessage(), e);
    }
  }

  /** The key of exact duplicates by text: SHA-256 of the text with white space collapsed. */
  public static String textHash(String text) {
    return Ingester.textHash(text);
  }

  /** The key of exact duplicates by address ({@link Ingester#canonicalUrl}); null if none. */
  public static @Nullable String canonicalUrl(@Nullable String url) {
    return Ingester.canonicalUrl(url);
  }

  /** The outlet an article counts under ({@link Ingester#outlet}). */
  public static @Nullable String outlet(@Nullable String source, @Nullable String canonicalUrl) {
    return Ingester.outlet(source, canonicalUrl);
  }
}
