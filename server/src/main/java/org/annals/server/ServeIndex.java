package org.annals.server;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import org.annals.store.EventQuery;
import org.annals.store.EventReader;
import org.annals.store.PageCursor;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory index of the store's events for the API's hot paths: the events page, the timeline,
 * country and region counts and the map grid. It holds each event's filterable fields in arrays
 * sorted newest first, a list of positions per country, and the records in a {@link BlobLog}, so a
 * country-and-dates query reads a slice instead of scanning a million rows, and the answers equal
 * the store's SQL ({@link EventReader}) field for field (tested on random stores and queries). Text
 * filters ({@code actor}, {@code q}) go to SQL. Refreshed after each write from the rows written
 * since; readers see one consistent snapshot.
 */
final class ServeIndex implements AutoCloseable {
  private static final int NO_DAY = (int) LocalDate.of(1, 1, 1).toEpochDay();

  private final EventReader reader;
  private final BlobLog blobs = new BlobLog();
  private volatile Snapshot snapshot;

  ServeIndex(EventReader reader) {
    this.reader = reader;
    List<Fresh> rows = new ArrayList<>();
    reader.rows(null, r -> rows.add(Fresh.of(r, blobs)));
    LocalDateTime last = reader.lastWrite();
    this.snapshot = Snapshot.build(null, Set.of(), rows, last);
  }

  int size() {
    return snapshot.n;
  }

  /** The time of the last write the index holds (UTC), null for an empty store. */
  @Nullable LocalDateTime asOf() {
    return snapshot.asOf;
  }

  /** Whether the index answers this query (it does unless a text filter is set). */
  static boolean answers(EventQuery q) {
    return q.actor() == null && q.words().isEmpty();
  }

  /** Takes in what was written since the last refresh. Called by the one writer, after a write. */
  synchronized void refresh() {
    Snapshot old = snapshot;
    LocalDateTime since = old.asOf;
    List<Fresh> changed = new ArrayList<>();
    reader.rows(since, r -> changed.add(Fresh.of(r, blobs)));
    Set<String> gone = new HashSet<>();
    if (since != null) {
      for (EventReader.Removal r : reader.removed(since)) {
        gone.add(r.id());
      }
    }
    for (Fresh r : changed) {
      gone.add(r.row().id());
    }
    if (changed.isEmpty() && gone.isEmpty()) {
      return;
    }
    snapshot = Snapshot.build(old, gone, changed, reader.lastWrite());
  }

  /** A page as {@link EventReader#events} gives it, with each record's UTF-8 bytes. */
  record Page(List<byte[]> events, @Nullable String next, long total) {}

  Page events(EventQuery q, String sort, int limit, @Nullable String cursor) {
    Snapshot s = snapshot;
    Object[] after = cursor == null ? null : PageCursor.decode(cursor, sort);
    Matcher m = new Matcher(s, q);
    long total = 0;
    List<Integer> page = new ArrayList<>();
    boolean more = false;
    if (sort.equals("sources")) {
      Comparator<Integer> order = s.sourcesOrder();
      PriorityQueue<Integer> top = new PriorityQueue<>(order.reversed());
      for (int[] slice : m.slices()) {
        for (int k = slice[1]; k < slice[2]; k++) {
          int i = slice[0] < 0 ? k : s.byCountry[slice[0]][k];
          if (!m.test(i)) {
            continue;
          }
          total++;
          if (after != null && !s.afterSources(i, after)) {
            continue;
          }
          top.add(i);
          if (top.size() > limit + 1) {
            top.poll();
          }
        }
      }
      List<Integer> sorted = new ArrayList<>(top);
      sorted.sort(order);
      more = sorted.size() > limit;
      page = sorted.subList(0, Math.min(limit, sorted.size()));
    } else {
      int afterPos = after == null ? -1 : s.positionAfter((LocalDate) after[0], (String) after[1]);
      boolean interleaved = m.slices().size() > 1; // several countries: their lists interleave
      List<Integer> hits = new ArrayList<>();
      for (int[] slice : m.slices()) {
        for (int k = slice[1]; k < slice[2]; k++) {
          int i = slice[0] < 0 ? k : s.byCountry[slice[0]][k];
          if (!m.test(i)) {
            continue;
          }
          total++;
          if (!interleaved && i > afterPos && hits.size() <= limit) {
            hits.add(i);
          }
        }
      }
      if (interleaved) {
        hits = new ArrayList<>(m.firstAfter(afterPos, limit + 1));
      }
      more = hits.size() > limit;
      page = hits.subList(0, Math.min(limit, hits.size()));
    }
    List<byte[]> events = new ArrayList<>(page.size());
    for (int i : page) {
      events.add(blobs.bytes(s.blob[i]));
    }
    String next = null;
    if (more && !page.isEmpty()) {
      int last = page.get(page.size() - 1);
      LocalDate day = LocalDate.ofEpochDay(s.day[last]);
      next =
          sort.equals("sources")
              ? PageCursor.encode(sort, new Object[] {s.sources[last], day, s.ids[last]})
              : PageCursor.encode(sort, new Object[] {day, s.ids[last]});
    }
    return new Page(events, next, total);
  }

