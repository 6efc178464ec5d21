package org.annals.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.annals.ingest.RawArticle;
import org.annals.lexicon.Lexicon;
import org.annals.pipeline.Pipeline;
import org.annals.place.Gazetteer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code annals bench FILE.jsonl}: throughput and peak heap of the whole coding path. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the whole coding path (read, clean, NLP, code, date, place, merge) on a corpus:",
      "articles/s, sentences/s, peak heap (sum of the heap pools' peaks) and live heap after a",
      "full GC (what the models and coder keep), median of several runs after a warm-up.",
      "Run it through ./annals, which sets the heap limit (ANNALS_HEAP, default 2g)."
    })
final class BenchCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "a .jsonl corpus")
  String file;

  @Option(names = "--runs", defaultValue = "3", description = "measured runs (default 3)")
  int runs;

  @Option(names = "--warmup", defaultValue = "200", description = "warm-up articles (default 200)")
  int warmup;

  @Option(names = "--limit", defaultValue = "0", description = "articles per run (0 = all)")
  int limit;

  @Option(
      names = "--places-overhead",
      description = "alternate runs without and with geocoding and print what geocoding adds")
  boolean placesOverhead;

  @Option(
      names = "--coder-overhead",
      description =
          "alternate runs with the rules alone (--coder rules) and with the hybrid coder, and print"
              + " what the classifier adds and where its time goes")
  boolean coderOverhead;

  @Option(names = "--threads", defaultValue = "2", description = "worker threads (default 2)")
  int threads;

  @picocli.CommandLine.Mixin Options.Coder coder;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--ingest",
      description =
          "measure end-to-end ingest into a fresh store (read,"
              + " code, dedupe, store), alternating with runs that only read and code")
  boolean ingest;

  @Option(
      names = "--batch",
      defaultValue = "100",
      description = "with --ingest: articles per store transaction (default 100)")
  int batch;

  @Option(
      names = "--store-scale",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "code the corpus once, then ingest varied copies of it (new ids, words, days, places)"
              + " into a fresh store until it holds N articles, printing the store's time per"
              + " batch as it grows (use --batch)")
  int storeScale;

  private final PrintStream out;
  private final PrintStream err;
  private String withoutName = "";

  BenchCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Options.threads(spec, threads);
    int[] skipped = new int[1];
    List<RawArticle> articles = Runner.read(List.of(file), System.in, null, p -> skipped[0]++);
    if (articles.isEmpty()) {
      err.println("annals: no article could be read from " + file);
      return 1;
    }
    if (limit > 0 && articles.size() > limit) {
      articles = articles.subList(0, limit);
    }
    Lexicon lexicon = Lexicon.builtIn(); // timed apart from the gazetteer
    System.gc();
    long heap0 = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    long g0 = System.nanoTime();
    Gazetteer.of(lexicon);
    double gazetteerSecs = (System.nanoTime() - g0) / 1e9;
    System.gc();
    long gazetteerHeap =
        Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory() - heap0;
    long t0 = System.nanoTime();
    if (placesOverhead && coderOverhead) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--places-overhead and --coder-overhead: choose one");
    }
    org.annals.classify.EventClassifier classifier = coder.classifier(spec);
    TimedClassifier timed = classifier == null ? null : new TimedClassifier(classifier);
    Pipeline pipeline = Runner.pipeline(lexicon, false, null, true, timed);
    Pipeline without =
        placesOverhead
            ? Runner.pipeline(lexicon, false, null, false, timed)
            : coderOverhead ? Runner.pipeline(lexicon, false, null, true, null) : null;
    withoutName = placesOverhead ? "without geocoding" : "with the rules alone";
    out.printf(
        Locale.ROOT,
        "bench: %s: %d articles (%d unreadable skipped), %d threads, max heap %d MB%n",
        Path.of(file).getFileName(),
        articles.size(),
        skipped[0],
        threads,
        Runtime.getRuntime().maxMemory() >> 20);
    out.printf(
        Locale.ROOT,
        "  model load %.1f s; gazetteer load %.2f s, %d MB of heap%n",
        (System.nanoTime() - t0) / 1e9,
        gazetteerSecs,
        gazetteerHeap >> 20);
    Runner.process(
        pipeline, articles.subList(0, Math.min(warmup, articles.size())), threads, r -> {});
    if (timed != null) {
      timed.reset();
    }
    if (storeScale > 0) {
      return new StoreScaleBench(out, pipeline, threads, batch).run(articles, storeScale);
    }
    if (ingest) {
      return ingestRuns(pipeline);
    }
    if (without != null) {
      Runner.process(
          without, articles.subList(0, Math.min(warmup, articles.size())), threads, r -> {});
    }
    List<Double> withoutRates = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    List<Double> sentenceRates = new ArrayList<>();
    long peak = 0;
    long maxLive = 0;
    for (int run = 1; run <= runs; run++) {
      // Alternate which goes first, so neither always runs on a cooler JIT or a busier machine.
      if (without != null && run % 2 == 1) {
        withoutRates.add(runWithout(without, articles, run));
      }
      System.gc();
      resetPeaks();
      long[] totals = new long[4]; // sentences, analysed, events, problems
      long start = System.nanoTime();
      Runner.process(
          pipeline,
          articles,
          threads,
          r -> {
            totals[0] += r.sentences();
            totals[1] += r.analysed();
            totals[2] += r.events().size();
            totals[3] += r.problem() == null ? 0 : 1;
          });
      double secs = (System.nanoTime() - start) / 1e9;
      long runPeak = peakHeap();
      peak = Math.max(peak, runPeak);
      System.gc();
      long live = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      maxLive = Math.max(maxLive, live);
      rates.add(articles.size() / secs);
      sentenceRates.add(totals[0] / secs);
      out.printf(
          Locale.ROOT,
          "  run %d: %.1f s, %.1f articles/s, %.0f sentences/s (%d of %d analysed), %d events,"
              + " %d skipped, peak heap %d MB, live heap after GC %d MB%n",
          run,
          secs,
          articles.size() / secs,
          totals[0] / secs,
          totals[1],
          totals[0],
          totals[2],
          totals[3],
          runPeak >> 20,
          live >> 20);
      if (without != null && run % 2 == 0) {
        withoutRates.add(runWithout(without, articles, run));
      }
    }
    out.printf(
        Locale.ROOT,
        "median: %.1f articles/s, %.0f sentences/s, peak heap %d MB, live heap after GC %d MB%n",
        median(rates),
        median(sentenceRates),
        peak >> 20,
        maxLive >> 20);
    if (without != null) {
      double a = median(withoutRates);
      double b = median(rates);
      if (placesOverhead) {
        out.printf(
            Locale.ROOT,
            "geocoding: %.1f articles/s without, %.1f with: adds %.1f%% to the coding time%n",
            a,
            b,
            (a / b - 1) * 100);
      } else {
        out.printf(
            Locale.ROOT,
            "coder: %.1f articles/s with the rules alone, %.1f hybrid: the hybrid keeps %.0f%% of"
                + " the rules' throughput%n",
            a,
            b,
            100 * b / a);
      }
    }
    if (timed != null) {
      out.println("classifier: " + timed.summary(articles.size() * (long) runs));
    }
    return 0;
  }

  private int ingestRuns(Pipeline pipeline) {
    IngestBench bench = new IngestBench(out, pipeline, threads, batch);
    List<Double> coded = new ArrayList<>();
    List<Double> ingested = new ArrayList<>();
    long peak = 0;
    for (int run = 1; run <= runs; run++) {
      // Alternate which goes first, so neither always runs on a cooler JIT or a busier machine.
      if (run % 2 == 1) {
        coded.add(bench.codeRun(file, limit, run));
      }
      System.gc();
      ingested.add(bench.ingestRun(file, limit, run));
      peak = Math.max(peak, peakHeap());
      if (run % 2 == 0) {
        coded.add(bench.codeRun(file, limit, run));
      }
    }
    double a = median(coded);
    double b = median(ingested);
    out.printf(
        Locale.ROOT,
        "median: ingest %.1f articles/s end to end, code only %.1f articles/s:"
            + " the store adds %.1f%%; peak heap %d MB%n",
        b,
        a,
        (a / b - 1) * 100,
        peak >> 20);
    return 0;
  }

  private double runWithout(Pipeline without, List<RawArticle> articles, int run) {
    System.gc();
    long start = System.nanoTime();
    Runner.process(without, articles, threads, r -> {});
    double secs = (System.nanoTime() - start) / 1e9;
    out.printf(
        Locale.ROOT,
        "  run %d %s: %.1f s, %.1f articles/s%n",
        run,
        withoutName,
        secs,
        articles.size() / secs);
    return articles.size() / secs;
  }

  static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peak usage since the last reset. */
  static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
