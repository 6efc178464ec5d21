package org.annals.store;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.annals.dedup.EventMerger;
import org.annals.dedup.MergedEvent;
import org.annals.dedup.MinHash;
import org.annals.dedup.Report;
import org.annals.event.CodedEvent;
import org.annals.output.EventWriter;
import org.jspecify.annotations.Nullable;

/**
 * An embedded DuckDB file of articles, reports and events. Each {@link #write} is one transaction:
 * its articles, their reports and the events of every cluster they join are stored together or not
 * at all, so a killed process leaves the store as it was after the last whole batch. Not
 * thread-safe: one writer at a time (DuckDB locks the file against other processes).
 */
public final class EventStore implements AutoCloseable {
  static final ObjectMapper JSON = ExportRows.JSON;

  private final Path file;
  private final Connection conn;
  private final boolean readOnly;
  private final EventMerger merger = new EventMerger();
  private @Nullable BandFilter bandFilter;

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
    EventStore store = new EventStore(file, c, false);
    try {
      store.reclusterIfPending();
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
    return store;
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
    BandFilter filter = bandFilter();
    String keys =
        bands.stream()
            .filter(filter::mayContain)
            .map(String::valueOf)
            .collect(Collectors.joining(","));
    if (keys.isEmpty()) {
      return out;
    }
    // two steps with a literal list between: a subquery would be a join that scans articles
    Set<String> ids = new java.util.TreeSet<>();
    query(
        "SELECT DISTINCT article_id FROM article_bands WHERE band IN (" + keys + ")",
        rs -> ids.add(rs.getString(1)));
    if (ids.isEmpty()) {
      return out;
    }
    query(
        "SELECT id, family, minhash FROM articles WHERE id IN (" + in(ids) + ")",
        rs ->
            out.put(
                rs.getString(1),
                new Candidate(
                    rs.getString(1), rs.getString(2), MinHash.fromBytes(rs.getBytes(3)))));
    return out;
  }