  List<EventReader.Count> timeline(EventQuery q, String interval) {
    Snapshot s = snapshot;
    Matcher m = new Matcher(s, q);
    TreeMap<Integer, long[]> buckets = new TreeMap<>();
    m.forEach(
        i -> {
          if (s.day[i] == NO_DAY) {
            return;
          }
          int key = truncate(s.day[i], interval);
          long[] c = buckets.computeIfAbsent(key, k -> new long[2]);
          c[0]++;
          c[1] += s.fatalities[i];
        });
    List<EventReader.Count> out = new ArrayList<>();
    buckets.forEach(
        (k, c) -> out.add(new EventReader.Count(LocalDate.ofEpochDay(k).toString(), c[0], c[1])));
    return out;
  }

  static int truncate(int epochDay, String interval) {
    return switch (interval) {
      case "week" -> epochDay - Math.floorMod(epochDay + 3, 7);
      case "month" -> {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        yield (int) d.withDayOfMonth(1).toEpochDay();
      }
      default -> epochDay;
    };
  }

  List<EventReader.Count> countries(EventQuery q) {
    Snapshot s = snapshot;
    return counts(s, q, s.country, s.countries);
  }

  List<EventReader.Count> admin1(EventQuery q) {
    Snapshot s = snapshot;
    return counts(s, q, s.admin1, s.admin1s);
  }

  /** Counts within one snapshot: the column and its names must come from the one scanned. */
  private static List<EventReader.Count> counts(
      Snapshot s, EventQuery q, int[] column, List<String> names) {
    Matcher m = new Matcher(s, q);
    Map<Integer, long[]> by = new HashMap<>();
    m.forEach(
        i -> {
          if (column[i] < 0) {
            return;
          }
          long[] c = by.computeIfAbsent(column[i], k -> new long[2]);
          c[0]++;
          c[1] += s.fatalities[i];
        });
    List<EventReader.Count> out = new ArrayList<>();
    by.forEach((k, c) -> out.add(new EventReader.Count(names.get(k), c[0], c[1])));
    out.sort(
        Comparator.comparingLong(EventReader.Count::events)
            .reversed()
            .thenComparing(EventReader.Count::key));
    return out;
  }

  List<EventReader.Cell> grid(EventQuery q, double cell) {
    Snapshot s = snapshot;
    Matcher m = new Matcher(s, q);
    Map<Long, double[]> cells = new HashMap<>();
    Map<Long, int[]> types = new HashMap<>();
    m.forEach(
        i -> {
          if (Double.isNaN(s.lat[i]) || Double.isNaN(s.lon[i])) {
            return;
          }
          long key =
              ((long) Math.floor(s.lat[i] / cell) << 32)
                  ^ ((long) Math.floor(s.lon[i] / cell) & 0xffffffffL);
          double[] c = cells.computeIfAbsent(key, k -> new double[3]);
          c[0] += s.lat[i];
          c[1] += s.lon[i];
          c[2]++;
          if (s.plover[i] >= 0) {
            types.computeIfAbsent(key, k -> new int[s.ploverTypes.size()])[s.plover[i]]++;
          }
        });
    List<EventReader.Cell> out = new ArrayList<>();
    cells.forEach(
        (k, c) -> {
          int[] t = types.get(k);
          String type = null;
          if (t != null) {
            int best = 0;
            for (int j = 1; j < t.length; j++) {
              if (t[j] > t[best]) {
                best = j;
              }
            }
            type = s.ploverTypes.get(best);
          }
          out.add(new EventReader.Cell(c[0] / c[2], c[1] / c[2], (long) c[2], type));
        });
    out.sort(Comparator.comparingLong(EventReader.Cell::events).reversed());
    return out;
  }

