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
      int found = Schema.migrate(c, List.of("V1.sql", "test-V2.sql"));

      assertThat(found).isEqualTo(1);
      assertThat(Schema.version(c)).isEqualTo(2);
      try (var rs =
          c.createStatement().executeQuery("SELECT count(*), min(language) FROM articles")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(4);
        assertThat(rs.getString(2)).isEqualTo("en");
      }
      assertThat(Schema.migrate(c, List.of("V1.sql", "test-V2.sql"))).isEqualTo(2); // no-op
    }
  }

  @Test
  void open_storeFromANewerAnnals_isRefusedWithAMessage() throws Exception {
    Path db = dir.resolve("new.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db)) {
      Schema.migrate(c, List.of("V1.sql", "test-V2.sql"));
    }
    assertThatThrownBy(() -> EventStore.open(db))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 2")
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
