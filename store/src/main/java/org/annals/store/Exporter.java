package org.annals.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.annals.output.EventWriter;
import org.jspecify.annotations.Nullable;

/**
 * Writes a store's events (or its reports) as CSV, JSON Lines, Parquet or GeoJSON, for pandas, R,
 * QGIS, Spark or DuckDB itself. CSV and Parquet hold the flat columns of {@code annals code
 * --format csv} plus the merge counts; JSON Lines holds the full records with all evidence; GeoJSON
 * holds one point feature per located event.
 */
public final class Exporter {
  public static final List<String> FORMATS = List.of("csv", "jsonl", "parquet", "geojson");

  /** Which events to export; null fields do not filter. Dates filter on overlap. */
  public record Filter(
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      @Nullable String country,
      @Nullable String type) {

    String where(String alias) {
      List<String> c = new ArrayList<>();
      if (from != null) {
        c.add("coalesce(" + alias + "date_end, " + alias + "date) >= DATE '" + from + "'");
      }
      if (to != null) {
        c.add(alias + "date <= DATE '" + to + "'");
      }
      if (country != null) {
        c.add(
            alias
                + "location_country = "
                + EventStore.in(List.of(country.toUpperCase(Locale.ROOT))));
      }
      if (type != null) {
        c.add(alias + "plover_type = " + EventStore.in(List.of(type.toUpperCase(Locale.ROOT))));
      }
      return c.isEmpty() ? "" : " WHERE " + String.join(" AND ", c);
    }
  }

  private final EventStore store;

  public Exporter(EventStore store) {
    this.store = store;
  }

  /**
   * Exports to {@code output}, or to {@code stdout} when it is null (not for Parquet). Returns the
   * number of rows written; {@code skipped} gets GeoJSON's events without coordinates.
   */
  public int export(
      String format,
      Filter filter,
      boolean reports,
      @Nullable Path output,
      PrintStream stdout,
      int[] skipped) {
    if (!FORMATS.contains(format)) {
      throw new IllegalArgumentException(
          "unknown format '" + format + "'; use one of " + String.join(", ", FORMATS));
    }
    if (output != null) {
      refuseStoreFile(output);
    }
    String sql = reports ? reportsQuery(filter) : eventsQuery(filter);
    if (format.equals("parquet")) {
      if (output == null) {
        throw new IllegalArgumentException(
            "Parquet is a binary file format; give --output" + " FILE.parquet");
      }
      return Outputs.replace(output, tmp -> parquet(sql, tmp));
    }
    if (output == null) {
      int n = write(format, sql, reports, stdout, skipped);
      org.annals.output.OutputException.check(stdout, "standard output");
      return n;
    }
    return Outputs.replace(
        output,
        tmp -> {
          try (OutputStream file = java.nio.file.Files.newOutputStream(tmp);
              PrintStream out =
                  new PrintStream(
                      new java.io.BufferedOutputStream(file, 1 << 16),
                      false,
                      StandardCharsets.UTF_8)) {
            int n = write(format, sql, reports, out, skipped);
            org.annals.output.OutputException.check(out, output.toString());
            return n;
          } catch (IOException e) {
            throw new StoreException(
                "cannot write "
                    + output
                    + ": "
                    + e.getMessage()
                    + "; check the directory exists and is writable",
                e);
          }
        });
  }

  private int write(String format, String sql, boolean reports, PrintStream out, int[] skipped) {
    int n =
        switch (format) {
          case "csv" -> csv(sql, out);
          case "jsonl" -> jsonl(sql, reports, out);
          default -> geojson(sql, out, skipped);
        };
    out.flush();
    return n;
  }

  /** Refuses to write over the store itself or its write-ahead log. */
  private void refuseStoreFile(Path output) {
    Path db = store.file();
    for (Path own : List.of(db, db.resolveSibling(db.getFileName() + ".wal"))) {
      if (Outputs.same(output, own)) {
        throw new IllegalArgumentException(
            "the output "
                + output
                + " is the store "
                + (own.equals(db) ? "itself" : "'s write-ahead log")
                + " ("
                + own
                + "); writing it would destroy the store: choose another --output file");
      }
    }
  }

  static String eventsQuery(Filter f) {
    return eventsQuery(f.where("e."));
  }

  /** The events export's query with a WHERE clause over {@code events e} (or ""). */
  static String eventsQuery(String where) {
    return "SELECT "
        + prefixed("e.")
        + ", e.num_reports, e.num_articles, e.num_sources,"
        + " e.first_seen, e.last_seen, (SELECT string_agg(DISTINCT r.article_id, ';' ORDER BY"
        + " r.article_id) FROM event_reports er JOIN reports r ON r.id = er.report_id"
        + " WHERE er.event_id = e.id) AS article_ids, e.json FROM events e"
        + where
        + " ORDER BY e.date NULLS LAST, e.id";
  }