  @Override
  public void close() {
    blobs.close();
  }

  /** The filters of a query against one snapshot, and the slices of positions they need. */
  private static final class Matcher {
    final Snapshot s;
    final EventQuery q;
    final int from;
    final int to;
    final int @Nullable [] countries;
    final int admin1;
    final boolean[] plover;
    final boolean[] acledEvent;
    final boolean[] acledSub;
    final long updatedSince;
    private @Nullable List<int[]> slices;

    Matcher(Snapshot s, EventQuery q) {
      this.s = s;
      this.q = q;
      this.from = q.from() == null ? Integer.MIN_VALUE : (int) q.from().toEpochDay();
      this.to = q.to() == null ? Integer.MAX_VALUE : (int) q.to().toEpochDay();
      if (q.countries().isEmpty()) {
        countries = null;
      } else {
        countries =
            q.countries().stream()
                .mapToInt(c -> s.countries.indexOf(c))
                .filter(c -> c >= 0)
                .toArray();
      }
      admin1 = q.admin1() == null ? -2 : s.admin1s.indexOf(q.admin1());
      plover = mask(s.ploverTypes, q.ploverTypes());
      acledEvent = mask(s.acledEvents, q.acledTypes());
      acledSub = mask(s.acledSubs, q.acledTypes());
      updatedSince = q.updatedSince() == null ? Long.MIN_VALUE : micros(q.updatedSince());
    }

    private static boolean[] mask(List<String> names, List<String> wanted) {
      boolean[] m = new boolean[names.size()];
      for (int i = 0; i < m.length; i++) {
        m[i] = wanted.contains(names.get(i));
      }
      return m;
    }

    /**
     * Slices {country or -1, start, end} of positions that can match: the dates bound them, since
     * positions run newest first (an event's range may begin up to the longest span before {@code
     * from}).
     */
    List<int[]> slices() {
      if (slices != null) {
        return slices;
      }
      List<int[]> out = new ArrayList<>();
      int low = from == Integer.MIN_VALUE ? Integer.MIN_VALUE : from - s.maxSpan;
      if (countries == null) {
        out.add(
            new int[] {-1, s.firstAtOrBefore(s.day, null, to), s.firstBefore(s.day, null, low)});
      } else {
        for (int c : countries) {
          int[] list = s.byCountry[c];
          out.add(
              new int[] {c, s.firstAtOrBefore(s.day, list, to), s.firstBefore(s.day, list, low)});
        }
      }
      slices = out;
      return out;
    }

    /** The first {@code n} matching positions after {@code afterPos}, in order. */
    List<Integer> firstAfter(int afterPos, int n) {
      PriorityQueue<Integer> top = new PriorityQueue<>(Comparator.reverseOrder());
      forEach(
          i -> {
            if (i > afterPos) {
              top.add(i);
              if (top.size() > n) {
                top.poll();
              }
            }
          });
      List<Integer> out = new ArrayList<>(top);
      out.sort(null);
      return out;
    }

    void forEach(java.util.function.IntConsumer c) {
      for (int[] slice : slices()) {
        for (int k = slice[1]; k < slice[2]; k++) {
          int i = slice[0] < 0 ? k : s.byCountry[slice[0]][k];
          if (test(i)) {
            c.accept(i);
          }
        }
      }
    }

    boolean test(int i) {
      if (from != Integer.MIN_VALUE) {
        int end = s.dayEnd[i] == NO_DAY ? s.day[i] : s.dayEnd[i];
        if (s.day[i] == NO_DAY && s.dayEnd[i] == NO_DAY || end < from) {
          return false;
        }
      }
      if (to != Integer.MAX_VALUE && (s.day[i] == NO_DAY || s.day[i] > to)) {
        return false;
      }
      if (admin1 != -2 && s.admin1[i] != admin1) {
        return false;
      }
      if (!q.ploverTypes().isEmpty() && (s.plover[i] < 0 || !plover[s.plover[i]])) {
        return false;
      }
      if (!q.acledTypes().isEmpty()
          && !(s.acledEvent[i] >= 0 && acledEvent[s.acledEvent[i]])
          && !(s.acledSub[i] >= 0 && acledSub[s.acledSub[i]])) {
        return false;
      }
      double[] b = q.bbox();
      if (b != null) {
        double lat = s.lat[i];
        double lon = s.lon[i];
        if (Double.isNaN(lat) || Double.isNaN(lon) || lat < b[1] || lat > b[3]) {
          return false;
        }
        if (b[0] <= b[2] ? lon < b[0] || lon > b[2] : lon < b[0] && lon > b[2]) {
          return false;
        }
      }
      if (q.minSources() != null && s.sources[i] < q.minSources()) {
        return false;
      }
      return s.updated[i] > updatedSince;
    }
  }

