package org.annals.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.annals.ingest.InputProblem;
import org.annals.ingest.RawArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class IngesterTest {
  @TempDir Path dir;

  static IngestSummary ingest(
      Path db, List<RawArticle> articles, int batch, List<InputProblem> problems) {
    try (EventStore store = EventStore.open(db)) {
      Ingester in = new Ingester(store, new FakeCoder(), problems::add, s -> {}, batch);
      articles.forEach(in::add);
      return in.finish();
    }
  }

  /** Every event as its JSON, sorted: the store's whole result. */
  static List<String> events(Path db) {
    List<String> out = new ArrayList<>();
    try (EventStore store = EventStore.open(db)) {
      store.query("SELECT json FROM events ORDER BY id", rs -> out.add(rs.getString(1)));
    }
    return out;
  }

  @Test
  void ingest_sameInputTwice_changesNothing() {
    Path db = dir.resolve("a.duckdb");
    List<RawArticle> corpus = FakeCoder.corpus(40);
    IngestSummary first = ingest(db, corpus, 7, new ArrayList<>());
    List<String> once = events(db);

    IngestSummary second = ingest(db, corpus, 7, new ArrayList<>());

    assertThat(first.stored()).isEqualTo(40);
    assertThat(first.reports()).isEqualTo(40);
    assertThat(first.newEvents()).isEqualTo(20); // 4 cities × 5 days
    assertThat(once).hasSize(20);
    assertThat(second.stored()).isZero();
    assertThat(second.skipped()).containsEntry("already-stored", 40);
    assertThat(second.newEvents()).isZero();
    assertThat(events(db)).isEqualTo(once);
  }

  @Test
  void ingest_anyOrderAndBatchSize_sameEvents() {
    List<RawArticle> corpus = FakeCoder.corpus(40);
    ingest(dir.resolve("forward.duckdb"), corpus, 5, new ArrayList<>());
    List<RawArticle> shuffled = new ArrayList<>(corpus);
    Collections.shuffle(shuffled, new java.util.Random(3));
    ingest(dir.resolve("shuffled.duckdb"), shuffled, 13, new ArrayList<>());

    assertThat(events(dir.resolve("shuffled.duckdb")))
        .isEqualTo(events(dir.resolve("forward.duckdb")));
  }

  @Test
  void ingest_exactDuplicates_skippedWithReason() {
    RawArticle a = FakeCoder.article(1, "Nairobi", "2024-06-01");
    RawArticle sameUrl =
        new RawArticle(
            "other", null, a.text() + " More.", null, a.url() + "/?utm_source=feed", null, "x");
    RawArticle sameText =
        new RawArticle("third", null, " " + a.text().replace(" ", "  "), null, null, null, "y");
    List<InputProblem> problems = new ArrayList<>();

    IngestSummary s = ingest(dir.resolve("d.duckdb"), List.of(a, sameUrl, sameText), 10, problems);

    assertThat(s.stored()).isEqualTo(1);
    assertThat(s.skipped()).containsEntry("duplicate-url", 1).containsEntry("duplicate-text", 1);
    assertThat(problems).extracting(InputProblem::origin).containsExactly("x", "y");
  }

  @Test
  void ingest_sameIdDifferentText_keepsTheStoredOne() {
    Path db = dir.resolve("c.duckdb");
    RawArticle a = FakeCoder.article(1, "Nairobi", "2024-06-01");
    ingest(db, List.of(a), 10, new ArrayList<>());
    RawArticle changed =
        new RawArticle(
            a.id(), null, "Rioters clashed in Mombasa on 2024-06-02.", null, null, null, "z");
    List<InputProblem> problems = new ArrayList<>();

    IngestSummary s = ingest(db, List.of(changed), 10, problems);

    assertThat(s.skipped()).containsEntry("id-conflict", 1);
    assertThat(problems.get(0).message()).contains("give this one a new id");
    assertThat(events(db)).hasSize(1).first().asString().contains("Nairobi");
  }

  @Test
  void ingest_nearDuplicate_linkedToFamilyAndCountedAsOneSource() {
    Path db = dir.resolve("n.duckdb");
    RawArticle original = FakeCoder.article(1, "Nairobi", "2024-06-01");
    RawArticle copy =
        new RawArticle(
            "copy",
            "A new headline",
            original.text() + "\n\nSubscribe to our newsletter for more.",
            original.published(),
            "https://other.example/copy",
            "Other outlet",
            "copy");

    IngestSummary s = ingest(db, List.of(copy, original), 1, new ArrayList<>());

    assertThat(s.nearDuplicates()).isEqualTo(1);
    try (EventStore store = EventStore.open(db)) {
      List<String> families = new ArrayList<>();
      store.query("SELECT family FROM articles ORDER BY id", rs -> families.add(rs.getString(1)));
      assertThat(families).containsExactly("a1", "a1"); // the smallest id names the family
      store.query(
          "SELECT num_reports, num_articles, num_sources FROM events",
          rs -> {
            assertThat(rs.getInt(1)).isEqualTo(2);
            assertThat(rs.getInt(2)).isEqualTo(2);
            assertThat(rs.getInt(3)).isEqualTo(1);
          });
      assertThat(store.count("events")).isEqualTo(1);
    }
  }

  @Test
  void ingest_nearDuplicatesOfArticlesStoredEarlier_foundAfterTheStoreIsReopened() {
    Path db = dir.resolve("reopened.duckdb");
    List<RawArticle> originals = FakeCoder.corpus(30);
    ingest(db, originals, 4, new ArrayList<>());
    List<RawArticle> copies = new ArrayList<>();
    for (RawArticle a : originals.subList(0, 10)) {
      copies.add(
          new RawArticle(
              "copy-" + a.id(),
              null,
              a.text() + "\n\nSubscribe to our newsletter for more.",
              a.published(),
              null,
              "Other outlet",
              "copy-" + a.id()));
    }

    IngestSummary s = ingest(db, copies, 3, new ArrayList<>());

    assertThat(s.nearDuplicates()).isEqualTo(10);
    try (EventStore store = EventStore.open(db)) {
      store.query(
          "SELECT count(*) FROM articles WHERE id LIKE 'copy-%' AND family = substr(id, 6)",
          rs -> assertThat(rs.getInt(1)).isEqualTo(10));
    }
  }

  @Test
  void ingest_badArticle_reportedAndTheBatchGoesOn() {
    RawArticle bad = new RawArticle("bad", null, "CORRUPT text", null, null, null, "bad.txt");
    List<RawArticle> articles = new ArrayList<>(FakeCoder.corpus(3));
    articles.add(1, bad);
    List<InputProblem> problems = new ArrayList<>();

    IngestSummary s = ingest(dir.resolve("b.duckdb"), articles, 10, problems);

    assertThat(s.stored()).isEqualTo(3);
    assertThat(s.skipped()).containsEntry("failed", 1);
    assertThat(problems).extracting(InputProblem::origin).containsExactly("bad.txt");
  }
}
