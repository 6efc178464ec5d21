package org.annals.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.annals.ingest.RawArticle;
import org.annals.store.EventQuery;
import org.annals.store.EventReader;
import org.annals.store.EventStore;
import org.annals.store.Ingester;
import org.annals.store.SyntheticStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory index answers exactly as the store's SQL does, on random stores and queries. */
final class ServeIndexTest {
  private static final List<String> COUNTRIES = List.of("UKR", "SYR", "KEN", "UGA", "FRA", "IRQ");
  private static final List<String> TYPES = List.of("PROTEST", "FIGHT", "ASSAULT", "AGREE");
  private static final List<String> ACLED =
      List.of("Riots", "Battles", "Armed clash", "Violent demonstration", "Agreement");

  @TempDir Path dir;

  static EventQuery randomQuery(SplittableRandom r, LocalDateTime midWrite) {
    LocalDate from = r.nextInt(3) == 0 ? null : LocalDate.of(2015, 1, 1).plusDays(r.nextInt(3600));
    LocalDate to = r.nextInt(3) == 0 ? null : LocalDate.of(2015, 1, 1).plusDays(r.nextInt(3700));
    if (from != null && to != null && from.isAfter(to)) {
      LocalDate t = from;
      from = to;
      to = t;
    }
    List<String> countries = new ArrayList<>();
    for (int i = r.nextInt(4) == 0 ? 0 : r.nextInt(1, 3); i > 0; i--) {
      countries.add(COUNTRIES.get(r.nextInt(COUNTRIES.size())));
    }
    countries = countries.stream().distinct().toList();
    String admin1 =
        r.nextInt(8) == 0 && !countries.isEmpty()
            ? countries.get(0) + " region " + r.nextInt(1, 13)
            : null;
    List<String> types =
        r.nextInt(3) == 0 ? List.of(TYPES.get(r.nextInt(TYPES.size()))) : List.of();
    List<String> acled =
        r.nextInt(4) == 0 ? List.of(ACLED.get(r.nextInt(ACLED.size()))) : List.of();
    double[] bbox = null;
    if (r.nextInt(4) == 0) {
      double w = r.nextDouble(-180, 170);
      double s = r.nextDouble(-60, 50);
      double e = r.nextInt(6) == 0 ? r.nextDouble(-180, w) : Math.min(180, w + r.nextDouble(5, 80));
      bbox = new double[] {w, s, e, Math.min(90, s + r.nextDouble(5, 50))};
    }
    Integer minSources = r.nextInt(5) == 0 ? r.nextInt(1, 4) : null;
    LocalDateTime updated = r.nextInt(6) == 0 ? midWrite : null;
    return new EventQuery(
        from, to, countries, admin1, types, acled, null, List.of(), bbox, minSources, updated);
  }

  private static void assertSame(
      ServeIndex index, EventReader sql, SplittableRandom r, LocalDateTime mid) {
    for (int n = 0; n < 300; n++) {
      EventQuery q = randomQuery(r, mid);
      String sort = r.nextBoolean() ? "date" : "sources";
      int limit = r.nextInt(1, 40);
      String cursor = null;
      for (int page = 0; page < 3; page++) {
        ServeIndex.Page a = index.events(q, sort, limit, cursor);
        EventReader.Page b = sql.events(q, sort, limit, cursor);
        String where = q + " sort=" + sort + " limit=" + limit + " page " + page;
        assertThat(a.total()).as(where).isEqualTo(b.total());
        assertThat(a.events().stream().map(e -> new String(e, StandardCharsets.UTF_8)).toList())
            .as(where)
            .isEqualTo(b.events());
        assertThat(a.next()).as(where).isEqualTo(b.next());
        cursor = a.next();
        if (cursor == null) {
          break;
        }
      }
      String interval = EventReader.INTERVALS.get(r.nextInt(3));
      assertThat(index.timeline(q, interval))
          .as(q + " " + interval)
          .isEqualTo(sql.timeline(q, interval));
      assertThat(index.countries(q)).as(q.toString()).isEqualTo(sql.countries(q));
      assertThat(index.admin1(q)).as(q.toString()).isEqualTo(sql.admin1(q));
      double cell = 360.0 / Math.pow(2, r.nextInt(2, 9));
      List<EventReader.Cell> ga = index.grid(q, cell);
      List<EventReader.Cell> gb = sql.grid(q, cell);
      assertThat(ga.stream().map(EventReader.Cell::events).sorted().toList())
          .as(q + " grid")
          .isEqualTo(gb.stream().map(EventReader.Cell::events).sorted().toList());
    }
  }

  @Test
  void index_randomQueries_answerAsTheStoresSqlDoes_beforeAndAfterWrites() {
    SplittableRandom r = new SplittableRandom(20261202);
    try (EventStore store = EventStore.open(dir.resolve("r.duckdb"));
        EventReader sql = store.reader(2)) {
      SyntheticStore.generate(store, 4000, 7, n -> {});
      LocalDateTime mid = sql.lastWrite();
      try (ServeIndex index = new ServeIndex(sql)) {
        assertThat(index.size()).isEqualTo(4000);
        assertSame(index, sql, r, mid);

        // Writes that add events and merge reports into others (ids change): refreshed, the
        // index still answers as SQL does, and as a freshly built index does.
        Ingester in = new Ingester(store, new RiotCoder(), p -> {}, s -> {}, 7);
        List<String> cities = List.of("Nairobi", "Mombasa", "Kampala");
        for (int i = 0; i < 60; i++) {
          String day = LocalDate.of(2024, 6, 1).plusDays(i % 9).toString();
          in.add(
              new RawArticle(
                  "w" + (1000 - i),
                  "Riot " + i,
                  "Rioters clashed in "
                      + cities.get(i % 3)
                      + " on "
                      + day
                      + ". Story "
                      + i
                      + " "
                      + Integer.toString(i * 7919, 36).repeat(4)
                      + ".",
                  LocalDate.parse(day).plusDays(60 - i % 7),
                  "https://news.example/w" + i,
                  "Outlet " + i,
                  "test"));
        }
        in.finish();
        index.refresh();
        LocalDateTime later = sql.lastWrite();
        assertSame(index, sql, r, later.minusNanos(1000));
        assertSame(index, sql, r, mid);
        try (ServeIndex fresh = new ServeIndex(sql)) {
          assertThat(fresh.size()).isEqualTo(index.size());
          EventQuery all = EventQuery.all();
          assertThat(
                  fresh.events(all, "date", 1000, null).events().stream().map(String::new).toList())
              .isEqualTo(
                  index.events(all, "date", 1000, null).events().stream()
                      .map(String::new)
                      .toList());
        }
      }
    }
  }
}
