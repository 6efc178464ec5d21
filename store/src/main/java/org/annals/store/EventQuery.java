package org.annals.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which events to read: every field that is null or empty does not filter. Built from the HTTP
 * API's parameters, already checked; turned into a SQL condition whose values are all bound
 * parameters, never spliced into the text.
 *
 * @param from events whose date range reaches this day or later
 * @param to events that begin this day or earlier
 * @param countries ISO 3166 alpha-3 codes of the event's place (any of them)
 * @param ploverTypes PLOVER types (any of them)
 * @param acledTypes ACLED event types or sub-event types (any of them)
 * @param actor text found in the source's or target's words or name, case ignored
 * @param words words that must all occur in the evidence sentences, case ignored
 * @param bbox west, south, east, north in degrees; west greater than east crosses the 180th
 *     meridian
 * @param updatedSince events written after this time (UTC)
 */
public record EventQuery(
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    List<String> countries,
    @Nullable String admin1,
    List<String> ploverTypes,
    List<String> acledTypes,
    @Nullable String actor,
    List<String> words,
    double @Nullable [] bbox,
    @Nullable Integer minSources,
    @Nullable LocalDateTime updatedSince) {

  public EventQuery {
    countries = List.copyOf(countries);
    ploverTypes = List.copyOf(ploverTypes);
    acledTypes = List.copyOf(acledTypes);
    words = List.copyOf(words);
  }

  /** No filter: every event. */
  public static EventQuery all() {
    return new EventQuery(
        null, null, List.of(), null, List.of(), List.of(), null, List.of(), null, null, null);
  }

  /** The same query without its date range (what a timeline shows around a brushed range). */
  public EventQuery withoutDates() {
    return new EventQuery(
        null,
        null,
        countries,
        admin1,
        ploverTypes,
        acledTypes,
        actor,
        words,
        bbox,
        minSources,
        updatedSince);
  }

  /** A SQL condition over {@code events e} and the values its parameters take, in order. */
  Sql where() {
    Sql s = new Sql();
    if (from != null) {
      s.and("coalesce(e.date_end, e.date) >= ?", from);
    }
    if (to != null) {
      s.and("e.date <= ?", to);
    }
    if (!countries.isEmpty()) {
      s.and("e.location_country IN (" + marks(countries.size()) + ")", countries.toArray());
    }
    if (admin1 != null) {
      s.and("e.location_admin1 = ?", admin1);
    }
    if (!ploverTypes.isEmpty()) {
      s.and("e.plover_type IN (" + marks(ploverTypes.size()) + ")", ploverTypes.toArray());
    }
    if (!acledTypes.isEmpty()) {
      String m = marks(acledTypes.size());
      List<Object> v = new ArrayList<>(acledTypes);
      v.addAll(acledTypes);
      s.and(
          "(e.acled_event_type IN (" + m + ") OR e.acled_sub_event_type IN (" + m + "))",
          v.toArray());
    }
    if (actor != null) {
      String like = "%" + escapeLike(actor.toLowerCase(Locale.ROOT)) + "%";
      s.and(
          "(lower(e.source_text) LIKE ? ESCAPE '\\' OR lower(e.source_name) LIKE ? ESCAPE '\\'"
              + " OR lower(e.target_text) LIKE ? ESCAPE '\\' OR lower(e.target_name) LIKE ?"
              + " ESCAPE '\\')",
          like,
          like,
          like,
          like);
    }
    for (String w : words) {
      s.and(
          "e.evidence_text LIKE ? ESCAPE '\\'", "%" + escapeLike(w.toLowerCase(Locale.ROOT)) + "%");
    }
    if (bbox != null) {
      s.and("e.location_lat BETWEEN ? AND ?", bbox[1], bbox[3]);
      if (bbox[0] <= bbox[2]) {
        s.and("e.location_lon BETWEEN ? AND ?", bbox[0], bbox[2]);
      } else {
        s.and("(e.location_lon >= ? OR e.location_lon <= ?)", bbox[0], bbox[2]);
      }
    }
    if (minSources != null) {
      s.and("e.num_sources >= ?", minSources);
    }
    if (updatedSince != null) {
      s.and("e.updated_at > ?", updatedSince);
    }
    return s;
  }

  static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** A condition with its parameters. */
  static final class Sql {
    final List<String> conditions = new ArrayList<>();
    final List<Object> values = new ArrayList<>();

    Sql and(String condition, Object... params) {
      conditions.add(condition);
      values.addAll(java.util.Arrays.asList(params));
      return this;
    }

    String text() {
      return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }
  }
}
