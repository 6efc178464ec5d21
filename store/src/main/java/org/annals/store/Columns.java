package org.annals.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.annals.event.CodedEvent;
import org.annals.output.EventWriter;

/**
 * The flat, typed columns of reports and events: the {@code annals code --format csv} columns, with
 * dates, numbers and flags typed so Parquet and SQL users get real types.
 */
final class Columns {
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("date", "DATE"),
          Map.entry("date_end", "DATE"),
          Map.entry("background", "BOOLEAN"),
          Map.entry("location_lat", "DOUBLE"),
          Map.entry("location_lon", "DOUBLE"),
          Map.entry("location_geonames_id", "BIGINT"),
          Map.entry("fatalities", "INTEGER"),
          Map.entry("confidence", "DOUBLE"),
          Map.entry("num_evidence", "INTEGER"),
          Map.entry("sentence_start", "INTEGER"),
          Map.entry("sentence_end", "INTEGER"));

  static final List<String> NAMES = EventWriter.CSV_COLUMNS;

  private Columns() {}

  static String type(String column) {
    return TYPES.getOrDefault(column, "VARCHAR");
  }

  /** The column definitions for CREATE TABLE. */
  static String definitions() {
    return NAMES.stream()
        .map(
            n ->
                String.format(
                    java.util.Locale.ROOT,
                    "%-21s %s%s",
                    n,
                    type(n),
                    n.equals("id") ? " NOT NULL" : ""))
        .collect(Collectors.joining(",\n  "));
  }

  static String list() {
    return String.join(", ", NAMES);
  }

  /** The event's flat cells, typed, in {@link #NAMES} order (null for empty cells). */
  static List<Object> values(CodedEvent e) {
    List<String> cells = EventWriter.flat(e);
    List<Object> out = new ArrayList<>(cells.size());
    for (int i = 0; i < NAMES.size(); i++) {
      String v = cells.get(i);
      if (v.isEmpty()) {
        out.add(null);
        continue;
      }
      out.add(
          switch (type(NAMES.get(i))) {
            case "DATE" -> LocalDate.parse(v);
            case "BOOLEAN" -> Boolean.parseBoolean(v);
            case "DOUBLE" -> Double.parseDouble(v);
            case "INTEGER" -> Integer.parseInt(v);
            case "BIGINT" -> Long.parseLong(v);
            default -> v;
          });
    }
    return out;
  }
}
