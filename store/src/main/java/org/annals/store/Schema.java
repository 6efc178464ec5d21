package org.annals.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * The store's schema and its migrations. The version lives in {@code meta.schema_version}; opening
 * a store applies, in one transaction, every migration after it. A store made by a newer Annals is
 * refused rather than guessed at.
 */
final class Schema {
  /** Migration scripts in order: index 0 takes a store to version 1. */
  static final List<String> MIGRATIONS = List.of("V1.sql", "V2.sql", "V3.sql", "V4.sql");

  private Schema() {}

  static int current() {
    return MIGRATIONS.size();
  }

  /** Brings the store up to the last migration; returns the version it found (0 when new). */
  static int migrate(Connection c, List<String> scripts) throws SQLException {
    int found = version(c);
    if (found > scripts.size()) {
      throw new StoreException(
          String.format(
              Locale.ROOT,
              "the store has schema version %d but this Annals knows only up to %d; use a newer"
                  + " Annals or another --db file",
              found,
              scripts.size()));
    }
    if (found == scripts.size()) {
      return found;
    }
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      if (found == 0) {
        st.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
      }
      // One transaction per step, as DuckDB binds some ALTERs (a column renamed after another
      // table's column was added) only against committed tables; a step that fails leaves the
      // store at the version before it, whole.
      for (int v = found; v < scripts.size(); v++) {
        for (String sql : statements(script(scripts.get(v)))) {
          try {
            st.execute(sql);
          } catch (SQLException e) {
            throw new SQLException(scripts.get(v) + ": " + sql + ": " + e.getMessage(), e);
          }
        }
        st.execute("DELETE FROM meta WHERE key = 'schema_version'");
        st.execute("INSERT INTO meta VALUES ('schema_version', '" + (v + 1) + "')");
        c.commit();
      }
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
    return found;
  }

  static int version(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM information_schema.tables" + " WHERE table_name = 'meta'")) {
      rs.next();
      if (rs.getInt(1) == 0) {
        return 0;
      }
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
      return rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
    }
  }

  private static String script(String name) {
    try (InputStream in = Schema.class.getResourceAsStream("/annals/store/" + name)) {
      if (in == null) {
        throw new IllegalStateException("migration " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("${columns}", Columns.definitions());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + name, e);
    }
  }

  /** Splits a script on semicolons at line ends, dropping comment lines. */
  static List<String> statements(String script) {
    StringBuilder clean = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.strip().startsWith("--")) {
        int comment = line.indexOf(" --");
        clean.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
      }
    }
    return java.util.Arrays.stream(clean.toString().split(";\\s*\n"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