  static long micros(LocalDateTime t) {
    return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), t);
  }

  /**
   * A row read from the store, its record already in the blob file: the record is written as it is
   * read, so a million of them never sit on the heap at once.
   */
  private record Fresh(EventReader.Row row, long blob) {
    static Fresh of(EventReader.Row r, BlobLog blobs) {
      long handle = blobs.append(r.json());
      return new Fresh(
          new EventReader.Row(
              r.id(),
              r.date(),
              r.dateEnd(),
              r.country(),
              r.admin1(),
              r.ploverType(),
              r.acledEventType(),
              r.acledSubEventType(),
              r.lat(),
              r.lon(),
              r.sources(),
              r.fatalities(),
              r.updatedAt(),
              ""),
          handle);
    }
  }

  /** One immutable state of the index. */
  private static final class Snapshot {
    int n;
    String[] ids;
    int[] day;
    int[] dayEnd;
    int[] country;
    int[] admin1;
    int[] plover;
    int[] acledEvent;
    int[] acledSub;
    double[] lat;
    double[] lon;
    int[] sources;
    int[] fatalities;
    long[] updated;
    long[] blob;
    int[][] byCountry;
    int maxSpan;
    List<String> countries;
    List<String> admin1s;
    List<String> ploverTypes;
    List<String> acledEvents;
    List<String> acledSubs;
    @Nullable LocalDateTime asOf;

    /** The old snapshot's rows but {@code gone}, and {@code rows}, newest first. */
    static Snapshot build(
        @Nullable Snapshot old, Set<String> gone, List<Fresh> rows, @Nullable LocalDateTime asOf) {
      Snapshot s = new Snapshot();
      s.asOf = asOf;
      Dict countries = new Dict(old == null ? List.of() : old.countries);
      Dict admin1s = new Dict(old == null ? List.of() : old.admin1s);
      Dict plovers = new Dict(old == null ? List.of() : old.ploverTypes);
      Dict events = new Dict(old == null ? List.of() : old.acledEvents);
      Dict subs = new Dict(old == null ? List.of() : old.acledSubs);
      List<Fresh> fresh = new ArrayList<>(rows);
      fresh.sort(
          Comparator.comparingInt((Fresh r) -> -day(r.row().date()))
              .thenComparing(r -> r.row().id()));
      int kept = 0;
      if (old != null) {
        for (int i = 0; i < old.n; i++) {
          if (!gone.contains(old.ids[i])) {
            kept++;
          }
        }
      }
      int n = kept + fresh.size();
      s.allocate(n);
      int i = 0;
      int f = 0;
      int o = 0;
      while (i < n) {
        while (old != null && o < old.n && gone.contains(old.ids[o])) {
          o++;
        }
        boolean takeOld;
        if (f >= fresh.size()) {
          takeOld = true;
        } else if (old == null || o >= old.n) {
          takeOld = false;
        } else {
          EventReader.Row r = fresh.get(f).row();
          int d = day(r.date());
          takeOld = old.day[o] > d || old.day[o] == d && old.ids[o].compareTo(r.id()) < 0;
        }
        if (takeOld) {
          s.copy(i, old, o++);
        } else {
          Fresh fr = fresh.get(f++);
          EventReader.Row r = fr.row();
          s.ids[i] = r.id();
          s.day[i] = day(r.date());
          s.dayEnd[i] = day(r.dateEnd());
          s.country[i] = countries.code(r.country());
          s.admin1[i] = admin1s.code(r.admin1());
          s.plover[i] = plovers.code(r.ploverType());
          s.acledEvent[i] = events.code(r.acledEventType());
          s.acledSub[i] = subs.code(r.acledSubEventType());
          s.lat[i] = r.lat() == null ? Double.NaN : r.lat();
          s.lon[i] = r.lon() == null ? Double.NaN : r.lon();
          s.sources[i] = r.sources();
          s.fatalities[i] = r.fatalities() == null ? 0 : r.fatalities();
          s.updated[i] = micros(r.updatedAt());
          s.blob[i] = fr.blob();
        }
        i++;
      }
      s.countries = countries.names();
      s.admin1s = admin1s.names();
      s.ploverTypes = plovers.names();
      s.acledEvents = events.names();
      s.acledSubs = subs.names();
      int[] sizes = new int[s.countries.size()];
      for (int k = 0; k < n; k++) {
        if (s.country[k] >= 0) {
          sizes[s.country[k]]++;
        }
        if (s.day[k] != NO_DAY && s.dayEnd[k] != NO_DAY) {
          s.maxSpan = Math.max(s.maxSpan, s.dayEnd[k] - s.day[k]);
        }
      }
      s.byCountry = new int[sizes.length][];
      for (int c = 0; c < sizes.length; c++) {
        s.byCountry[c] = new int[sizes[c]];
      }
      int[] fill = new int[sizes.length];
      for (int k = 0; k < n; k++) {
        if (s.country[k] >= 0) {
          s.byCountry[s.country[k]][fill[s.country[k]]++] = k;
        }
      }
      return s;
    }

    private void allocate(int size) {
      n = size;
      ids = new String[size];
      day = new int[size];
      dayEnd = new int[size];
      country = new int[size];
      admin1 = new int[size];
      plover = new int[size];
      acledEvent = new int[size];
      acledSub = new int[size];
      lat = new double[size];
      lon = new double[size];
      sources = new int[size];
      fatalities = new int[size];
      updated = new long[size];
      blob = new long[size];
    }

    private void copy(int i, Snapshot old, int o) {
      ids[i] = old.ids[o];
      day[i] = old.day[o];
      dayEnd[i] = old.dayEnd[o];
      country[i] = old.country[o];
      admin1[i] = old.admin1[o];
      plover[i] = old.plover[o];
      acledEvent[i] = old.acledEvent[o];
      acledSub[i] = old.acledSub[o];
      lat[i] = old.lat[o];
      lon[i] = old.lon[o];
      sources[i] = old.sources[o];
      fatalities[i] = old.fatalities[o];
      updated[i] = old.updated[o];
      blob[i] = old.blob[o];
    }

    static int day(@Nullable LocalDate d) {
      return d == null ? NO_DAY : (int) d.toEpochDay();
    }

    /** The first position (of {@code list}, or of all) whose day is at most {@code bound}. */
    int firstAtOrBefore(int[] days, int @Nullable [] list, int bound) {
      int lo = 0;
      int hi = list == null ? n : list.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        int d = days[list == null ? mid : list[mid]];
        if (d > bound) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** The first position whose day is below {@code bound}. */
    int firstBefore(int[] days, int @Nullable [] list, int bound) {
      if (bound == Integer.MIN_VALUE) {
        return list == null ? n : list.length;
      }
      return firstAtOrBefore(days, list, bound - 1);
    }

    /** The last position at or before the cursor's event (-1 if none). */
    int positionAfter(LocalDate cursorDay, String cursorId) {
      int d = (int) cursorDay.toEpochDay();
      int lo = 0;
      int hi = n;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        boolean before = day[mid] > d || day[mid] == d && ids[mid].compareTo(cursorId) <= 0;
        if (before) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo - 1;
    }

    Comparator<Integer> sourcesOrder() {
      return (a, b) -> {
        if (sources[a] != sources[b]) {
          return Integer.compare(sources[b], sources[a]);
        }
        if (day[a] != day[b]) {
          return Integer.compare(day[b], day[a]);
        }
        return ids[a].compareTo(ids[b]);
      };
    }

    boolean afterSources(int i, Object[] after) {
      int src = (Integer) after[0];
      int d = (int) ((LocalDate) after[1]).toEpochDay();
      String id = (String) after[2];
      if (sources[i] != src) {
        return sources[i] < src;
      }
      if (day[i] != d) {
        return day[i] < d;
      }
      return ids[i].compareTo(id) > 0;
    }
  }

  /** A growing string dictionary: code by name, −1 for null. */
  private static final class Dict {
    private final List<String> names;
    private final Map<String, Integer> codes = new HashMap<>();

    Dict(List<String> start) {
      names = new ArrayList<>(start);
      for (int i = 0; i < names.size(); i++) {
        codes.put(names.get(i), i);
      }
    }

    int code(@Nullable String name) {
      if (name == null) {
        return -1;
      }
      return codes.computeIfAbsent(
          name,
          k -> {
            names.add(k);
            return names.size() - 1;
          });
    }

    List<String> names() {
      return List.copyOf(names);
    }
  }
}
