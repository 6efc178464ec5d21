package org.annals.store;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * Reads a store for the HTTP API while its writer goes on: each call takes one of a few connections
 * to the same database (DuckDB's MVCC gives each query the last committed state, so reads never see
 * half a batch and never wait for a write). Every value reaches SQL as a bound parameter.
 * Thread-safe.
 */
public final class EventReader implements AutoCloseable {
  /** The orders of {@link #events}: newest first, or most independent sources first. */
  public static final List<String> SORTS = List.of("date", "sources");

  /** The intervals of {@link #timeline}. */
  public static final List<String> INTERVALS = List.of("day", "week", "month");

  private static final String DAY = "coalesce(e.date, DATE '0001-01-01')";

  private final EventStore store;
  private final BlockingQueue<Connection> pool;
  private final List<Connection> all = new ArrayList<>();

  EventReader(EventStore store, int connections) {
    this.store = store;
    this.pool = new ArrayBlockingQueue<>(connections);
    try {
      for (int i = 0; i < connections; i++) {
        Connection c = store.connection().unwrap(DuckDBConnection.class).duplicate();
        all.add(c);
        pool.add(c);
      }
    } catch (SQLException e) {
      close();
      throw new StoreException("cannot open readers on the store " + store.file(), e);
    }
  }

  /** One page of events in the export's JSON, the cursor of the next page, and the total. */
  public record Page(List<String> events, @Nullable String next, long total) {}

  /** An event that is no longer in the store, and the event its reports went to (or null). */
  public record Removal(String id, @Nullable String mergedInto, LocalDateTime removedAt) {}

  /** A count of events with a key (a period start, a country, a region) and their deaths. */
  public record Count(String key, long events, long fatalities) {}

  /** A map cell: its events' count, mean point and most frequent PLOVER type. */
  public record Cell(double lat, double lon, long events, String type) {}

  /** One report of an event with its article. */
  public record ReportView(
      String reportJson,
      String articleId,
      @Nullable String title,
      @Nullable String url,
      @Nullable String outlet,
      @Nullable LocalDate published) {}

  /**
   * A page of events matching {@code q}, in {@code sort} order, after {@code cursor} (null: the
   * first page). Keyset paging: a cursor names the last event seen, so events stored between two
   * calls never shift a page, and a pull that follows the cursors sees each event at most once.
   */
  public Page events(EventQuery q, String sort, int limit, @Nullable String cursor) {
    EventQuery.Sql where = q.where();
    long total = count(where);
    EventQuery.Sql page = new EventQuery.Sql();
    page.conditions.addAll(where.conditions);
    page.values.addAll(where.values);
    String order;
    Object[] after = cursor == null ? null : PageCursor.decode(cursor, sort);
    if (sort.equals("sources")) {
      order = "e.num_sources DESC, " + DAY + " DESC, e.id";
      if (after != null) {
        page.and(
            "(e.num_sources < ? OR (e.num_sources = ? AND ("
                + DAY
                + " < ? OR ("
                + DAY
                + " = ? AND e.id > ?))))",
            after[0],
            after[0],
            after[1],
            after[1],
            after[2]);
      }
    } else {
      order = DAY + " DESC, e.id";
      if (after != null) {
        page.and(
            "(" + DAY + " < ? OR (" + DAY + " = ? AND e.id > ?))", after[0], after[0], after[1]);
      }
    }
    String sql =
        "SELECT e.json, e.id, "
            + DAY
            + ", e.num_sources FROM events e WHERE "
            + page.text()
            + " ORDER BY "
            + order
            + " LIMIT ?";
    page.values.add(limit + 1);
    List<String> events = new ArrayList<>();
    Object[][] last = new Object[1][];
    boolean[] more = new boolean[1];
    run(
        sql,
        page.values,
        rs -> {
          if (events.size() == limit) {
            more[0] = true;
            return;
          }
          events.add(rs.getString(1));
          LocalDate day = rs.getObject(3, LocalDate.class);
          last[0] =
              sort.equals("sources")
                  ? new Object[] {rs.getInt(4), day, rs.getString(2)}
                  : new Object[] {day, rs.getString(2)};
        });
    return new Page(events, more[0] ? PageCursor.encode(sort, last[0]) : null, total);
  }

