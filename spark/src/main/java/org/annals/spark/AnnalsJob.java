package org.annals.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.annals.store.ExportRows;
import org.annals.store.IngestSummary;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.jspecify.annotations.Nullable;
import scala.Tuple2;

/**
 * Annals as an Apache Spark job: reads articles from any path Spark reads, codes them on the
 * executors with the command line's coder, removes exact and near duplicates and merges reports
 * into events with the store's rules, and writes what {@code annals ingest} + {@code annals export
 * --format parquet} give, as Parquet partitioned by event month.
 *
 * <pre>
 * spark-submit --class org.annals.spark.AnnalsJob annals-spark.jar \
 *     --input s3a://bucket/warc/ --output s3a://bucket/annals/ [--published YYYY-MM-DD]
 * </pre>
 */
public final class AnnalsJob {
  private AnnalsJob() {}

  /** What one run did, as {@code annals ingest} summarises an ingest. */
  public record Summary(
      long read,
      long stored,
      long nearDuplicates,
      Map<String, Long> skipped,
      long warnings,
      long reports,
      long events,
      String output) {

    /** The closing lines printed to standard error. */
    public String report() {
      StringBuilder b = new StringBuilder();
      long skippedTotal = skipped.values().stream().mapToLong(Long::longValue).sum();
      b.append(
          String.format(
              Locale.ROOT,
              "annals-spark: read %,d article(s): %,d stored and coded (%,d of them near-duplicates"
                  + " of another), %,d skipped%n",
              read,
              stored,
              nearDuplicates,
              skippedTotal));
      IngestSummary.appendWarningsAndSkips(b, "annals-spark", warnings, skipped);
      b.append(
          String.format(
              Locale.ROOT,
              "annals-spark: %,d report(s) in %,d event(s), written to %s%n",
              reports,
              events,
              output));
      return b.toString();
    }
  }

  public static void main(String[] args) {
    JobOptions options;
    try {
      options = JobOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("annals-spark: " + e.getMessage());
      System.exit(2);
      return;
    }
    SparkSession spark = SparkSession.builder().appName("annals").getOrCreate();
    int code;
    try {
      Summary s = run(spark, options);
      System.err.print(s.report());
      code = s.read() == 0 ? 1 : 0;
    } catch (JobException e) {
      System.err.println("annals-spark: " + e.getMessage());
      code = 1;
    } finally {
      spark.stop();
    }
    System.exit(code);
  }

