package org.annals.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.annals.ingest.RawArticle;
import org.annals.pipeline.ArticleResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RecoderTest {
  private static final int ARTICLES = 40;

  @TempDir Path dir;

  static void ingest(Path db, Ingester.Coder coder) {
    try (EventStore store = EventStore.open(db)) {
      Ingester in = new Ingester(store, coder, p -> {}, s -> {}, 9);
      FakeCoder.corpus(ARTICLES).forEach(in::add);
      in.finish();
    }
  }

  static RecodeSummary recode(Path db, Ingester.Coder coder, int batch) {
    return recode(db, coder, batch, null, null);
  }

  static RecodeSummary recode(
      Path db, Ingester.Coder coder, int batch, LocalDate from, LocalDate to) {
    try (EventStore store = EventStore.open(db)) {
      return new Recoder(store, coder, p -> {}, s -> {}, batch).recode(from, to);
    }
  }

  /**
   * Everything the store holds but write times and cluster labels, table by table, row by row in id
   * order: events, their report links, reports, the groups of reports and of events that share a
   * cluster, and articles (with their stored text and coder).
   */
  static List<String> contents(Path db) {
    List<String> out = new ArrayList<>();
    try (EventStore store = EventStore.open(db)) {
      for (String sql :
          List.of(
              "SELECT x::VARCHAR FROM (SELECT * EXCLUDE (updated_at, cluster) FROM events) x"
                  + " ORDER BY id",
              "SELECT x::VARCHAR FROM event_reports x ORDER BY event_id, report_id",
              "SELECT x::VARCHAR FROM (SELECT * EXCLUDE (cluster) FROM reports) x ORDER BY id",
              // cluster labels depend on the order reports came in; the clusters do not
              "SELECT list(id ORDER BY id)::VARCHAR FROM reports GROUP BY cluster ORDER BY 1",
              "SELECT list(id ORDER BY id)::VARCHAR FROM events GROUP BY cluster ORDER BY 1",
              "SELECT x::VARCHAR FROM (SELECT * EXCLUDE (ingested_at) FROM articles) x"
                  + " ORDER BY id")) {
        store.query(sql, rs -> out.add(rs.getString(1)));
      }
    }
    return out;
  }

  @Test
  void recode_storeIngestedWithAnotherCoder_equalsAFreshIngest() {
    Path recoded = dir.resolve("recoded.duckdb");
    ingest(recoded, new FakeCoder());
    List<String> before = IngesterTest.events(recoded);
    Path fresh = dir.resolve("fresh.duckdb");
    ingest(fresh, FakeCoder.v2());

    RecodeSummary s = recode(recoded, FakeCoder.v2(), 7);

    assertThat(s.recoded()).isEqualTo(ARTICLES);
    assertThat(s.withoutText()).isZero();
    assertThat(s.eventsBefore()).isEqualTo(20);
    assertThat(s.eventsAfter()).isEqualTo(IngesterTest.events(fresh).size());
    assertThat(IngesterTest.events(recoded)).isNotEqualTo(before);
    assertThat(contents(recoded)).isEqualTo(contents(fresh));
    try (EventStore store = EventStore.open(recoded)) {
      assertThat(store.count("event_removals")).isPositive(); // events that lost their reports
    }
  }

  @Test
  void recode_runAgain_skipsWhatItRecodedAndChangesNothing() {
    Path db = dir.resolve("twice.duckdb");
    ingest(db, new FakeCoder());
    recode(db, FakeCoder.v2(), 10);
    List<String> once = contents(db);

    RecodeSummary again = recode(db, FakeCoder.v2(), 10);

    assertThat(again.recoded()).isZero();
    assertThat(again.alreadyCurrent()).isEqualTo(ARTICLES);
    assertThat(contents(db)).isEqualTo(once);
  }

  @Test
  void recode_coderThrowsMidway_rerunEndsAsAnUninterruptedRun() {
    Path clean = dir.resolve("clean.duckdb");
    ingest(clean, new FakeCoder());
    recode(clean, FakeCoder.v2(), 6);
    Path broken = dir.resolve("broken.duckdb");
    ingest(broken, new FakeCoder());
    Ingester.Coder dies = new DyingCoder(FakeCoder.v2(), 20);

    assertThatThrownBy(() -> recode(broken, dies, 6)).hasMessageContaining("coder died");
    RecodeSummary rerun = recode(broken, FakeCoder.v2(), 6);

    assertThat(rerun.alreadyCurrent()).isEqualTo(18); // three whole batches of six
    assertThat(rerun.recoded()).isEqualTo(ARTICLES - 18);
    assertThat(contents(broken)).isEqualTo(contents(clean));
  }

  @Test
  void recode_killedMidwayAndRestarted_endsAsAnUninterruptedRun() throws Exception {
    Path clean = dir.resolve("clean.duckdb");
    ingest(clean, new FakeCoder());
    recode(clean, FakeCoder.v2(), 4);
    Path crashed = dir.resolve("crashed.duckdb");
    ingest(crashed, new FakeCoder());

    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SlowRecodeMain.class.getName(),
                crashed.toString(),
                "40")
            .redirectErrorStream(true)
            .start();
    int before = 0;
    try (var out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("recoded ")) {
          before = Integer.parseInt(line.substring(8));
          if (before >= ARTICLES / 3) {
            Thread.sleep(25); // land inside the next batch's coding or writing
            p.destroyForcibly(); // SIGKILL on Unix
            break;
          }
        }
      }
    }
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(before).isBetween(ARTICLES / 3, ARTICLES - 1);

    RecodeSummary rerun = recode(crashed, FakeCoder.v2(), 4);

    assertThat(rerun.alreadyCurrent()).isBetween(before, ARTICLES - 1);
    assertThat(contents(crashed)).isEqualTo(contents(clean));
  }

  @Test
  void recode_dateRange_recodesOnlyArticlesPublishedInIt() {
    Path db = dir.resolve("range.duckdb");
    ingest(db, new FakeCoder());

    RecodeSummary s =
        recode(
            db, FakeCoder.v2(), 10, LocalDate.parse("2024-06-02"), LocalDate.parse("2024-06-03"));

    assertThat(s.inRange()).isEqualTo(16); // 2 of 5 days
    assertThat(s.recoded()).isEqualTo(16);
    List<String> coders = new ArrayList<>();
    try (EventStore store = EventStore.open(db)) {
      store.query(
          "SELECT coder || ' ' || count(*) FROM articles GROUP BY coder ORDER BY coder",
          rs -> coders.add(rs.getString(1)));
    }
    assertThat(coders).containsExactly("fake-1 24", "fake-2 16");
  }

  @Test
  void recode_storeFromBeforeVersion3_keepsItsReportsAndSaysHowMany() throws Exception {
    Path db = dir.resolve("v2.duckdb");
    ingest(db, new FakeCoder());
    List<String> events = IngesterTest.events(db);
    db = SchemaTest.asVersion2(db);

    RecodeSummary s = recode(db, FakeCoder.v2(), 10);

    assertThat(s.withoutText()).isEqualTo(ARTICLES);
    assertThat(s.recoded()).isZero();
    assertThat(s.report("v2.duckdb")).contains("40 without stored text");
    assertThat(IngesterTest.events(db)).isEqualTo(events);
  }

  @Test
  void recode_articleTheCoderFailsOn_keepsItsReports() {
    Path db = dir.resolve("fails.duckdb");
    ingest(db, new FakeCoder());
    Ingester.Coder refuses =
        new Ingester.Coder() {
          @Override
          public List<ArticleResult> code(List<RawArticle> articles) {
            List<RawArticle> marked = new ArrayList<>();
            for (RawArticle a : articles) {
              marked.add(
                  a.id().equals("a5")
                      ? new RawArticle(
                          a.id(), a.title(), "CORRUPT", a.published(), a.url(), a.source(), "x")
                      : a);
            }
            return FakeCoder.v2().code(marked);
          }

          @Override
          public String version() {
            return "fake-2";
          }
        };

    RecodeSummary s = recode(db, refuses, 10);

    assertThat(s.failed()).isEqualTo(1);
    assertThat(s.recoded()).isEqualTo(ARTICLES - 1);
    List<String> row = new ArrayList<>();
    try (EventStore store = EventStore.open(db)) {
      store.query(
          "SELECT a.coder || ' ' || (r.json->>'coder') FROM articles a JOIN reports r"
              + " ON r.article_id = a.id WHERE a.id = 'a5'",
          rs -> row.add(rs.getString(1)));
    }
    assertThat(row).containsExactly("fake-1 fake-1");
  }

  /** Codes as its delegate, then throws once more than {@code limit} articles were asked for. */
  static final class DyingCoder implements Ingester.Coder {
    private final Ingester.Coder delegate;
    private final int limit;
    private int asked;

    DyingCoder(Ingester.Coder delegate, int limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public List<ArticleResult> code(List<RawArticle> articles) {
      asked += articles.size();
      if (asked > limit) {
        throw new IllegalStateException("coder died after " + limit + " articles");
      }
      return delegate.code(articles);
    }

    @Override
    public String version() {
      return delegate.version();
    }
  }
}
