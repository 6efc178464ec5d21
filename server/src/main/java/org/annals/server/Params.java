package org.annals.server;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.annals.classify.Labels;
import org.annals.store.EventQuery;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of the API, checked: each endpoint names the parameters it takes, an unknown
 * name or a value outside its domain is a 400 that says what to send instead.
 */
final class Params {
  /** The filters every events and stats endpoint takes. */
  static final List<String> FILTERS =
      List.of(
          "from",
          "to",
          "country",
          "admin1",
          "plover_type",
          "acled_type",
          "actor",
          "q",
          "bbox",
          "min_sources",
          "updated_since");

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  /** ISO 3166 alpha-3 codes the gazetteer knows. */
  static final Set<String> COUNTRIES = org.annals.place.CountryCodes.all();

  /** PLOVER's 18 event types. */
  static final Set<String> PLOVER_TYPES = new TreeSet<>(Labels.PLOVER_TYPES);

  /** ACLED's six event types and 25 sub-event types, by name. */
  static final Set<String> ACLED_TYPES = acledTypes();

  private final Map<String, List<String>> query;

  Params(Map<String, List<String>> query, List<String> allowed) {
    this.query = query;
    List<String> unknown = new ArrayList<>();
    for (String name : query.keySet()) {
      if (!allowed.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw ApiError.badRequest(
          "unknown parameter" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown),
          Map.of("allowed", allowed));
    }
    for (var e : query.entrySet()) {
      if (e.getValue().size() > 1) {
        throw ApiError.badRequest(
            "parameter "
                + e.getKey()
                + " is given more than once; give it once (comma-separate"
                + " several values where it takes a list)",
            null);
      }
    }
  }

  @Nullable String get(String name) {
    List<String> v = query.get(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    String s = v.get(0).strip();
    return s.isEmpty() ? null : s;
  }

  /** The filters, checked. */
  EventQuery filter() {
    LocalDate from = date("from");
    LocalDate to = date("to");
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiError.badRequest(
          "from " + from + " is after to " + to + "; swap them", Map.of("from", from.toString()));
    }
    List<String> countries = list("country", s -> s.toUpperCase(Locale.ROOT));
    for (String c : countries) {
      if (!COUNTRIES.contains(c)) {
        throw ApiError.badRequest(
            "country '" + c + "' is not an ISO 3166 alpha-3 code; use e.g. IRQ, KEN, USA",
            Map.of("parameter", "country", "value", c));
      }
    }
    List<String> plover = list("plover_type", s -> s.toUpperCase(Locale.ROOT));
    for (String t : plover) {
      if (!PLOVER_TYPES.contains(t)) {
        throw ApiError.badRequest(
            "plover_type '" + t + "' is not a PLOVER type",
            Map.of("parameter", "plover_type", "allowed", PLOVER_TYPES));
      }
    }
    List<String> acled = list("acled_type", s -> s);
    for (String t : acled) {
      if (!ACLED_TYPES.contains(t)) {
        throw ApiError.badRequest(
            "acled_type '" + t + "' is not an ACLED event or sub-event type",
            Map.of("parameter", "acled_type", "allowed", ACLED_TYPES));
      }
    }
    String q = get("q");
    List<String> words = new ArrayList<>();
    if (q != null) {
      for (String w : q.split("\\s+")) {
        if (!w.isEmpty()) {
          words.add(w);
        }
      }
      if (words.size() > 20) {
        throw ApiError.badRequest("q has more than 20 words; search for fewer", null);
      }
    }
    Integer minSources = integer("min_sources", 1, 1_000_000);
    return new EventQuery(
        from,
        to,
        countries,
        get("admin1"),
        plover,
        acled,
        get("actor"),
        words,
        bbox(),
        minSources,
        time("updated_since"));
  }