  /**
   * The filter of stored band keys, read from {@code article_bands} on first use (a few hundred ms
   * for millions of keys) and again, larger, when it gets crowded; kept up to date by writes.
   */
  private BandFilter bandFilter() {
    BandFilter f = bandFilter;
    if (f == null || f.crowded()) {
      long[] count = new long[1];
      query("SELECT count(*) FROM article_bands", rs -> count[0] = rs.getLong(1));
      BandFilter fresh = BandFilter.sizedFor(2 * count[0]);
      query("SELECT band FROM article_bands", rs -> fresh.add(rs.getLong(1)));
      bandFilter = fresh;
      f = fresh;
    }
    return f;
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
   * near-duplicates renamed to their smallest id, then the events of every cluster the reports join
   * recomputed from all its reports. Returns the number of events before and after.
   */
  int[] write(List<StoredArticle> articles, Map<String, String> familyRenames) {
    return inTransaction(
        "nothing from this batch was stored",
        now -> {
          Touched touched = new Touched();
          insertArticles(articles, now);
          if (!familyRenames.isEmpty()) {
            renameFamilies(familyRenames, touched);
          }
          insertReports(articles.stream().map(StoredArticle::reports).toList(), touched);
          return touched;
        });
  }

  /** An article coded again: its id and its new reports. */
  record Recoded(String id, List<CodedEvent> reports) {}

  /**
   * Replaces the reports of re-coded articles in one transaction: their old reports go, the new
   * ones come in, each article records {@code coder}, and the events of every cluster that lost or
   * gained a report are recomputed (with their removals recorded), so a killed recode leaves every
   * article either as it was or re-coded. Returns the number of events before and after.
   */
  int[] replaceReports(List<Recoded> articles, String coder) {
    return inTransaction(
        "nothing from this batch was re-coded",
        now -> {
          Touched touched = new Touched();
          String ids = in(articles.stream().map(Recoded::id).toList());
          query(
              "SELECT DISTINCT cluster FROM reports WHERE article_id IN (" + ids + ")",
              rs -> touched.clusters.add(rs.getString(1)));
          try (Statement st = conn.createStatement()) {
            st.execute(
                "DELETE FROM report_keys WHERE report_id IN (SELECT id FROM reports WHERE"
                    + " article_id IN ("
                    + ids
                    + "))");
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
          insertReports(articles.stream().map(Recoded::reports).toList(), touched);
          return touched;
        });
  }

  /**
   * Clusters the reports of a store made before schema version 4 again, one kind at a time, if its
   * migration left the {@code recluster} flag: its clusters were partitions (kind, country, month),
   * so reports of one happening across a border or a month's end had not met. Events that merge are
   * recorded as removed, as on any write.
   */
  private void reclusterIfPending() {
    boolean[] pending = new boolean[1];
    query("SELECT 1 FROM meta WHERE key = 'recluster'", rs -> pending[0] = true);
    if (!pending[0]) {
      return;
    }
    inTransaction(
        "the store was left as it was; open it again to finish",
        now -> {
          try (Rows keys = new Rows(conn, "report_keys")) {
            query(
                "SELECT json FROM reports WHERE date IS NULL",
                rs -> {
                  CodedEvent e = parse(rs.getString(1));
                  for (String key : EventMerger.undatedKeys(e)) {
                    keys.add(key, e.id());
                  }
                });
          }
          return new Touched();
        });
    List<String> kinds = new ArrayList<>();
    query("SELECT DISTINCT kind FROM reports ORDER BY kind", rs -> kinds.add(rs.getString(1)));
    for (String kind : kinds) {
      inTransaction(
          "the store was left as it was; open it again to finish",
          now -> {
            Touched touched = new Touched();
            query(
                "SELECT DISTINCT cluster FROM reports WHERE kind = '"
                    + kind.replace("'", "''")
                    + "'",
                rs -> touched.clusters.add(rs.getString(1)));
            return touched;
          });
    }
    try (Statement st = conn.createStatement()) {
      st.execute("DELETE FROM meta WHERE key = 'recluster'");
    } catch (SQLException e) {
      throw new StoreException("could not write to the store " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * What a write changed: reports new or with a new family, whose relations must be looked for, and
   * clusters that lost reports.
   */
  private static final class Touched {
    final Set<String> reports = new LinkedHashSet<>();
    final Set<String> clusters = new LinkedHashSet<>();

    /** New reports, stored by {@link #recompute} once their cluster is known. */
    final List<CodedEvent> fresh = new ArrayList<>();
  }

  /** The changes of one write; returns what must be recomputed. */
  private interface Change {
    Touched apply(LocalDateTime now) throws SQLException;
  }

  /**
   * Applies {@code change} and recomputes the clusters it touched in one transaction, rolled back
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
            if (bandFilter != null) {
              bandFilter.add(band);
            }
          }
        }
      }
    }
  }

  /**
   * Renames families joined by a new near-duplicate; their reports are touched, as are their
   * clusters.
   */
  private void renameFamilies(Map<String, String> renames, Touched touched) throws SQLException {
    query(
        "SELECT r.id, r.cluster FROM reports r WHERE r.article_id IN (SELECT id FROM articles"
            + " WHERE family IN ("
            + in(renames.keySet())
            + "))",
        rs -> {
          touched.reports.add(rs.getString(1));
          touched.clusters.add(rs.getString(2));
        });
    try (PreparedStatement st =
        conn.prepareStatement("UPDATE articles SET family = ? WHERE family = ?")) {
      for (var e : renames.entrySet()) {
        st.setString(1, e.getValue());
        st.setString(2, e.getKey());
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  /** Takes new reports; {@link #recompute} stores them with their cluster. */
  private static void insertReports(List<List<CodedEvent>> reports, Touched touched) {
    for (List<CodedEvent> article : reports) {
      for (CodedEvent e : article) {
        touched.reports.add(e.id());
        touched.fresh.add(e);
      }
    }
  }

  /** Stores new reports, each with its cluster, and the keys of the undated ones. */
  private void storeReports(List<CodedEvent> reports, Map<String, String> clusterOf)
      throws SQLException {
    try (Rows rows = new Rows(conn, "reports");
        Rows keys = new Rows(conn, "report_keys")) {
      for (CodedEvent e : reports) {
        for (String key : EventMerger.undatedKeys(e)) {
          keys.add(key, e.id());
        }
        List<Object> values = Columns.values(e);
        values.add(Objects.requireNonNull(clusterOf.get(e.id())));
        values.add(EventWriter.toJson(e));
        values.add(Report.kind(e));
        rows.add(values);
      }
    }
  }

  /** New reports as the merger sees them, with their articles' family, outlet and date. */
  private Map<String, Report> freshReports(List<CodedEvent> reports) {
    record Article(String family, @Nullable String outlet, @Nullable LocalDate published) {}
    Map<String, Article> articles = new HashMap<>();
    Set<String> ids = new LinkedHashSet<>();
    reports.forEach(e -> ids.add(e.articleId()));
    if (!ids.isEmpty()) {
      query(
          "SELECT id, family, outlet, published FROM articles WHERE id IN (" + in(ids) + ")",
          rs ->
              articles.put(
                  rs.getString(1),
                  new Article(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class))));
    }
    Map<String, Report> out = new HashMap<>();
    for (CodedEvent e : reports) {
      Article a = Objects.requireNonNull(articles.get(e.articleId()), e.articleId());
      out.put(e.id(), new Report(e, a.family(), a.outlet(), a.published()));
    }
    return out;
  }

  /**
   * Recomputes the clusters a write touched: the touched reports, the stored reports related to
   * them ({@link Neighbours}) and every report of their clusters are clustered again and merged,
   * and only the events that changed are written: most batches add one report to a cluster of a
   * few. The work depends on the batch and on the reports that share its days, not on the store.
   */
  private void recompute(Touched touched, LocalDateTime now) throws SQLException {
    if (touched.reports.isEmpty() && touched.clusters.isEmpty()) {
      return;
    }
    Map<String, Report> loaded = new HashMap<>();
    Map<String, String> storedCluster = new HashMap<>();
    Set<String> clusters = new LinkedHashSet<>(touched.clusters);
    Map<String, Report> fresh = freshReports(touched.fresh);
    if (!touched.reports.isEmpty()) {
      Set<String> stored = new LinkedHashSet<>(touched.reports);
      stored.removeAll(fresh.keySet());
      if (!stored.isEmpty()) {
        load("r.id IN (" + in(stored) + ")", loaded, storedCluster);
      }
      loaded.values().forEach(r -> clusters.add(storedCluster.get(r.id())));
      List<Report> seeds = new ArrayList<>(loaded.values());
      seeds.addAll(fresh.values());
      Set<String> near = new Neighbours(this).of(seeds);
      if (!near.isEmpty()) {
        Map<String, Report> others = new HashMap<>();
        load("r.id IN (" + in(near) + ")", others, storedCluster);
        // Two stored reports related to each other share a cluster already, so the clusters of
        // the stored reports related to a seed are all a write can join.
        for (String id : merger.relatedTo(seeds, others.values())) {
          clusters.add(storedCluster.get(id));
        }
        loaded.putAll(others);
      }
    }
    // Every report of every cluster in play, related or not to a new one: a cluster may split.
    Map<String, Report> inPlay = new HashMap<>();
    if (!clusters.isEmpty()) {
      load("r.cluster IN (" + in(clusters) + ")", inPlay, storedCluster, loaded);
    }
    inPlay.putAll(fresh);
    Map<String, String> old = new HashMap<>();
    Map<String, String> oldCluster = new HashMap<>();
    query(
        "SELECT id, json, cluster FROM events WHERE cluster IN (" + in(clusters) + ")",
        rs -> {
          old.put(rs.getString(1), rs.getString(2));
          oldCluster.put(rs.getString(1), rs.getString(3));
        });
    List<Changed> added = new ArrayList<>();
    Set<String> kept = new HashSet<>();
    Map<String, String> ownerOfReport = new HashMap<>();
    List<String[]> reportMoves = new ArrayList<>();
    List<String[]> eventMoves = new ArrayList<>();
    Map<String, String> freshCluster = new HashMap<>();
    List<List<Report>> found = merger.clusters(inPlay.values());
    List<String> labels = labels(found, storedCluster);
    for (int c = 0; c < found.size(); c++) {
      List<Report> cluster = found.get(c);
      String id = labels.get(c);
      for (Report r : cluster) {
        String was = storedCluster.get(r.id());
        if (was == null) {
          freshCluster.put(r.id(), id);
        } else if (!id.equals(was)) {
          reportMoves.add(new String[] {r.id(), was, id});
        }
      }
      for (MergedEvent m : merger.mergeCluster(cluster)) {
        for (String r : m.reportIds()) {
          ownerOfReport.put(r, m.id());
        }
        String json = json(m);
        if (json.equals(old.get(m.id()))) {
          kept.add(m.id());
          if (!id.equals(oldCluster.get(m.id()))) {
            eventMoves.add(new String[] {m.id(), oldCluster.get(m.id()), id});
          }
        } else {
          added.add(new Changed(m, id, json));
        }
      }
    }
    Set<String> gone = new HashSet<>(old.keySet());
    gone.removeAll(kept);
    recordRemovals(gone, added, ownerOfReport, now);
    if (!gone.isEmpty()) {
      try (Statement st = conn.createStatement()) {
        // the cluster filter lets DuckDB find the rows by its index rather than by a scan
        st.execute(
            "DELETE FROM events WHERE cluster IN ("
                + in(clusters)
                + ") AND id IN ("
                + in(gone)
                + ")");
        st.execute("DELETE FROM event_reports WHERE event_id IN (" + in(gone) + ")");
      }
    }
    // Moves before the new rows come in, so a label's move never catches them.
    move("reports", reportMoves, storedCluster.values());
    Map<String, String> eventCluster = new HashMap<>(oldCluster);
    eventCluster.keySet().removeAll(gone);
    move("events", eventMoves, eventCluster.values());
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
        values.add(c.cluster());
        values.add(c.json());
        values.add(now);
        values.add(evidenceText(m.event()));
        events.add(values);
        for (String r : m.reportIds()) {
          links.add(m.id(), r);
        }
      }
    }
    storeReports(touched.fresh, freshCluster);
  }

  /**
   * A label for each cluster: the stored label most of its stored reports carry (ties to the
   * smaller), so that a write moves few rows; a cluster of new reports only, or the smaller part of
   * a cluster that split, takes its smallest report id, made unique among the labels in use. Labels
   * only group reports: events do not depend on them.
   */
  private List<String> labels(List<List<Report>> clusters, Map<String, String> storedCluster) {
    List<String> labels = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    List<Integer> unlabelled = new ArrayList<>();
    // larger clusters choose first, so a split leaves the old label with the larger part
    List<Integer> order = new ArrayList<>();
    for (int c = 0; c < clusters.size(); c++) {
      order.add(c);
      labels.add(null);
    }
    order.sort(
        java.util.Comparator.comparingInt((Integer c) -> -clusters.get(c).size())
            .thenComparingInt(c -> c));
    for (int c : order) {
      Map<String, Integer> votes = new java.util.TreeMap<>();
      for (Report r : clusters.get(c)) {
        String was = storedCluster.get(r.id());
        if (was != null) {
          votes.merge(was, 1, Integer::sum);
        }
      }
      String best = null;
      for (var v : votes.entrySet()) {
        if (!taken.contains(v.getKey()) && (best == null || v.getValue() > votes.get(best))) {
          best = v.getKey();
        }
      }
      if (best == null) {
        unlabelled.add(c);
      } else {
        labels.set(c, best);
        taken.add(best);
      }
    }
    if (!unlabelled.isEmpty()) {
      Set<String> wanted = new LinkedHashSet<>();
      unlabelled.forEach(c -> wanted.add(clusters.get(c).get(0).id()));
      query(
          "SELECT DISTINCT cluster FROM reports WHERE cluster IN (" + in(wanted) + ")",
          rs -> taken.add(rs.getString(1)));
      for (int c : unlabelled) {
        String label = clusters.get(c).get(0).id();
        for (int n = 1; taken.contains(label); n++) {
          label = clusters.get(c).get(0).id() + "~" + n;
        }
        labels.set(c, label);
        taken.add(label);
      }
    }
    return labels;
  }

  /**
   * Gives rows of {@code table} their new cluster labels ({id, old label, new label}); {@code
   * labels} are the old labels of every row of the clusters in play. Rows of a label that all move
   * to one new label (two clusters joined) are found by the cluster index alone; otherwise (a
   * cluster split) by label and id.
   */
  private void move(String table, List<String[]> moves, Collection<String> labels)
      throws SQLException {
    if (moves.isEmpty()) {
      return;
    }
    Map<String, Integer> rows = new HashMap<>();
    labels.forEach(l -> rows.merge(l, 1, Integer::sum));
    Map<String, Map<String, List<String>>> byOld = new java.util.TreeMap<>();
    for (String[] m : moves) {
      byOld
          .computeIfAbsent(m[1], k -> new java.util.TreeMap<>())
          .computeIfAbsent(m[2], k -> new ArrayList<>())
          .add(m[0]);
    }
    try (Statement st = conn.createStatement()) {
      for (var from : byOld.entrySet()) {
        for (var to : from.getValue().entrySet()) {
          boolean all =
              from.getValue().size() == 1
                  && to.getValue().size() == rows.getOrDefault(from.getKey(), 0);
          st.addBatch(
              "UPDATE "
                  + table
                  + " SET cluster = "
                  + in(List.of(to.getKey()))
                  + " WHERE cluster = "
                  + in(List.of(from.getKey()))
                  + (all ? "" : " AND id IN (" + in(to.getValue()) + ")"));
        }
      }
      st.executeBatch();
    }
  }

  /** Reads the reports {@code where} selects into {@code into}, with their stored clusters. */
  private void load(String where, Map<String, Report> into, Map<String, String> storedCluster) {
    load(where, into, storedCluster, into);
  }

  /**
   * Reads the reports {@code where} selects into {@code into}, taking those already in {@code
   * parsed} from there rather than parsing them again.
   */
  private void load(
      String where,
      Map<String, Report> into,
      Map<String, String> storedCluster,
      Map<String, Report> parsed) {
    query(
        "SELECT r.id, r.cluster, r.json, a.family, a.outlet, a.published FROM reports r"
            + " JOIN articles a ON a.id = r.article_id WHERE "
            + where,
        rs -> {
          String id = rs.getString(1);
          storedCluster.put(id, rs.getString(2));
          Report known = parsed.get(id);
          into.put(
              id,
              known != null
                  ? known
                  : new Report(
                      parse(rs.getString(3)),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getObject(6, LocalDate.class)));
        });
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

  /** An event new or changed by a recompute, with its cluster and record. */
  private record Changed(MergedEvent event, String cluster, String json) {}

  /** The number of reports in the largest cluster: what one write may have to merge again. */
  public int largestCluster() {
    int[] n = new int[1];
    query(
        "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM reports GROUP BY cluster)",
        rs -> n[0] = rs.getInt(1));
    return n[0];
  }

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