  /** Runs the job on {@code spark}; throws {@link JobException} with what to do when it cannot. */
  public static Summary run(SparkSession spark, JobOptions options) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Set<Integer> cachedBefore = new HashSet<>(sc.getPersistentRDDs().keySet());
    try {
      return execute(spark, options);
    } finally {
      // all this run cached (its own RDDs and its operations': tickets, component labels), so a
      // session that runs the job again (run-local.sh bench, tests) does not keep them
      sc.getPersistentRDDs()
          .forEach(
              (id, rdd) -> {
                if (!cachedBefore.contains(id)) {
                  rdd.unpersist(false);
                }
              });
    }
  }

  private static Summary execute(SparkSession spark, JobOptions options) {
    spark.conf().set("spark.sql.datetime.java8API.enabled", "true");
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration hadoop = sc.hadoopConfiguration();
    Output.check(hadoop, options);
    Path target = Output.target(hadoop, options);
    Inputs.Listing listing =
        Inputs.list(
            hadoop,
            Inputs.withLists(
                hadoop, options.inputs(), options.inputLists(), options.inputPrefix()));
    int partitions = options.partitions() > 0 ? options.partitions() : 2 * sc.defaultParallelism();
    Broadcast<HashMap<String, String>> conf = sc.broadcast(settings(hadoop));
    var published = options.published();

    // read: one task per input file (a gzipped WARC cannot be split), in listing order
    int readTasks = Math.max(1, Math.min(listing.files().size(), partitions));
    JavaRDD<Inputs.Item> items =
        sc.parallelize(listing.files(), readTasks)
            .flatMap(f -> Inputs.read(f, configuration(conf.value()), published).iterator())
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaRDD<Article> articles = items.filter(i -> i.article() != null).map(Inputs.Item::article);

    // exact duplicates, then coding: one pipeline per executor
    ExactDuplicates.Result exact = ExactDuplicates.apply(articles, partitions);
    int codingTasks = codingTasks(exact.keptCount(), partitions, sc.defaultParallelism());
    JavaRDD<Coding.Outcome> outcomes =
        exact
            .kept()
            .mapToPair(a -> new Tuple2<>(a.id(), a))
            .partitionBy(new HashPartitioner(codingTasks))
            .values()
            .mapPartitions(it -> Failures.midway("code", options, Coding.code(it), 2))
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaRDD<Coded> coded = outcomes.filter(o -> o.coded() != null).map(Coding.Outcome::coded);

    // near-duplicate families, then merging
    NearDuplicates.Families families = NearDuplicates.of(coded, options.hotBlock(), partitions);
    JavaPairRDD<String, Tuple2<Coded, String>> withFamily =
        coded.mapToPair(c -> new Tuple2<>(c.id(), c)).join(families.family(), partitions);
    withFamily.persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaRDD<ReportRow> reports = withFamily.flatMap(t -> reportRows(t._2._1, t._2._2).iterator());
    JavaRDD<Merging.Out> merged =
        Merging.merge(reports, options.hotBlock(), partitions)
            .filter(o -> kept(o, options))
            .persist(StorageLevel.MEMORY_AND_DISK_SER());

    String runId =
        (spark.sparkContext().applicationId() + "-" + UUID.randomUUID())
            .replaceAll("[^A-Za-z0-9_-]", "_");
    Path staging = Output.staging(target, runId);
    try {
      Output.write(
          spark,
          writing(merged.filter(Merging.Out::event).map(Merging.Out::row), options),
          Output.schema(ExportRows.eventColumns(), true),
          staging,
          "events",
          true);
      Output.write(
          spark,
          writing(merged.filter(o -> !o.event()).map(Merging.Out::row), options),
          Output.schema(ExportRows.reportColumns(), true),
          staging,
          "reports",
          true);
      JavaRDD<Row> articleRows =
          withFamily
              .leftOuterJoin(families.nearest(), partitions)
              .map(t -> articleRow(t._2._1._1, t._2._1._2, t._2._2.orNull()))
              .persist(StorageLevel.MEMORY_AND_DISK_SER());
      Output.write(spark, writing(articleRows, options), ARTICLES, staging, "articles", false);
      JavaRDD<Problem> problems =
          sc.parallelize(listing.problems(), 1)
              .union(items.filter(i -> i.problem() != null).map(Inputs.Item::problem))
              .union(exact.dropped())
              .union(outcomes.filter(o -> o.problem() != null).map(Coding.Outcome::problem));
      problems.persist(StorageLevel.MEMORY_AND_DISK());
      Output.write(
          spark,
          writing(problems.map(AnnalsJob::problemRow), options),
          PROBLEMS,
          staging,
          "problems",
          false);
      Output.commit(hadoop, staging, options);

      Map<String, Long> skipped = new TreeMap<>();
      long warnings = 0;
      for (Map.Entry<Problem, Long> e : reasons(problems).entrySet()) {
        if (e.getKey().warning()) {
          warnings += e.getValue();
        } else {
          skipped.merge(e.getKey().reason(), e.getValue(), Long::sum);
        }
      }
      // as ingest counts: every article read, and every record or input that could not be
      long read =
          listing.problems().size()
              + items.filter(i -> i.article() != null || !i.problem().warning()).count();
      // one pass each over what is cached: stored articles (with or without a nearest), rows
      Map<Boolean, Long> nearest = articleRows.map(r -> !r.isNullAt(NEAREST)).countByValue();
      long stored = nearest.values().stream().mapToLong(Long::longValue).sum();
      long near = nearest.getOrDefault(true, 0L);
      Map<Boolean, Long> rows = merged.map(Merging.Out::event).countByValue();
      long reportCount = rows.getOrDefault(false, 0L);
      long eventCount = rows.getOrDefault(true, 0L);
      return new Summary(
          read, stored, near, skipped, warnings, reportCount, eventCount, target.toString());
    } catch (RuntimeException e) {
      Output.discard(hadoop, staging);
      if (e instanceof JobException j) {
        throw j;
      }
      throw new JobException("the job failed: " + e.getMessage(), e);
    }
  }

  /**
   * How many tasks code the articles: small ones ({@value #ARTICLES_PER_CODING_TASK} articles), so
   * that the cores finish together however long the articles are (a task codes on one core, and a
   * few long tasks would leave the others idle at the end), but at least {@code partitions} and at
   * most 64 per core of the cluster.
   */
  static int codingTasks(long articles, int partitions, int cores) {
    long wanted = (articles + ARTICLES_PER_CODING_TASK - 1) / ARTICLES_PER_CODING_TASK;
    long most = Math.max(partitions, 64L * cores);
    return (int) Math.max(partitions, Math.min(wanted, most));
  }

  static final int ARTICLES_PER_CODING_TASK = 8;

  /** How many problems of each reason (warnings under their reason too). */
  private static Map<Problem, Long> reasons(JavaRDD<Problem> problems) {
    Map<Problem, Long> out = new HashMap<>();
    problems
        .map(p -> new Problem("", p.reason(), ""))
        .countByValue()
        .forEach((k, v) -> out.put(k, v));
    return out;
  }

  /** The rows of one table, with the injected write failure of tests. */
  private static JavaRDD<Row> writing(JavaRDD<Row> rows, JobOptions options) {
    return rows.mapPartitions(it -> Failures.midway("write", options, it, 1));
  }

  /** Whether a row passes {@code --from}/{@code --to}, as the export filters them. */
  private static boolean kept(Merging.Out o, JobOptions options) {
    if (options.from() == null && options.to() == null) {
      return true;
    }
    Object date = o.row().get(DATE_INDEX);
    Object end = o.row().get(DATE_END_INDEX);
    if (date == null) {
      return false;
    }
    java.time.LocalDate start = (java.time.LocalDate) date;
    java.time.LocalDate last = end == null ? start : (java.time.LocalDate) end;
    return (options.from() == null || !last.isBefore(options.from()))
        && (options.to() == null || !start.isAfter(options.to()));
  }

  private static final int DATE_INDEX = index("date");
  private static final int DATE_END_INDEX = index("date_end");

  private static int index(String column) {
    List<ExportRows.Column> columns = ExportRows.reportColumns();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalStateException("no column " + column + " in the export");
  }

  /** One article's reports, with what merging needs of the article. */
  private static List<ReportRow> reportRows(Coded c, String family) {
    List<ReportRow> out = new ArrayList<>();
    for (int i = 0; i < c.reportIds().size(); i++) {
      out.add(
          new ReportRow(
              c.reportIds().get(i), c.reports().get(i), family, c.outlet(), c.published()));
    }
    return out;
  }

  /** The {@code articles/} table: one row per stored article, without its text. */
  static final StructType ARTICLES =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("id", DataTypes.StringType, false),
              DataTypes.createStructField("url", DataTypes.StringType, true),
              DataTypes.createStructField("source", DataTypes.StringType, true),
              DataTypes.createStructField("outlet", DataTypes.StringType, true),
              DataTypes.createStructField("title", DataTypes.StringType, true),
              DataTypes.createStructField("published", DataTypes.DateType, true),
              DataTypes.createStructField("text_hash", DataTypes.StringType, false),
              DataTypes.createStructField("chars", DataTypes.IntegerType, false),
              DataTypes.createStructField("family", DataTypes.StringType, false),
              DataTypes.createStructField("near_duplicate_of", DataTypes.StringType, true),
              DataTypes.createStructField("similarity", DataTypes.DoubleType, true),
              DataTypes.createStructField("origin", DataTypes.StringType, false),
              DataTypes.createStructField("coder", DataTypes.StringType, false),
              DataTypes.createStructField("num_reports", DataTypes.IntegerType, false)));

  private static Row articleRow(Coded c, String family, NearDuplicates.@Nullable Nearest nearest) {
    return RowFactory.create(
        c.id(),
        c.url(),
        c.source(),
        c.outlet(),
        c.title(),
        c.published(),
        c.textHash(),
        c.chars(),
        family,
        nearest == null ? null : nearest.id(),
        nearest == null ? null : nearest.similarity(),
        c.origin(),
        c.coder(),
        c.reportIds().size());
  }

  private static final int NEAREST = ARTICLES.fieldIndex("near_duplicate_of");

  /** The {@code problems/} table: every input or article skipped, and every warning. */
  static final StructType PROBLEMS =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("origin", DataTypes.StringType, false),
              DataTypes.createStructField("reason", DataTypes.StringType, false),
              DataTypes.createStructField("message", DataTypes.StringType, false),
              DataTypes.createStructField("warning", DataTypes.BooleanType, false)));

  private static Row problemRow(Problem p) {
    return RowFactory.create(p.origin(), p.reason(), p.message(), p.warning());
  }

  /** The driver's Hadoop settings (credentials, file systems), for the executors' readers. */
  private static HashMap<String, String> settings(Configuration conf) {
    HashMap<String, String> out = new HashMap<>();
    for (Map.Entry<String, String> e : conf) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  private static Configuration configuration(Map<String, String> settings) {
    Configuration c = new Configuration(false);
    settings.forEach(c::set);
    return c;
  }
}