  private long count(EventQuery.Sql where) {
    long[] n = new long[1];
    run(
        "SELECT count(*) FROM events e WHERE " + where.text(),
        where.values,
        rs -> n[0] = rs.getLong(1));
    return n[0];
  }

  /** The event's record, or null when the store has no such event. */
  public @Nullable String event(String id) {
    String[] json = new String[1];
    run("SELECT json FROM events WHERE id = ?", List.of(id), rs -> json[0] = rs.getString(1));
    return json[0];
  }

  /** The reports merged into an event, each with its article, oldest article first. */
  public List<ReportView> reports(String eventId) {
    List<ReportView> out = new ArrayList<>();
    run(
        "SELECT r.json, a.id, a.title, a.url, a.outlet, a.published FROM event_reports er"
            + " JOIN reports r ON r.id = er.report_id JOIN articles a ON a.id = r.article_id"
            + " WHERE er.event_id = ? ORDER BY a.published NULLS LAST, r.id",
        List.of(eventId),
        rs ->
            out.add(
                new ReportView(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getObject(6, LocalDate.class))));
    return out;
  }

  /** Events removed after {@code since}, oldest removal first. */
  public List<Removal> removed(LocalDateTime since) {
    List<Removal> out = new ArrayList<>();
    run(
        "SELECT event_id, merged_into, removed_at FROM event_removals WHERE removed_at > ?"
            + " ORDER BY removed_at, event_id",
        List.of(since),
        rs ->
            out.add(
                new Removal(
                    rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class))));
    return out;
  }

  /** The time of the store's last write (UTC), null for an empty store. */
  public @Nullable LocalDateTime lastWrite() {
    LocalDateTime[] t = new LocalDateTime[1];
    run(
        "SELECT greatest((SELECT max(updated_at) FROM events),"
            + " (SELECT max(removed_at) FROM event_removals))",
        List.of(),
        rs -> t[0] = rs.getObject(1, LocalDateTime.class));
    return t[0];
  }

  /** Events a day, week (from Monday) or month, for dated events matching {@code q}. */
  public List<Count> timeline(EventQuery q, String interval) {
    if (!INTERVALS.contains(interval)) {
      throw new IllegalArgumentException("unknown interval " + interval);
    }
    EventQuery.Sql w = q.where().and("e.date IS NOT NULL");
    return counts(
        "SELECT CAST(date_trunc('"
            + interval
            + "', e.date) AS DATE) AS k, count(*),"
            + " coalesce(sum(e.fatalities), 0) FROM events e WHERE "
            + w.text()
            + " GROUP BY k ORDER BY k",
        w.values);
  }

  /** Events per country (ISO alpha-3), most first. */
  public List<Count> countries(EventQuery q) {
    return countsBy("e.location_country", q);
  }

  /** Events per first-level region, most first. */
  public List<Count> admin1(EventQuery q) {
    return countsBy("e.location_admin1", q);
  }

  private List<Count> countsBy(String column, EventQuery q) {
    EventQuery.Sql w = q.where().and(column + " IS NOT NULL");
    return counts(
        "SELECT "
            + column
            + ", count(*) AS n, coalesce(sum(e.fatalities), 0) FROM events e WHERE "
            + w.text()
            + " GROUP BY 1 ORDER BY n DESC, 1",
        w.values);
  }

  private List<Count> counts(String sql, List<Object> values) {
    List<Count> out = new ArrayList<>();
    run(sql, values, rs -> out.add(new Count(rs.getString(1), rs.getLong(2), rs.getLong(3))));
    return out;
  }

  /**
   * Located events counted on a grid of {@code cellDegrees} squares, so a zoomed-out map draws a
   * few hundred circles instead of every point.
   */
  public List<Cell> grid(EventQuery q, double cellDegrees) {
    EventQuery.Sql w = q.where().and("e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL");
    List<Object> values = new ArrayList<>();
    values.add(cellDegrees);
    values.add(cellDegrees);
    values.addAll(w.values);
    List<Cell> out = new ArrayList<>();
    run(
        "SELECT avg(e.location_lat), avg(e.location_lon), count(*), mode(e.plover_type)"
            + " FROM events e WHERE "
            + w.text()
            + " GROUP BY floor(e.location_lat / ?), floor(e.location_lon / ?)"
            + " ORDER BY 3 DESC",
        reorder(values, w.values.size()),
        rs -> out.add(new Cell(rs.getDouble(1), rs.getDouble(2), rs.getLong(3), rs.getString(4))));
    return out;
  }

  /** The GROUP BY's two cell sizes come after the WHERE's values in the statement. */
  private static List<Object> reorder(List<Object> values, int whereCount) {
    List<Object> out = new ArrayList<>(values.subList(2, 2 + whereCount));
    out.addAll(values.subList(0, 2));
    return out;
  }

  /** The matching events as CSV with the columns of {@code annals export --format csv}. */
  public int csv(EventQuery q, OutputStream stream) {
    EventQuery.Sql w = q.where();
    PrintStream out = new PrintStream(stream, false, StandardCharsets.UTF_8);
    String sql = Exporter.eventsQuery(" WHERE " + w.text());
    List<String> names = new ArrayList<>();
    run(
        "DESCRIBE SELECT * EXCLUDE (json) FROM (" + sql + ")",
        w.values,
        rs -> names.add(rs.getString(1)));
    out.println(String.join(",", names));
    int[] n = new int[1];
    run(
        sql,
        w.values,
        rs -> {
          out.println(Exporter.csvLine(rs, names.size()));
          n[0]++;
        });
    out.flush();
    if (out.checkError()) {
      throw new UncheckedIOException(new IOException("the CSV could not be written"));
    }
    return n[0];
  }

  /** The matching located events as a GeoJSON FeatureCollection of points (the export's). */
  public int geojson(EventQuery q, OutputStream stream) {
    EventQuery.Sql w = q.where();
    String sql = Exporter.eventsQuery(" WHERE " + w.text());
    int[] n = new int[1];
    int[] skipped = new int[1];
    try {
      JsonGenerator g = EventStore.JSON.getFactory().createGenerator(stream);
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeArrayFieldStart("features");
      run(sql, w.values, rs -> Exporter.writeFeature(g, rs, n, skipped));
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n[0];
  }

  /** An event's filterable fields and its record: what an in-memory index of the store holds. */
  public record Row(
      String id,
      @Nullable LocalDate date,
      @Nullable LocalDate dateEnd,
      @Nullable String country,
      @Nullable String admin1,
      @Nullable String ploverType,
      @Nullable String acledEventType,
      @Nullable String acledSubEventType,
      @Nullable Double lat,
      @Nullable Double lon,
      int sources,
      @Nullable Integer fatalities,
      LocalDateTime updatedAt,
      String json) {}

  /** Every event written after {@code after} (null: every event), in no particular order. */
  public void rows(@Nullable LocalDateTime after, java.util.function.Consumer<Row> consumer) {
    run(
        "SELECT id, date, date_end, location_country, location_admin1, plover_type,"
            + " acled_event_type, acled_sub_event_type, location_lat, location_lon, num_sources,"
            + " fatalities, updated_at, json FROM events"
            + (after == null ? "" : " WHERE updated_at > ?"),
        after == null ? List.of() : List.of(after),
        rs ->
            consumer.accept(
                new Row(
                    rs.getString(1),
                    rs.getObject(2, LocalDate.class),
                    rs.getObject(3, LocalDate.class),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    (Double) rs.getObject(9),
                    (Double) rs.getObject(10),
                    rs.getInt(11),
                    (Integer) rs.getObject(12),
                    rs.getObject(13) == null
                        ? LocalDateTime.of(1970, 1, 1, 0, 0)
                        : rs.getObject(13, LocalDateTime.class),
                    rs.getString(14))));
  }

  private void run(String sql, List<Object> values, EventStore.RowHandler handler) {
    Connection c;
    try {
      c = pool.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting to read the store", e);
    }
    try (PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) {
        st.setObject(i + 1, values.get(i));
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          handler.row(rs);
        }
      }
    } catch (SQLException e) {
      throw new StoreException(
          "could not read the store "
              + store.file()
              + ": "
              + EventStore.firstLine(String.valueOf(e.getMessage())),
          e);
    } finally {
      pool.add(c);
    }
  }

  @Override
  public void close() {
    for (Connection c : all) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing; nothing left to read
      }
    }
  }
}