  @Nullable LocalDate date(String name) {
    String s = get(name);
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(
          name + " '" + s + "' is not a date; use YYYY-MM-DD, e.g. 2022-08-29",
          Map.of("parameter", name, "value", s));
    }
  }

  /** A time: {@code YYYY-MM-DD}, {@code YYYY-MM-DDThh:mm:ss[.f]} (UTC) or with an offset. */
  @Nullable LocalDateTime time(String name) {
    String s = get(name);
    if (s == null) {
      return null;
    }
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay();
      }
      if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      }
      return LocalDateTime.parse(s);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(
          name
              + " '"
              + s
              + "' is not a time; use YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, e.g. the as_of of"
              + " your last pull",
          Map.of("parameter", name, "value", s));
    }
  }

  @Nullable Integer integer(String name, int min, int max) {
    String s = get(name);
    if (s == null) {
      return null;
    }
    int v;
    try {
      v = Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(
          name + " '" + s + "' is not a whole number", Map.of("parameter", name, "value", s));
    }
    if (v < min || v > max) {
      throw ApiError.badRequest(
          name + " " + v + " is out of range; use " + min + " to " + max,
          Map.of("parameter", name, "min", min, "max", max));
    }
    return v;
  }

  int limit() {
    Integer v = integer("limit", 1, MAX_LIMIT);
    return v == null ? DEFAULT_LIMIT : v;
  }

  /** A value that must be one of {@code allowed}; {@code fallback} when absent. */
  String oneOf(String name, List<String> allowed, String fallback) {
    String s = get(name);
    if (s == null) {
      return fallback;
    }
    if (!allowed.contains(s)) {
      throw ApiError.badRequest(
          name + " '" + s + "' is not one of " + String.join(", ", allowed),
          Map.of("parameter", name, "allowed", allowed));
    }
    return s;
  }

  private double @Nullable [] bbox() {
    String s = get("bbox");
    if (s == null) {
      return null;
    }
    String[] parts = s.split(",", -1);
    String help = "; use west,south,east,north in degrees, e.g. 33.5,-5,42,5";
    if (parts.length != 4) {
      throw ApiError.badRequest(
          "bbox '" + s + "' has " + parts.length + " numbers, not 4" + help,
          Map.of("parameter", "bbox", "value", s));
    }
    double[] b = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        b[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw ApiError.badRequest(
            "bbox '" + s + "': '" + parts[i] + "' is not a number" + help,
            Map.of("parameter", "bbox", "value", s));
      }
      if (Double.isNaN(b[i]) || Double.isInfinite(b[i])) {
        throw ApiError.badRequest(
            "bbox '" + s + "' holds a value that is not a number" + help, null);
      }
    }
    if (b[0] < -180 || b[0] > 180 || b[2] < -180 || b[2] > 180) {
      throw ApiError.badRequest("bbox '" + s + "': longitudes lie in -180..180" + help, null);
    }
    if (b[1] < -90 || b[3] > 90 || b[1] > b[3]) {
      throw ApiError.badRequest(
          "bbox '" + s + "': latitudes lie in -90..90 with south below north" + help, null);
    }
    return b;
  }

  private List<String> list(String name, java.util.function.UnaryOperator<String> norm) {
    String s = get(name);
    if (s == null) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String p : s.split(",")) {
      if (!p.isBlank()) {
        out.add(norm.apply(p.strip()));
      }
    }
    return List.copyOf(out);
  }

  private static Set<String> acledTypes() {
    Set<String> out = new LinkedHashSet<>();
    out.addAll(
        List.of(
            "Battles",
            "Violence against civilians",
            "Explosions/Remote violence",
            "Riots",
            "Protests",
            "Strategic developments"));
    out.addAll(Labels.CASE_TO_ACLED.values());
    return out;
  }

  /** The allowed parameters of an endpoint that takes the filters and more. */
  static List<String> filtersAnd(String... more) {
    List<String> out = new ArrayList<>(FILTERS);
    out.addAll(List.of(more));
    return out;
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
