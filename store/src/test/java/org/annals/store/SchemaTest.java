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
      int found = Schema.migrate(c, List.of("V1.sql", "V2.sql", "test-V2.sql"));

      assertThat(found).isEqualTo(2);
      assertThat(Schema.version(c)).isEqualTo(3);
      try (var rs =
          c.createStatement().executeQuery("SELECT count(*), min(language) FROM articles")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(4);
        assertThat(rs.getString(2)).isEqualTo("en");
      }
      assertThat(Schema.migrate(c, List.of("V1.sql", "V2.sql", "test-V2.sql")))
          .isEqualTo(3); // no-op
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
  void open_storeFromANewerAnnals_isRefusedWithAMessage() throws Exception {
    Path db = dir.resolve("new.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db)) {
      Schema.migrate(c, List.of("V1.sql", "V2.sql", "test-V2.sql"));
    }
    assertThatThrownBy(() -> EventStore.open(db))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 3")
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
}
