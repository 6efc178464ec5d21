package org.annals.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.annals.cli.Coders;
import org.annals.ingest.ArticleReader;
import org.annals.store.EventStore;
import org.annals.store.Exporter;
import org.annals.store.IngestSummary;
import org.annals.store.Ingester;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;

/**
 * {@code spark/run-local.sh bench --input PATH [--published D] [--runs N]}: the job in local mode
 * against the single-machine path ({@code annals ingest} into a fresh store, then {@code annals
 * export --format parquet} of events and reports) on the same input, in one JVM, runs alternating,
 * after one warm-up of each (models loaded, code compiled). Prints articles/s of each run, the
 * medians and their ratio. A benchmark, not a test: it asserts nothing.
 */
public final class JobBench {
  private JobBench() {}

  public static void main(String[] args) throws IOException {
    List<String> input = new ArrayList<>();
    LocalDate published = null;
    int runs = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--input" -> input.add(args[++i]);
        case "--published" -> published = LocalDate.parse(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        default -> {
          System.err.println(
              "usage: run-local.sh bench --input PATH [--published YYYY-MM-DD] [--runs N]");
          System.exit(2);
        }
      }
    }
    if (input.isEmpty()) {
      System.err.println("run-local.sh bench: give --input PATH");
      System.exit(2);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    SparkSession spark =
        SparkSession.builder()
            .master(System.getProperty("spark.master", "local[" + cores + "]"))
            .appName("annals-bench")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    Path tmp = Files.createTempDirectory("annals-bench");
    // one coder for every ingest run, as one pipeline serves every job run: both stay loaded
    Ingester.Coder coder = Coders.hybrid(cores);
    StageTimes stages = new StageTimes();
    spark.sparkContext().addSparkListener(stages);
    List<Double> single = new ArrayList<>();
    List<Double> job = new ArrayList<>();
    try {
      for (int r = 0; r <= runs; r++) {
        String label = r == 0 ? "warm-up" : "run " + r;
        double[] s = ingest(input, published, tmp.resolve("store-" + r + ".duckdb"), coder);
        stages.reset();
        double[] j = job(spark, input, published, tmp.resolve("job-" + r));
        System.out.printf(
            Locale.ROOT,
            "%-8s ingest+export %6.1f s %7.2f articles/s | spark job %6.1f s %7.2f articles/s"
                + " | job/ingest time %.2f%n",
            label,
            s[1],
            s[0] / s[1],
            j[1],
            j[0] / j[1],
            j[1] / s[1]);
        System.out.print(stages.summary(Integer.getInteger("annals.bench.stages", 5)));
        if (r > 0) {
          single.add(s[0] / s[1]);
          job.add(j[0] / j[1]);
        }
        delete(tmp);
        Files.createDirectories(tmp);
      }
    } finally {
      spark.stop();
      delete(tmp);
    }
    double ms = median(single);
    double mj = median(job);
    System.out.printf(
        Locale.ROOT,
        "median of %d: ingest+export %.2f articles/s, spark job (local, %d cores) %.2f articles/s;"
            + " the job costs %.2f x the single-machine time%n",
        runs,
        ms,
        cores,
        mj,
        ms / mj);
  }

  /** Articles read and seconds for ingest + export. */
  private static double[] ingest(
      List<String> input, LocalDate published, Path db, Ingester.Coder coder) {
    long t0 = System.nanoTime();
    IngestSummary summary;
    try (EventStore store = EventStore.open(db)) {
      Ingester ingester = new Ingester(store, coder, p -> {}, s -> {}, 100);
      ArticleReader reader =
          new ArticleReader(
              a -> ingester.add(a.withDefaultPublished(published)), ingester::problem);
      for (String i : input) {
        reader.read(i, new ByteArrayInputStream(new byte[0]));
      }
      summary = ingester.finish();
      Exporter exporter = new Exporter(store);
      Exporter.Filter all = new Exporter.Filter(null, null, null, null);
      Path dir = db.resolveSibling(db.getFileName() + ".export");
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      exporter.export("parquet", all, false, dir.resolve("events.parquet"), System.out, new int[1]);
      exporter.export("parquet", all, true, dir.resolve("reports.parquet"), System.out, new int[1]);
    }
    return new double[] {summary.read(), (System.nanoTime() - t0) / 1e9};
  }

  /** Articles read and seconds for the job. */
  private static double[] job(
      SparkSession spark, List<String> input, LocalDate published, Path out) {
    List<String> args = new ArrayList<>();
    for (String i : input) {
      args.add("--input");
      args.add(i);
    }
    if (published != null) {
      args.add("--published");
      args.add(published.toString());
    }
    args.add("--output");
    args.add(out.toString());
    long t0 = System.nanoTime();
    AnnalsJob.Summary s = AnnalsJob.run(spark, JobOptions.parse(args.toArray(String[]::new)));
    return new double[] {s.read(), (System.nanoTime() - t0) / 1e9};
  }

  /** Where a job run's time went: its stages by call site, the longest first. */
  private static final class StageTimes extends SparkListener {
    private final Map<String, long[]> byName = new ConcurrentHashMap<>();
    private final Map<Integer, String> stageNames = new ConcurrentHashMap<>();
    private final Map<String, Long> taskMs = new ConcurrentHashMap<>();

    void reset() {
      byName.clear();
      stageNames.clear();
      taskMs.clear();
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
      stageNames.put(submitted.stageInfo().stageId(), submitted.stageInfo().name());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      String name = stageNames.getOrDefault(end.stageId(), "?");
      taskMs.merge(name, end.taskInfo().duration(), Long::sum);
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted completed) {
      StageInfo info = completed.stageInfo();
      long ms =
          (long) info.completionTime().getOrElse(() -> 0L)
              - (long) info.submissionTime().getOrElse(() -> 0L);
      byName.compute(
          info.name(), (k, v) -> v == null ? new long[] {1, ms} : new long[] {v[0] + 1, v[1] + ms});
    }

    String summary(int top) {
      long stages = byName.values().stream().mapToLong(v -> v[0]).sum();
      long ms = byName.values().stream().mapToLong(v -> v[1]).sum();
      StringBuilder b =
          new StringBuilder(
              String.format(
                  Locale.ROOT, "         %d stages, %.1f s in stages; longest:", stages, ms / 1e3));
      byName.entrySet().stream()
          .sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]))
          .limit(top)
          .forEach(
              e ->
                  b.append(
                      String.format(
                          Locale.ROOT,
                          " %s %.1f s (%d stages, tasks %.1f s);",
                          e.getKey(),
                          e.getValue()[1] / 1e3,
                          e.getValue()[0],
                          taskMs.getOrDefault(e.getKey(), 0L) / 1e3)));
      return b.append(System.lineSeparator()).toString();
    }
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(Comparator.naturalOrder());
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
