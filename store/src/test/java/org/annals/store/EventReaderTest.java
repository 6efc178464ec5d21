package org.annals.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.annals.ingest.RawArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class EventReaderTest {
  @TempDir Path dir;

  private static RawArticle riot(String id, String city, String day, String published) {
    return new RawArticle(
        id,
        "Riot " + id,
        "Rioters clashed in "
            + city
            + " on "
            + day
            + ". Told by "
            + id
            + " in its own words"
            + " "
            + id.repeat(3)
            + ".",
        LocalDate.parse(published),
        "https://news.example/" + id,
        "Outlet " + id,
        "test:" + id);
  }

  private static void ingest(EventStore store, RawArticle... articles) {
    Ingester in = new Ingester(store, new FakeCoder(), p -> {}, s -> {}, 10);
    for (RawArticle a : articles) {
      in.add(a);
    }
    in.finish();
  }

  @Test
  void removed_aReportThatTakesOverTheEvent_listsTheOldIdWithTheOneItMergedInto() {
    try (EventStore store = EventStore.open(dir.resolve("s.duckdb"));
        EventReader reader = store.reader(2)) {
      ingest(store, riot("later", "Nairobi", "2024-06-03", "2024-06-04"));
      LocalDateTime afterFirst = reader.lastWrite();
      assertThat(reader.event("later#0")).isNotNull();

      ingest(store, riot("earlier", "Nairobi", "2024-06-03", "2024-06-03"));

      assertThat(reader.event("later#0")).isNull();
      assertThat(reader.event("earlier#0")).contains("\"num_reports\":2");
      List<EventReader.Removal> removed = reader.removed(afterFirst);
      assertThat(removed).hasSize(1);
      assertThat(removed.get(0).id()).isEqualTo("later#0");
      assertThat(removed.get(0).mergedInto()).isEqualTo("earlier#0");
      assertThat(removed.get(0).removedAt()).isAfter(afterFirst);
      assertThat(reader.removed(removed.get(0).removedAt())).isEmpty();
      assertThat(reader.reports("earlier#0"))
          .extracting(EventReader.ReportView::articleId)
          .containsExactly("earlier", "later");
    }
  }

  @Test
  void events_followingTheCursors_seesEveryEventOnceInOrderEvenWithInsertsBetweenPages() {
    try (EventStore store = EventStore.open(dir.resolve("p.duckdb"));
        EventReader reader = store.reader(2)) {
      ingest(store, FakeCoder.corpus(40).toArray(new RawArticle[0]));
      Set<String> before = new HashSet<>();
      store.query("SELECT id FROM events", rs -> before.add(rs.getString(1)));
      for (String sort : EventReader.SORTS) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
          EventReader.Page page = reader.events(EventQuery.all(), sort, 3, cursor);
          for (String json : page.events()) {
            seen.add(json.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
          }
          cursor = page.next();
          if (pages++ == 1) { // an insert between two pages
            ingest(store, riot("new" + sort, "Mombasa", "2024-05-20", "2024-05-20"));
          }
        } while (cursor != null);
        assertThat(new HashSet<>(seen)).hasSize(seen.size()).containsAll(before);
      }
    }
  }

  @Test
  void query_valuesWithQuotesAndWildcards_areBoundNotSpliced() {
    try (EventStore store = EventStore.open(dir.resolve("q.duckdb"));
        EventReader reader = store.reader(1)) {
      ingest(store, FakeCoder.corpus(8).toArray(new RawArticle[0]));
      EventQuery hostile =
          new EventQuery(
              null,
              null,
              List.of("KEN' OR '1'='1"),
              null,
              List.of(),
              List.of(),
              "%",
              List.of("_"),
              null,
              null,
              null);
      assertThat(reader.events(hostile, "date", 10, null).total()).isZero();
      EventQuery words =
          new EventQuery(
              null,
              null,
              List.of(),
              null,
              List.of(),
              List.of(),
              "RIOTERS",
              List.of("CLASHED", "nairobi"),
              null,
              null,
              null);
      assertThat(reader.events(words, "date", 10, null).total()).isEqualTo(2);
    }
  }

  @Test
  void cursor_fromAnotherSortOrGarbage_isRefused() {
    String c = PageCursor.encode("date", new Object[] {LocalDate.of(2024, 1, 1), "x"});
    assertThatThrownBy(() -> PageCursor.decode(c, "sources")).hasMessageContaining("sort=date");
    assertThatThrownBy(() -> PageCursor.decode("%%%", "date")).hasMessageContaining("not a cursor");
    assertThat(PageCursor.decode(c, "date")).containsExactly(LocalDate.of(2024, 1, 1), "x");
  }
}
