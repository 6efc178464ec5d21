package org.annals.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.annals.ingest.ArticleReader;
import org.annals.ingest.RawArticle;
import org.annals.pipeline.Pipeline;
import org.annals.store.EventStore;
import org.annals.store.IngestSummary;
import org.annals.store.Ingester;

/**
 * {@code annals bench FILE --ingest}: end-to-end ingest (read, clean, code, geocode, dedupe, store)
 * into a fresh store per run, alternating with runs that read and code the same file without the
 * store, so the store's share of the time is measured on the same warm JVM.
 */
final class IngestBench {
  private final PrintStream out;
  private final Pipeline pipeline;
  private final int threads;
  private final int batch;

  IngestBench(PrintStream out, Pipeline pipeline, int threads, int batch) {
    this.out = out;
    this.pipeline = pipeline;
    this.threads = threads;
    this.batch = batch;
  }

  /** One run of the whole ingest into a new store; returns articles/s. */
  double ingestRun(String file, int limit, int run) {
    Path dir;
    try {
      dir = Files.createTempDirectory("annals-bench");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the store", e);
    }
    Path db = dir.resolve("bench.duckdb");
    BenchCommand.resetPeaks();
    long start = System.nanoTime();
    IngestSummary s;
    try (EventStore store = EventStore.open(db)) {
      Ingester ingester =
          new Ingester(store, Runner.coder(pipeline, threads), p -> {}, x -> {}, batch);
      int[] n = new int[1];
      new ArticleReader(
              a -> {
                if (limit <= 0 || n[0]++ < limit) {
                  ingester.add(a);
                }
              },
              ingester::problem)
          .read(file, System.in);
      s = ingester.finish();
    }
    double secs = (System.nanoTime() - start) / 1e9;
    long peak = BenchCommand.peakHeap();
    long size = db.toFile().length() + db.resolveSibling("bench.duckdb.wal").toFile().length();
    out.printf(
        Locale.ROOT,
        "  run %d ingest: %.1f s, %.1f articles/s (coding %.1f s, dedupe and"
            + " store %.1f s = %.1f%%), %d stored, %d skipped, %d reports, %d events, store %d MB,"
            + " peak heap %d MB%n",
        run,
        secs,
        s.read() / secs,
        s.codingSeconds(),
        s.storeSeconds(),
        100 * s.storeSeconds() / s.codingSeconds(),
        s.stored(),
        s.skippedTotal(),
        s.reports(),
        s.events(),
        size >> 20,
        peak >> 20);
    deleteQuietly(db, dir);
    return s.read() / secs;
  }

  /** One run that reads and codes the same articles without a store; returns articles/s. */
  double codeRun(String file, int limit, int run) {
    BenchCommand.resetPeaks();
    long start = System.nanoTime();
    List<RawArticle> articles = Runner.read(List.of(file), System.in, null, p -> {});
    if (limit > 0 && articles.size() > limit) {
      articles = articles.subList(0, limit);
    }
    Runner.process(pipeline, articles, threads, r -> {});
    double secs = (System.nanoTime() - start) / 1e9;
    out.printf(
        Locale.ROOT,
        "  run %d code only: %.1f s, %.1f articles/s, peak heap %d MB%n",
        run,
        secs,
        articles.size() / secs,
        BenchCommand.peakHeap() >> 20);
    return articles.size() / secs;
  }

  private static void deleteQuietly(Path db, Path dir) {
    try {
      Files.deleteIfExists(db);
      Files.deleteIfExists(db.resolveSibling("bench.duckdb.wal"));
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // a temporary file left behind is harmless
    }
  }
}
