package org.annals.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SchemaTest {
  /** The migrations and one more, only for these tests. */
  private static final List<String> WITH_TEST_STEP =
      List.of("V1.sql", "V2.sql", "V3.sql", "V4.sql", "test-V2.sql");

  @TempDir Path dir;

  @Test
  void open_newFile_createsTheCurrentVersion() throws Exception {
    Path db = dir.resolve("s.duckdb");
    try (EventStore store = EventStore.open(db)) {
      assertThat(Schema.version(store.connection())).isEqualTo(Schema.current());
      assertThat(store.count("events")).isZero();
    }
  }

  @Test
  void migrate_olderStore_appliesTheNewStepsAndKeepsItsData() throws Exception {
    Path db = dir.resolve("old.duckdb");
    IngesterTest.ingest(db, FakeCoder.corpus(4), 10, new ArrayList<>());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db)) {
      int found = Schema.migrate(c, WITH_TEST_STEP);

      assertThat(found).isEqualTo(4);
      assertThat(Schema.version(c)).isEqualTo(5);
      try (var rs =
          c.createStatement().executeQuery("SELECT count(*), min(language) FROM articles")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(4);
        assertThat(rs.getString(2)).isEqualTo("en");
      }
      assertThat(Schema.migrate(c, WITH_TEST_STEP)).isEqualTo(5); // no-op
    }
  }

  @Test
  void open_version1Store_backfillsWhatTheApiNeedsAndKeepsEveryRow() throws Exception {
    Path db = dir.resolve("v1.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db)) {
      Schema.migrate(c, List.of("V1.sql"));
      try (var st = c.createStatement()) {
        st.execute(
            "INSERT INTO articles (id, text_hash, chars, family, origin, num_reports, ingested_at)"
                + " VALUES ('a1', 'h', 10, 'a1', 'test', 1, TIMESTAMP '2024-06-02 10:00:00')");
        st.execute(
            "INSERT INTO events (id, num_reports, num_articles, num_sources, partition, json)"
                + " VALUES ('e1', 1, 1, 1, 'p', '{\"id\":\"e1\",\"evidence\":[{\"sentence\":"
                + "\"Crowds Gathered.\"},{\"sentence\":\"Police came.\"}]}')");
      }
    }
    try (EventStore store = EventStore.open(db)) {
      assertThat(Schema.version(store.connection())).isEqualTo(Schema.current());
      List<String> row = new ArrayList<>();
      store.query(
          "SELECT id, evidence_text, CAST(updated_at AS VARCHAR) FROM events",
          rs -> row.addAll(List.of(rs.getString(1), rs.getString(2), rs.getString(3))));
      assertThat(row).containsExactly("e1", "crowds gathered. police came.", "2024-06-02 10:00:00");
      assertThat(store.count("event_removals")).isZero();
    }
  }

  @Test
  void open_version2Store_addsTextAndCoderColumnsAndKeepsEveryRow() throws Exception {
    Path db = dir.resolve("v2.duckdb");
    IngesterTest.ingest(db, FakeCoder.corpus(3), 10, new ArrayList<>());
    List<String> events = IngesterTest.events(db);
    db = asVersion2(db);

    try (EventStore store = EventStore.open(db)) {
      assertThat(Schema.version(store.connection())).isEqualTo(Schema.current());
      List<String> rows = new ArrayList<>();
      store.query(
          "SELECT id || ' ' || (text_deflated IS NULL) || ' ' || coder FROM articles ORDER BY id",
          rs -> rows.add(rs.getString(1)));
      // the coder comes from the reports; the text was never stored
      assertThat(rows).containsExactly("a0 true fake-1", "a1 true fake-1", "a2 true fake-1");
    }
    assertThat(IngesterTest.events(db)).isEqualTo(events);
  }

  @Test
  void open_storeFromBeforeClusters_mergesItsReportsAgainOnce() throws Exception {
    Path db = dir.resolve("v3.duckdb");
    IngesterTest.ingest(db, FakeCoder.corpus(12), 5, new ArrayList<>());
    List<String> events = IngesterTest.events(db);
    db = asVersion2(db);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        var st = c.createStatement()) {
      // as if every report had been a partition of its own, and its events lost
      st.execute("DELETE FROM event_reports");
      st.execute("DELETE FROM events");
      st.execute("UPDATE reports SET partition = id");
    }

    try (EventStore store = EventStore.open(db)) {
      assertThat(store.count("meta WHERE key = 'recluster'")).isZero();
      assertThat(store.count("event_reports")).isEqualTo(12);
    }
    assertThat(IngesterTest.events(db)).isEqualTo(events);
  }

  @Test
  void ingest_storesEachArticlesTextCompressedAndItsCoder() {
    Path db = dir.resolve("text.duckdb");
    List<org.annals.ingest.RawArticle> corpus = FakeCoder.corpus(2);
    IngesterTest.ingest(db, corpus, 10, new ArrayList<>());

    List<String> rows = new ArrayList<>();
    try (EventStore store = EventStore.open(db)) {
      store.query(
          "SELECT id, text_deflated, coder, octet_length(text_deflated) FROM articles ORDER BY id",
          rs ->
              rows.add(
                  ArticleText.decompress(rs.getString(1), rs.getBytes(2))
                      + " | "
                      + rs.getString(3)
                      + " | "
                      + (rs.getInt(4) < corpus.get(0).text().length())));
    }
    assertThat(rows)
        .containsExactly(
            corpus.get(0).text() + " | fake-1 | true", corpus.get(1).text() + " | fake-1 | true");
  }

  @Test
  void open_storeFromANewerAnnals_isRefusedWithAMessage() throws Exception {
    Path db = dir.resolve("new.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db)) {
      Schema.migrate(c, WITH_TEST_STEP);
    }
    assertThatThrownBy(() -> EventStore.open(db))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 5")
        .hasMessageContaining("use a newer Annals");
  }

  @Test
  void open_fileThatIsNotAStore_saysSo() throws Exception {
    Path db = dir.resolve("notes.duckdb");
    Files.writeString(db, "these are my notes, not a database");

    assertThatThrownBy(() -> EventStore.open(db))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(db.toString())
        .hasMessageContaining("--db");
  }

  @Test
  void statements_dropsCommentsAndSplitsOnSemicolons() {
    assertThat(Schema.statements("-- c\nCREATE TABLE a (x INT); -- x\nCREATE TABLE b (y INT);\n"))
        .containsExactly("CREATE TABLE a (x INT)", "CREATE TABLE b (y INT)");
  }

  /**
   * A copy of the store as a version-2 Annals would have written it: every row, without the
   * articles' text and coder.
   */
  static Path asVersion2(Path db) throws Exception {
    Path old = db.resolveSibling("v2-" + db.getFileName());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + old)) {
      Schema.migrate(c, List.of("V1.sql", "V2.sql"));
      try (java.sql.Statement st = c.createStatement()) {
        st.execute("ATTACH '" + db + "' AS v3 (READ_ONLY)");
        st.execute("INSERT INTO articles SELECT * EXCLUDE (text_deflated, coder) FROM v3.articles");
        for (String table : List.of("article_bands", "events", "event_removals")) {
          st.execute("INSERT INTO " + table + " SELECT * FROM v3." + table);
        }
        // before version 4, a report's cluster was its partition, and reports had no kind
        st.execute("INSERT INTO reports SELECT * EXCLUDE (kind) FROM v3.reports");
        st.execute(
            "INSERT INTO event_reports SELECT er.event_id, er.report_id, e.cluster"
                + " FROM v3.event_reports er JOIN v3.events e ON e.id = er.event_id");
        st.execute("DETACH v3");
      }
    }
    return old;
  }
}
