package org.annals.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.annals.cli.Coders;
import org.annals.ingest.ArticleReader;
import org.annals.store.EventStore;
import org.annals.store.Exporter;
import org.annals.store.IngestSummary;
import org.annals.store.Ingester;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job in local mode against the command line on the same generated corpus (JSON Lines and
 * WARC): the same events and reports, id for id and field for field, as {@code annals ingest} +
 * {@code annals export --format parquet} (and {@code --reports}) give; the same again when tasks
 * fail midway and are retried, and when every blocking key is split.
 */
final class SparkJobTest {
  private static final LocalDate PUBLISHED = LocalDate.of(2024, 6, 25);

  @TempDir static Path dir;
  private static Path input;
  private static SparkSession spark;
  private static IngestSummary cli;
  private static AnnalsJob.Summary job;
  private static final List<String> FAILED_TASKS =
      java.util.Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void runBoth() {
    input = Corpus.write(dir.resolve("in"), 90);
    // the command line: ingest into a store, then export events and reports as Parquet
    try (EventStore store = EventStore.open(dir.resolve("store.duckdb"))) {
      Ingester ingester = new Ingester(store, Coders.hybrid(2), p -> {}, s -> {}, 100);
      ArticleReader reader =
          new ArticleReader(
              a -> ingester.add(a.withDefaultPublished(PUBLISHED)), ingester::problem);
      reader.read(input.toString(), new ByteArrayInputStream(new byte[0]));
      cli = ingester.finish();
      Exporter exporter = new Exporter(store);
      Exporter.Filter all = new Exporter.Filter(null, null, null, null);
      exporter.export("parquet", all, false, dir.resolve("events.parquet"), System.out, new int[1]);
      exporter.export("parquet", all, true, dir.resolve("reports.parquet"), System.out, new int[1]);
    }
    spark = LocalSpark.session();
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() instanceof ExceptionFailure f) {
                  FAILED_TASKS.add(f.toErrorString());
                }
              }
            });
    job = AnnalsJob.run(spark, options("job"));
  }

  private static JobOptions options(String output) {
    return JobOptions.parse(
        new String[] {
          "--input",
          input.toString(),
          "--published",
          PUBLISHED.toString(),
          "--output",
          dir.resolve(output).toString()
        });
  }

  @Test
  void events_equalTheCommandLinesExport_idForIdAndFieldForField() {
    assertThat(cli.events()).as("the corpus gives events, some merged").isGreaterThan(100);
    assertThat(cli.mergedReports()).isGreaterThan(20);
    assertSameRows(dir.resolve("events.parquet"), dir.resolve("job/events"));
    assertThat(job.events()).isEqualTo(cli.events());
  }

  @Test
  void reports_equalTheCommandLinesExport_withTheirEvents() {
    assertSameRows(dir.resolve("reports.parquet"), dir.resolve("job/reports"));
    assertThat(job.reports()).isEqualTo(cli.reports());
  }

  @Test
  void summary_countsWhatIngestCounts() {
    Map<String, Long> skipped = new TreeMap<>();
    cli.skipped().forEach((k, v) -> skipped.put(k, v.longValue()));
    assertThat(job.skipped())
        .isEqualTo(skipped)
        .containsKeys("duplicate-text", "duplicate-url", "id-conflict", "already-stored");
    assertThat(job.stored()).isEqualTo(cli.stored());
    assertThat(job.nearDuplicates()).isEqualTo(cli.nearDuplicates()).isPositive();
    assertThat(job.read()).isEqualTo(cli.read());
    assertThat(job.warnings()).isEqualTo(1);
    Dataset<Row> articles = spark.read().parquet(dir.resolve("job/articles").toString());
    assertThat(articles.count()).isEqualTo(cli.stored());
    assertThat(spark.read().parquet(dir.resolve("job/problems").toString()).count())
        .isEqualTo(cli.skippedTotal() + 1);
  }

  @Test
  void output_isPartitionedByEventMonth() {
    List<String> months = new ArrayList<>();
    try (var s = Files.list(dir.resolve("job/events"))) {
      s.filter(Files::isDirectory).forEach(p -> months.add(p.getFileName().toString()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(months).contains("month=2024-01", "month=2024-03", "month=2024-06");
    Dataset<Row> march =
        spark.read().parquet(dir.resolve("job/events").toString()).where("month = '2024-03'");
    assertThat(march.where("date < DATE '2024-03-01' OR date > DATE '2024-03-31'").count())
        .isZero();
    assertThat(march.count()).isPositive();
  }

  @Test
  void failedTasksAndSplitKeys_giveTheSameOutput() {
    FAILED_TASKS.clear();
    AnnalsJob.run(spark, options("retried").withFailOnce(Set.of("code", "write")).withHotBlock(2));
    List<String> failed = List.copyOf(FAILED_TASKS);
    assertThat(failed)
        .as("the injected failures happened")
        .anyMatch(m -> m.contains("failure injected in stage code"))
        .anyMatch(m -> m.contains("failure injected in stage write"));
    assertSameRows(dir.resolve("job/events"), dir.resolve("retried/events"));
    assertSameRows(dir.resolve("job/reports"), dir.resolve("retried/reports"));
    assertSameRows(dir.resolve("job/articles"), dir.resolve("retried/articles"));
  }

  @Test
  void samples_giveTheEventIdsOfIngestAndExport() {
    Path samples = Path.of("..", "samples").toAbsolutePath().normalize();
    try (EventStore store = EventStore.open(dir.resolve("samples.duckdb"))) {
      Ingester ingester = new Ingester(store, Coders.hybrid(2), p -> {}, s -> {}, 100);
      new ArticleReader(a -> ingester.add(a.withDefaultPublished(PUBLISHED)), ingester::problem)
          .read(samples.toString(), new ByteArrayInputStream(new byte[0]));
      ingester.finish();
      new Exporter(store)
          .export(
              "parquet",
              new Exporter.Filter(null, null, null, null),
              false,
              dir.resolve("samples.parquet"),
              System.out,
              new int[1]);
    }
    AnnalsJob.run(
        spark,
        JobOptions.parse(
            new String[] {
              "--input",
              samples.toString(),
              "--published",
              PUBLISHED.toString(),
              "--output",
              dir.resolve("samples-job").toString()
            }));
    assertThat(byId(spark.read().parquet(dir.resolve("samples-job/events").toString())).keySet())
        .isNotEmpty()
        .isEqualTo(byId(spark.read().parquet(dir.resolve("samples.parquet").toString())).keySet());
  }

  @Test
  void inputList_ofTheCorpusFiles_givesTheSameOutputAsTheDirectory() throws IOException {
    Path list = dir.resolve("in.paths.gz");
    List<String> lines =
        new ArrayList<>(List.of("# the corpus, as a crawl's listing names it", ""));
    try (var files = Files.list(input)) {
      files.map(f -> "in/" + f.getFileName()).sorted().forEach(lines::add);
    }
    try (var out =
        new java.io.OutputStreamWriter(
            new java.util.zip.GZIPOutputStream(Files.newOutputStream(list)),
            java.nio.charset.StandardCharsets.UTF_8)) {
      out.write(String.join("\n", lines) + "\n");
    }

    AnnalsJob.Summary listed =
        AnnalsJob.run(
            spark,
            JobOptions.parse(
                new String[] {
                  "--input-list",
                  list.toString(),
                  "--published",
                  PUBLISHED.toString(),
                  "--output",
                  dir.resolve("listed").toString()
                }));

    assertThat(listed.read()).isEqualTo(job.read());
    assertSameRows(dir.resolve("job/events"), dir.resolve("listed/events"));
    assertSameRows(dir.resolve("job/articles"), dir.resolve("listed/articles"));
  }

  @Test
  void from_and_to_keepTheEventsTheExportKeeps() {
    LocalDate from = LocalDate.of(2024, 3, 1);
    LocalDate to = LocalDate.of(2024, 3, 31);
    JobOptions o = options("march");
    AnnalsJob.run(
        spark,
        new JobOptions(
            o.inputs(),
            o.inputLists(),
            o.inputPrefix(),
            o.output(),
            o.published(),
            from,
            to,
            0,
            o.hotBlock(),
            false,
            Set.of()));
    Dataset<Row> all = spark.read().parquet(dir.resolve("events.parquet").toString());
    Dataset<Row> march = spark.read().parquet(dir.resolve("march/events").toString());
    long expected =
        all.where("coalesce(date_end, date) >= DATE '2024-03-01' AND date <= DATE '2024-03-31'")
            .count();
    assertThat(march.count()).isPositive().isEqualTo(expected);
  }

  @Test
  void existingOutput_isRefusedWithWhatToDo() {
    assertThatThrownBy(() -> AnnalsJob.run(spark, options("job")))
        .isInstanceOf(JobException.class)
        .hasMessageContaining("exists")
        .hasMessageContaining("--overwrite");
  }

  /** Same columns with the same types, and the same rows by id, cell for cell. */
  private static void assertSameRows(Path expectedPath, Path actualPath) {
    Dataset<Row> expected = spark.read().parquet(expectedPath.toString());
    Dataset<Row> actual = spark.read().parquet(actualPath.toString());
    List<String> columns = new ArrayList<>();
    Map<String, String> types = new HashMap<>();
    for (StructField f : expected.schema().fields()) {
      if (!f.name().equals(Output.MONTH)) {
        columns.add(f.name());
        types.put(f.name(), f.dataType().simpleString());
      }
    }
    for (StructField f : actual.schema().fields()) {
      if (!f.name().equals(Output.MONTH)) {
        assertThat(f.dataType().simpleString()).as(f.name()).isEqualTo(types.get(f.name()));
      }
    }
    assertThat(actual.columns()).contains(columns.toArray(String[]::new));
    Map<String, Row> want = byId(expected);
    Map<String, Row> got = byId(actual);
    assertThat(got.keySet()).isEqualTo(want.keySet());
    assertThat(actual.count()).as("no row twice").isEqualTo(want.size());
    for (Map.Entry<String, Row> e : want.entrySet()) {
      Row w = e.getValue();
      Row g = got.get(e.getKey());
      for (String c : columns) {
        assertThat((Object) g.getAs(c)).as(e.getKey() + " " + c).isEqualTo(w.getAs(c));
      }
    }
  }

  private static Map<String, Row> byId(Dataset<Row> rows) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : rows.collectAsList()) {
      out.put(r.getAs("id"), r);
    }
    return out;
  }
}
