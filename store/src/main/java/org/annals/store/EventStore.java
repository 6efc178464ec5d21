package org.annals.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.annals.dedup.EventMerger;
import org.annals.dedup.MergedEvent;
import org.annals.dedup.MinHash;
import org.annals.dedup.Report;
import org.annals.event.CodedEvent;
import org.annals.output.EventWriter;

/**
 * An embedded DuckDB file of articles, reports and events. Each {@link #write} is one transaction:
 * its articles, their reports and the events of every partition they touch are stored together or
 * not at all, so a killed process leaves the store as it was after the last whole batch. Not
 * thread-safe: one writer at a time (DuckDB locks the file against other processes).
 */
public final class EventStore implements AutoCloseable {
  static final ObjectMapper JSON =
      EventWriter.JSON.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;
  private final Connection conn;
  private final boolean readOnly;
  private final EventMerger merger = new EventMerger();

  private EventStore(Path file, Connection conn, boolean readOnly) {
    this.file = file;
    this.conn = conn;
    this.readOnly = readOnly;
  }

  /** Opens (creating if needed) the store and migrates its schema to this version. */
  public static EventStore open(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new StoreException(
          "cannot create the store "
              + file
              + ": the directory "
              + parent
              + " does not exist; create it or choose another --db path");
    }
    Connection c = connect(file, false);
    try {
      Schema.migrate(c, Schema.MIGRATIONS);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      if (e instanceof StoreException se) {
        throw new StoreException(file + ": " + se.getMessage(), e);
      }
      throw new StoreException(
          "cannot prepare the store " + file + ": " + firstLine(String.valueOf(e.getMessage())), e);
    }
    return new EventStore(file, c, false);
  }

  /**
   * Opens an existing store for reading only (DuckDB's {@code READ_ONLY} access mode), so a store
   * on a read-only file, directory or medium can be exported. Nothing is migrated: a store of an
   * older schema is read as it is, which is enough for {@link Exporter} (it reads only tables and
   * columns of version 1); writing through this store fails.
   */
  public static EventStore openReadOnly(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new StoreException("no store at " + file + "; run 'annals ingest' first");
    }
    Connection c = connect(file, true);
    try {
      int version = Schema.version(c);
      if (version == 0) {
        throw new StoreException(
            "this DuckDB file holds no Annals store; choose another --db path");
      }
      if (version > Schema.current()) {
        throw new StoreException(
            String.format(
                java.util.Locale.ROOT,
                "the store has schema version %d but this Annals knows only up to %d; use a"
                    + " newer Annals",
                version,
                Schema.current()));
      }
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      throw new StoreException(file + ": " + firstLine(String.valueOf(e.getMessage())), e);
    }
    return new EventStore(file, c, true);
  }

  private static Connection connect(Path file, boolean readOnly) {
    try {
      java.util.Properties p = new java.util.Properties();
      if (readOnly) {
        p.setProperty("duckdb.read_only", "true");
      }
      return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), p);
    } catch (SQLException e) {
      throw openFailure(file, readOnly, String.valueOf(e.getMessage()), e);
    }
  }

  /** Says why DuckDB could not open the file, and what to do. */
  static StoreException openFailure(Path file, boolean readOnly, String m, Exception cause) {
    if (m.contains("lock")) {
      java.util.regex.Matcher pid = LOCK_HOLDER.matcher(m);
      String who = pid.find() ? " (PID " + pid.group(2) + ", " + pid.group(1).strip() + ")" : "";
      return new StoreException(
          "the store "
              + file
              + " is in use by another process"
              + who
              + "; wait for it to finish (an ingest, recode or server holds the store while it"
              + " runs) or "
              + (readOnly ? "read a copy of the file" : "choose another --db file"),
          cause);
    }
    if (!readOnly && (m.contains("Permission denied") || m.contains("Read-only file system"))) {
      return new StoreException(
          "cannot write the store "
              + file
              + " ("
              + firstLine(m)
              + "); ingest and recode need a writable file and directory (export only reads)",
          cause);
    }
    return new StoreException(
        "cannot open the store "
            + file
            + " ("
            + firstLine(m)
            + "); is it"
            + " a DuckDB file written by Annals? Choose another --db path to start a new store",
        cause);
  }

  /** DuckDB's "Conflicting lock is held in PROGRAM (PID N)". */
  private static final java.util.regex.Pattern LOCK_HOLDER =
      java.util.regex.Pattern.compile("lock is held in (.*?) \\(PID (\\d+)\\)");

  /**
   * Readers for the HTTP API on {@code connections} connections of this store's database: they read
   * while this store writes. Close them before the store.
   */
  public EventReader reader(int connections) {
    return new EventReader(this, connections);
  }

  public Path file() {
    return file;
  }

  Connection connection() {
    return conn;
  }

  /** What the store already holds of these ids, URLs and text hashes. */
  Known known(Collection<String> ids, Collection<String> urls, Collection<String> hashes) {
    Known k = new Known();
    String sql =
        "SELECT id, url, text_hash FROM articles WHERE id IN ("
            + in(ids)
            + ") OR url IN ("
            + in(urls)
            + ") OR text_hash IN ("
            + in(hashes)
            + ")";
    query(
        sql,
        rs -> {
          k.hashById.put(rs.getString(1), rs.getString(3));
          if (rs.getString(2) != null) {
            k.idByUrl.put(rs.getString(2), rs.getString(1));
          }
          k.idByHash.put(rs.getString(3), rs.getString(1));
        });
    return k;
  }

  /** Stored articles sharing a band with any of these keys: id → {family, signature}. */
  Map<String, Candidate> candidates(Collection<Long> bands) {
    Map<String, Candidate> out = new HashMap<>();
    if (bands.isEmpty()) {
      return out;
    }
    String keys = bands.stream().map(String::valueOf).collect(Collectors.joining(","));
    query(
        "SELECT id, family, minhash FROM articles WHERE id IN (SELECT article_id FROM"
            + " article_bands WHERE band IN ("
            + keys
            + "))",
        rs ->
            out.put(
                rs.getString(1),
                new Candidate(
                    rs.getString(1), rs.getString(2), MinHash.fromBytes(rs.getBytes(3)))));
    return out;
  }

  /** An article already stored that may be a near-duplicate. */
  record Candidate(String id, String family, int[] minhash) {}

  /** Ids, URLs and text hashes already stored. */
  static final class Known {
    final Map<String, String> hashById = new HashMap<>();
    final Map<String, String> idByUrl = new HashMap<>();
    final Map<String, String> idByHash = new HashMap<>();
  }

  /**
   * Stores a batch in one transaction: the articles and their reports, families joined by new
   * near-duplicates renamed to their smallest id, then the events of every touched partition
   * recomputed from all their reports. Returns the number of events before and after.
   */
  int[] write(List<StoredArticle> articles, Map<String, String> familyRenames) {
    return inTransaction(
        "nothing from this batch was stored",
        now -> {
          Set<String> partitions = new LinkedHashSet<>();
          insertArticles(articles, now);
          if (!familyRenames.isEmpty()) {
            partitions.addAll(renameFamilies(familyRenames));
          }
          insertReports(articles.stream().map(StoredArticle::reports).toList(), partitions);
          return partitions;
        });
  }

  /** An article coded again: its id and its new reports. */
  record Recoded(String id, List<CodedEvent> reports) {}

  /**
   * Replaces the reports of re-coded articles in one transaction: their old reports go, the new
   * ones come in, each article records {@code coder}, and the events of every partition that lost
   * or gained a report are recomputed (with their removals recorded), so a killed recode leaves
   * every article either as it was or re-coded. Returns the number of events before and after.
   */
  int[] replaceReports(List<Recoded> articles, String coder) {
    return inTransaction(
        "nothing from this batch was re-coded",
        now -> {
          Set<String> partitions = new LinkedHashSet<>();
          String ids = in(articles.stream().map(Recoded::id).toList());
          query(
              "SELECT DISTINCT partition FROM reports WHERE article_id IN (" + ids + ")",
              rs -> partitions.add(rs.getString(1)));
          try (Statement st = conn.createStatement()) {
            st.execute("DELETE FROM reports WHERE article_id IN (" + ids + ")");
          }
          try (PreparedStatement st =
              conn.prepareStatement(
                  "UPDATE articles SET num_reports = ?, coder = ? WHERE id = ?")) {
            for (Recoded r : articles) {
              st.setInt(1, r.reports().size());
              st.setString(2, coder);
              st.setString(3, r.id());
              st.addBatch();
            }
            st.executeBatch();
          }
          insertReports(articles.stream().map(Recoded::reports).toList(), partitions);
          return partitions;
        });
  }

  /** The changes of one write; returns the partitions whose events must be recomputed. */
  private interface Change {
    Set<String> apply(LocalDateTime now) throws SQLException;
  }

  /**
   * Applies {@code change} and recomputes the partitions it touched in one transaction, rolled back
   * whole on any failure; returns the number of events before and after.
   */
  private int[] inTransaction(String onFailure, Change change) {
    if (readOnly) {
      throw new StoreException(
          "the store " + file + " was opened read-only (for export); " + onFailure);
    }
    try {
      conn.setAutoCommit(false);
      int before = count("events"); // also opens the transaction the appenders join
      LocalDateTime now = writeTime();
      recompute(change.apply(now), now);
      conn.commit();
      return new int[] {before, count("events")};
    } catch (SQLException | RuntimeException e) {
      try {
        conn.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new StoreException(
          "could not write to the store "
              + file
              + " ("
              + firstLine(String.valueOf(e.getMessage()))
              + "); "
              + onFailure,
          e);
    } finally {
      try {
        conn.setAutoCommit(true);
      } catch (SQLException ignored) {
        // the connection is broken; the next call reports it
      }
    }
  }

  /**
   * The time stamped on this write's articles, events and removals: the clock in UTC, but never
   * before the store's last write, so {@code updated_since} and {@code removed?since} pulls that
   * pass the last time they saw miss nothing.
   */
  private LocalDateTime writeTime() {
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    LocalDateTime[] last = new LocalDateTime[1];
    query(
        "SELECT greatest((SELECT max(updated_at) FROM events),"
            + " (SELECT max(removed_at) FROM event_removals))",
        rs -> last[0] = rs.getObject(1, LocalDateTime.class));
    if (last[0] != null && !now.isAfter(last[0])) {
      now = last[0].plus(1, ChronoUnit.MICROS);
    }
    return now;
  }

  private void insertArticles(List<StoredArticle> articles, LocalDateTime now) throws SQLException {
    try (Rows rows = new Rows(conn, "articles");
        Rows bands = new Rows(conn, "article_bands")) {
      for (StoredArticle s : articles) {
        rows.add(
            s.id(),
            s.url(),
            s.source(),
            s.outlet(),
            s.title(),
            s.published(),
            s.textHash(),
            s.chars(),
            s.family(),
            s.nearDupOf(),
            s.similarity(),
            s.minhash() == null ? null : MinHash.toBytes(s.minhash()),
            s.origin(),
            s.reports().size(),
            now,
            s.text(),
            s.coder());
        if (s.minhash() != null) {
          for (long band : MinHash.bands(s.minhash())) {
            bands.add(band, s.id());
          }
        }
      }
    }
  }

  /**
   * Renames families joined by a new near-duplicate; returns the partitions whose reports moved.
   */
  private Set<String> renameFamilies(Map<String, String> renames) throws SQLException {
    Set<String> partitions = new LinkedHashSet<>();
    query(
        "SELECT DISTINCT r.partition FROM reports r JOIN articles a ON a.id = r.article_id"
            + " WHERE a.family IN ("
            + in(renames.keySet())
            + ")",
        rs -> partitions.add(rs.getString(1)));
    try (PreparedStatement st =
        conn.prepareStatement("UPDATE articles SET family = ? WHERE family = ?")) {
      for (var e : renames.entrySet()) {
        st.setString(1, e.getValue());
        st.setString(2, e.getKey());
        st.addBatch();
      }
      st.executeBatch();
    }
    return partitions;
  }

  private void insertReports(List<List<CodedEvent>> reports, Set<String> partitions)
      throws SQLException {
    try (Rows rows = new Rows(conn, "reports")) {
      for (List<CodedEvent> article : reports) {
        for (CodedEvent e : article) {
          String partition = Report.partition(e);
          partitions.add(partition);
          List<Object> values = Columns.values(e);
          values.add(partition);
          values.add(EventWriter.toJson(e));
          rows.add(values);
        }
      }
    }
  }

  /**
   * Recomputes the events of these partitions from all their reports, and writes only the events
   * that changed: most batches add one report to a partition of many events.
   */
  private void recompute(Set<String> partitions, LocalDateTime now) throws SQLException {
    if (partitions.isEmpty()) {
      return;
    }
    String in = in(partitions);
    Map<String, List<Report>> byPartition = new HashMap<>();
    query(
        "SELECT r.partition, r.json, a.family, a.outlet, a.published FROM reports r"
            + " JOIN articles a ON a.id = r.article_id WHERE r.partition IN ("
            + in
            + ")",
        rs ->
            byPartition
                .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(
                    new Report(
                        parse(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class))));
    Map<String, String> old = new HashMap<>();
    query(
        "SELECT id, json FROM events WHERE partition IN (" + in + ")",
        rs -> old.put(rs.getString(1), rs.getString(2)));
    List<Changed> added = new ArrayList<>();
    Set<String> kept = new HashSet<>();
    Map<String, String> ownerOfReport = new HashMap<>();
    for (var entry : byPartition.entrySet()) {
      for (MergedEvent m : merger.merge(entry.getValue())) {
        for (String r : m.reportIds()) {
          ownerOfReport.put(r, m.id());
        }
        String json = json(m);
        if (json.equals(old.get(m.id()))) {
          kept.add(m.id());
        } else {
          added.add(new Changed(m, entry.getKey(), json));
        }
      }
    }
    Set<String> gone = new HashSet<>(old.keySet());
    gone.removeAll(kept);
    recordRemovals(gone, added, ownerOfReport, now);
    if (!gone.isEmpty()) {
      try (Statement st = conn.createStatement()) {
        st.execute("DELETE FROM events WHERE id IN (" + in(gone) + ")");
        st.execute("DELETE FROM event_reports WHERE event_id IN (" + in(gone) + ")");
      }
    }
    try (Rows events = new Rows(conn, "events");
        Rows links = new Rows(conn, "event_reports")) {
      for (Changed c : added) {
        MergedEvent m = c.event();
        List<Object> values = Columns.values(m.event());
        values.add(m.numReports());
        values.add(m.numArticles());
        values.add(m.numSources());
        values.add(m.firstSeen() == null ? null : LocalDate.parse(m.firstSeen()));
        values.add(m.lastSeen() == null ? null : LocalDate.parse(m.lastSeen()));
        values.add(c.partition());
        values.add(c.json());
        values.add(now);
        values.add(evidenceText(m.event()));
        events.add(values);
        for (String r : m.reportIds()) {
          links.add(m.id(), r, c.partition());
        }
      }
    }
  }

  /**
   * Notes the events of {@code gone} that no longer exist (not rewritten under the same id): each
   * with the event that now holds its first report still stored, or null if none does.
   */
  private void recordRemovals(
      Set<String> gone, List<Changed> added, Map<String, String> ownerOfReport, LocalDateTime now)
      throws SQLException {
    Set<String> removed = new java.util.TreeSet<>(gone);
    for (Changed c : added) {
      removed.remove(c.event().id());
    }
    if (removed.isEmpty()) {
      return;
    }
    Map<String, String> mergedInto = new HashMap<>();
    query(
        "SELECT event_id, report_id FROM event_reports WHERE event_id IN ("
            + in(removed)
            + ") ORDER BY event_id, report_id",
        rs -> {
          String owner = ownerOfReport.get(rs.getString(2));
          if (owner != null) {
            mergedInto.putIfAbsent(rs.getString(1), owner);
          }
        });
    try (Rows rows = new Rows(conn, "event_removals")) {
      for (String id : removed) {
        rows.add(id, mergedInto.get(id), now);
      }
    }
  }

  /** Every evidence sentence of an event, lower-cased: what the API's {@code q} searches. */
  static String evidenceText(CodedEvent e) {
    StringBuilder b = new StringBuilder();
    for (CodedEvent.Evidence ev : e.evidence()) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(ev.sentence());
    }
    return b.toString().toLowerCase(java.util.Locale.ROOT);
  }

  /** An event new or changed by a recompute, with its partition and record. */
  private record Changed(MergedEvent event, String partition, String json) {}

  /** Row counts of a table. */
  public int count(String table) {
    int[] n = new int[1];
    query("SELECT count(*) FROM " + table, rs -> n[0] = rs.getInt(1));
    return n[0];
  }

  static CodedEvent parse(String json) {
    try {
      return JSON.readValue(json, CodedEvent.class);
    } catch (JsonProcessingException e) {
      throw new StoreException("a stored report cannot be read back: " + e.getOriginalMessage(), e);
    }
  }

  static String json(MergedEvent m) {
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise event " + m.id(), e);
    }
  }

  interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  void query(String sql, RowHandler handler) {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        handler.row(rs);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "could not read the store " + file + ": " + firstLine(String.valueOf(e.getMessage())), e);
    }
  }

  /** A SQL list of string literals; {@code NULL} for an empty list (matches nothing). */
  static String in(Collection<String> values) {
    if (values.isEmpty()) {
      return "NULL";
    }
    return values.stream()
        .map(v -> "'" + v.replace("'", "''") + "'")
        .collect(Collectors.joining(","));
  }

  static String firstLine(String s) {
    int i = s.indexOf('\n');
    return i < 0 ? s : s.substring(0, i);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // already failing; the caller reports the first error
    }
  }

  @Override
  public void close() {
    try {
      conn.close();
    } catch (SQLException e) {
      throw new StoreException("could not close the store " + file + ": " + e.getMessage(), e);
    }
  }
}