  static String reportsQuery(Filter f) {
    return "SELECT "
        + prefixed("r.")
        + ", er.event_id, r.json FROM reports r"
        + " LEFT JOIN event_reports er ON er.report_id = r.id"
        + f.where("r.")
        + " ORDER BY r.date NULLS LAST, r.id";
  }

  private static String prefixed(String alias) {
    return String.join(", ", Columns.NAMES.stream().map(n -> alias + n).toList());
  }

  private int parquet(String sql, Path output) {
    try (Statement st = store.connection().createStatement()) {
      return st.executeUpdate(
          "COPY (SELECT * EXCLUDE (json) FROM ("
              + sql
              + ")) TO '"
              + output.toAbsolutePath().toString().replace("'", "''")
              + "' (FORMAT PARQUET)");
    } catch (SQLException e) {
      throw new StoreException(
          "cannot write "
              + output
              + ": "
              + EventStore.firstLine(String.valueOf(e.getMessage()))
              + "; check the directory exists and is writable",
          e);
    }
  }

  /** Header and rows; the header is written even when no row matches, so readers get columns. */
  private int csv(String sql, PrintStream out) {
    List<String> names = new ArrayList<>();
    store.query(
        "DESCRIBE SELECT * EXCLUDE (json) FROM (" + sql + ")", rs -> names.add(rs.getString(1)));
    out.println(String.join(",", names));
    int[] n = new int[1];
    store.query(
        sql,
        rs -> {
          out.println(csvLine(rs, names.size()));
          n[0]++;
        });
    return n[0];
  }

  /** The first {@code columns} cells of the current row as one CSV line. */
  static String csvLine(ResultSet rs, int columns) throws SQLException {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= columns; i++) {
      if (i > 1) {
        b.append(',');
      }
      Object v = rs.getObject(i);
      b.append(v == null ? "" : EventWriter.csvCell(v.toString()));
    }
    return b.toString();
  }

  /** The stored records; a report also gets the id of its event. */
  private int jsonl(String sql, boolean reports, PrintStream out) {
    int[] n = new int[1];
    store.query(
        sql,
        rs -> {
          String json = rs.getString("json");
          if (reports) {
            ObjectNode node = (ObjectNode) parseTree(json);
            node.put("event_id", rs.getString("event_id"));
            json = node.toString();
          }
          out.println(json);
          n[0]++;
        });
    return n[0];
  }

  private int geojson(String sql, PrintStream out, int[] skipped) {
    int[] n = new int[1];
    try {
      JsonGenerator g = EventStore.JSON.getFactory().createGenerator((OutputStream) out);
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeArrayFieldStart("features");
      store.query(sql, rs -> writeFeature(g, rs, n, skipped));
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      out.println();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n[0];
  }

  static void writeFeature(JsonGenerator g, ResultSet rs, int[] n, int[] skipped)
      throws SQLException {
    Object lat = rs.getObject("location_lat");
    Object lon = rs.getObject("location_lon");
    if (lat == null || lon == null) {
      skipped[0]++;
      return;
    }
    try {
      ResultSetMetaData md = rs.getMetaData();
      g.writeStartObject();
      g.writeStringField("type", "Feature");
      g.writeObjectFieldStart("geometry");
      g.writeStringField("type", "Point");
      g.writeArrayFieldStart("coordinates");
      g.writeNumber(((Number) lon).doubleValue());
      g.writeNumber(((Number) lat).doubleValue());
      g.writeEndArray();
      g.writeEndObject();
      g.writeObjectFieldStart("properties");
      for (int i = 1; i < md.getColumnCount(); i++) {
        String name = md.getColumnLabel(i);
        Object v = rs.getObject(i);
        switch (md.getColumnType(i)) {
          case Types.INTEGER, Types.BIGINT, Types.DOUBLE, Types.FLOAT, Types.DECIMAL ->
              g.writeObjectField(name, v);
          case Types.BOOLEAN -> g.writeObjectField(name, v);
          default -> g.writeStringField(name, v == null ? null : v.toString());
        }
      }
      g.writeEndObject();
      g.writeEndObject();
      n[0]++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode parseTree(String json) {
    try {
      return EventStore.JSON.readTree(json);
    } catch (IOException e) {
      throw new StoreException("a stored report cannot be read back: " + e.getMessage(), e);
    }
  }
}
