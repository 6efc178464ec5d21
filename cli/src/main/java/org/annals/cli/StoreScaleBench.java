package org.annals.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.annals.event.CodedEvent;
import org.annals.event.CodedEvent.Evidence;
import org.annals.event.CodedEvent.Location;
import org.annals.ingest.RawArticle;
import org.annals.pipeline.ArticleResult;
import org.annals.pipeline.Pipeline;
import org.annals.store.EventStore;
import org.annals.store.IngestSummary;
import org.annals.store.Ingester;
import org.jspecify.annotations.Nullable;

/**
 * {@code annals bench FILE --store-scale N}: how the store's time per batch grows with the store.
 * The corpus is coded once by the real pipeline; then copies of it, each with new ids, words, days
 * and places, are ingested through the {@link Ingester} (duplicate checks, near-duplicate families,
 * reports, merging) until the store holds {@code N} articles, printing the store's time per batch
 * (everything but coding) as it grows.
 *
 * <p>Copy {@code c} of article {@code i} is published on day {@code (c·n + i) / perDay} of the run,
 * so the store fills in the order a crawl would; its reports are the original's, moved by the same
 * number of days; every fourth word of its text is replaced by letters of the same length, so
 * copies are neither duplicates nor near-duplicates of each other; each copy moves its places by up
 * to three degrees and names them apart, as another region's news would.
 */
final class StoreScaleBench {
  private static final LocalDate DAY0 = LocalDate.of(2020, 1, 6);

  /** Articles per day of the generated crawl: a busy international news feed. */
  private static final int PER_DAY = 300;

  /** Batches in each window whose median is printed. */
  private static final int WINDOW = 20;

  private final PrintStream out;
  private final Pipeline pipeline;
  private final int threads;
  private final int batch;

  StoreScaleBench(PrintStream out, Pipeline pipeline, int threads, int batch) {
    this.out = out;
    this.pipeline = pipeline;
    this.threads = threads;
    this.batch = batch;
  }

  int run(List<RawArticle> corpus, int target) {
    List<RawArticle> base = new ArrayList<>();
    for (RawArticle a : corpus) {
      base.add(new RawArticle(a.id(), a.title(), a.text(), DAY0, a.url(), a.source(), a.origin()));
    }
    long t0 = System.nanoTime();
    Map<String, ArticleResult> coded = new HashMap<>();
    Runner.process(pipeline, base, threads, r -> coded.put(r.article().id(), r));
    long reports = coded.values().stream().mapToLong(r -> r.events().size()).sum();
    out.printf(
        Locale.ROOT,
        "store-scale: coded %d articles once in %.0f s (%d reports); ingesting copies to %d"
            + " articles, %d a batch, %d a day%n",
        base.size(),
        (System.nanoTime() - t0) / 1e9,
        reports,
        target,
        batch,
        PER_DAY);
    Path dir;
    try {
      dir = Files.createTempDirectory("annals-store-scale");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the store", e);
    }
    Path db = dir.resolve("scale.duckdb");
    List<Double> perBatch = new ArrayList<>();
    double[] lastSeconds = {0};
    int[] reported = {0};
    IngestSummary s;
    long start = System.nanoTime();
    try (EventStore store = EventStore.open(db)) {
      Replay replay = new Replay(coded);
      Ingester ingester =
          new Ingester(
              store,
              replay,
              p -> {},
              sum -> {
                perBatch.add((sum.storeSeconds() - lastSeconds[0]) * 1000);
                lastSeconds[0] = sum.storeSeconds();
                if (sum.stored() >= (reported[0] + 1) * (long) target / 10) {
                  reported[0]++;
                  progress(sum, perBatch, start, store.largestCluster());
                }
              },
              batch);
      int n = base.size();
      for (int copy = 0; (long) copy * n < target; copy++) {
        for (int i = 0; i < n && (long) copy * n + i < target; i++) {
          ingester.add(replay.variant(base.get(i), copy, (copy * (long) n + i) / PER_DAY));
        }
      }
      s = ingester.finish();
    }
    long size = db.toFile().length() + db.resolveSibling("scale.duckdb.wal").toFile().length();
    double first = median(perBatch.subList(0, Math.min(WINDOW, perBatch.size())));
    double last = median(perBatch.subList(Math.max(0, perBatch.size() - WINDOW), perBatch.size()));
    out.printf(
        Locale.ROOT,
        "store-scale: %d articles stored in %d batches, %d reports, %d events, store %d MB;"
            + " store time per batch, median of the first %d: %.0f ms, of the last %d: %.0f ms"
            + " (%.2f×)%n",
        s.stored(),
        perBatch.size(),
        s.reports(),
        s.events(),
        size >> 20,
        WINDOW,
        first,
        WINDOW,
        last,
        last / first);
    try {
      Files.deleteIfExists(db);
      Files.deleteIfExists(db.resolveSibling("scale.duckdb.wal"));
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // a temporary file left behind is harmless
    }
    return 0;
  }

  private void progress(IngestSummary sum, List<Double> perBatch, long start, int largest) {
    List<Double> window = perBatch.subList(Math.max(0, perBatch.size() - WINDOW), perBatch.size());
    out.printf(
        Locale.ROOT,
        "  %7d articles, %7d reports, %7d events, largest cluster %d reports: store %.0f ms a batch"
            + " (median of the last %d), %.0f s so far, heap %d MB%n",
        sum.stored(),
        sum.reports(),
        sum.events(),
        largest,
        median(window),
        window.size(),
        (System.nanoTime() - start) / 1e9,
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
  }

  private static double median(List<Double> xs) {
    if (xs.isEmpty()) {
      return 0;
    }
    List<Double> sorted = new ArrayList<>(xs);
    sorted.sort(null);
    int m = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
  }

  /**
   * Gives each generated article the reports of the original, moved to the copy's days and places.
   */
  private static final class Replay implements Ingester.Coder {
    private final Map<String, ArticleResult> coded;
    private final Map<String, Variant> variants = new HashMap<>();

    Replay(Map<String, ArticleResult> coded) {
      this.coded = coded;
    }

    private record Variant(String baseId, int copy, long days) {}

    RawArticle variant(RawArticle a, int copy, long day) {
      String id = a.id() + "~" + copy;
      LocalDate published = DAY0.plusDays(day);
      variants.put(id, new Variant(a.id(), copy, ChronoUnit.DAYS.between(DAY0, published)));
      return new RawArticle(
          id,
          a.title(),
          words(a.text(), id),
          published,
          "https://bench.example/" + id,
          a.source() != null ? a.source() : "Outlet " + (Math.abs(a.id().hashCode()) % 40),
          "bench:" + id);
    }

    @Override
    public String version() {
      return "store-scale";
    }

    @Override
    public List<ArticleResult> code(List<RawArticle> batch) {
      List<ArticleResult> out = new ArrayList<>();
      for (RawArticle a : batch) {
        Variant v = variants.remove(a.id());
        ArticleResult r = coded.get(v.baseId());
        List<CodedEvent> events = new ArrayList<>();
        for (CodedEvent e : r.events()) {
          events.add(moved(e, a.id(), v));
        }
        out.add(new ArticleResult(a, events, List.of(), r.problem(), r.sentences(), r.analysed()));
      }
      return out;
    }

    private static CodedEvent moved(CodedEvent e, String articleId, Variant v) {
      List<Evidence> evidence = new ArrayList<>();
      for (Evidence x : e.evidence()) {
        evidence.add(
            new Evidence(
                articleId,
                x.sentence(),
                x.start(),
                x.end(),
                x.trigger(),
                x.triggerStart(),
                x.triggerEnd(),
                x.rule()));
      }
      return new CodedEvent(
          e.id().startsWith(e.articleId())
              ? articleId + e.id().substring(e.articleId().length())
              : articleId + "#" + e.id(),
          articleId,
          shift(e.date(), v.days()),
          shift(e.dateEnd(), v.days()),
          e.datePrecision(),
          e.dateBasis(),
          e.dateText(),
          e.background(),
          e.plover(),
          e.cameo(),
          e.acled(),
          e.source(),
          e.target(),
          moved(e.location(), v.copy()),
          e.fatalities(),
          e.confidence(),
          evidence,
          e.coder());
    }

    private static @Nullable String shift(@Nullable String date, long days) {
      return date == null ? null : LocalDate.parse(date).plusDays(days).toString();
    }

    /** Copy {@code c}'s place: up to 3° away on a 9×9 grid, named apart (copy 0 as it was). */
    private static Location moved(Location l, int copy) {
      if (copy == 0) {
        return l;
      }
      int cell = copy % 81;
      double dLat = (cell % 9 - 4) * 0.75;
      double dLon = (cell / 9 - 4) * 0.75;
      return new Location(
          l.name() == null ? null : l.name() + " " + copy,
          l.country(),
          l.admin1(),
          l.lat() == null ? null : Math.max(-89.0, Math.min(89.0, l.lat() + dLat)),
          l.lon() == null ? null : l.lon() + dLon,
          l.precision(),
          l.geonamesId());
    }

    /** Every fourth word of three letters or more replaced by letters of the same length. */
    private static String words(String text, String id) {
      StringBuilder b = new StringBuilder(text);
      long seed = id.hashCode() * 0x9E3779B97F4A7C15L;
      int word = 0;
      int i = 0;
      while (i < b.length()) {
        if (!Character.isLetter(b.charAt(i))) {
          i++;
          continue;
        }
        int j = i;
        while (j < b.length() && Character.isLetter(b.charAt(j))) {
          j++;
        }
        if (j - i >= 3 && word++ % 4 == 3) {
          for (int k = i; k < j; k++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            b.setCharAt(k, (char) ('a' + (int) ((seed >>> 33) % 26)));
          }
        }
        i = j;
      }
      return b.toString();
    }
  }
}
