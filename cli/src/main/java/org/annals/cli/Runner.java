package org.annals.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.annals.classify.EventClassifier;
import org.annals.ingest.ArticleReader;
import org.annals.ingest.InputProblem;
import org.annals.ingest.RawArticle;
import org.annals.lexicon.Lexicon;
import org.annals.nlp.corenlp.CoreNlpAnnotator;
import org.annals.pipeline.ArticleResult;
import org.annals.pipeline.Pipeline;
import org.annals.place.Gazetteer;
import org.annals.store.Ingester;
import org.jspecify.annotations.Nullable;

/**
 * Reads inputs and runs the pipeline over their articles on a small thread pool, handing results to
 * the consumer in input order. Bad inputs are reported through the problem consumer and skipped.
 */
final class Runner {
  private static volatile @Nullable CoreNlpAnnotator annotator;

  private Runner() {}

  /** The shared CoreNLP annotator (models load once per process). */
  static CoreNlpAnnotator annotator() {
    CoreNlpAnnotator a = annotator;
    if (a == null) {
      synchronized (Runner.class) {
        a = annotator;
        if (a == null) {
          a = CoreNlpAnnotator.create();
          annotator = a;
        }
      }
    }
    return a;
  }

  static Pipeline pipeline(@Nullable Path lexiconDir, boolean analyseAll) {
    return pipeline(lexiconDir, analyseAll, null);
  }

  static Pipeline pipeline(
      @Nullable Path lexiconDir, boolean analyseAll, @Nullable Consumer<String> explain) {
    return pipeline(lexiconDir, analyseAll, explain, true);
  }

  static Pipeline pipeline(
      @Nullable Path lexiconDir,
      boolean analyseAll,
      @Nullable Consumer<String> explain,
      boolean geocode) {
    return pipeline(lexiconDir, analyseAll, explain, geocode, null);
  }

  /** A pipeline whose types {@code classifier} decides beside the rules (null: rules alone). */
  static Pipeline pipeline(
      @Nullable Path lexiconDir,
      boolean analyseAll,
      @Nullable Consumer<String> explain,
      boolean geocode,
      @Nullable EventClassifier classifier) {
    return pipeline(
        lexiconDir == null ? Lexicon.builtIn() : Lexicon.load(lexiconDir),
        analyseAll,
        explain,
        geocode,
        classifier);
  }

  static Pipeline pipeline(
      Lexicon lexicon,
      boolean analyseAll,
      @Nullable Consumer<String> explain,
      boolean geocode,
      @Nullable EventClassifier classifier) {
    Gazetteer.preload(lexicon); // loads while CoreNLP's models load
    return new Pipeline(lexicon, annotator(), analyseAll, explain, geocode, classifier);
  }

  /**
   * A coder for the store's ingester: the pipeline (built on first use, so a run that finds every
   * article already stored never loads the models) over {@code threads} workers. Its {@link
   * Ingester.Coder#version} loads the lexicon and the classifier, not the NLP models.
   */
  static Ingester.Coder coder(
      @Nullable Path lexiconDir, int threads, Supplier<@Nullable EventClassifier> classifier) {
    return coder(lexiconDir, threads, classifier, () -> {}, () -> {});
  }

  /**
   * As above; {@code loading} runs before the models load (the first batch to code), {@code coded}
   * after each article is coded, so progress can be shown per article.
   */
  static Ingester.Coder coder(
      @Nullable Path lexiconDir,
      int threads,
      Supplier<@Nullable EventClassifier> classifier,
      Runnable loading,
      Runnable coded) {
    return new LazyCoder(lexiconDir, threads, classifier, loading, coded);
  }

  /** A coder for the store's ingester: {@code pipeline} over {@code threads} workers. */
  static Ingester.Coder coder(Pipeline pipeline, int threads) {
    return coder(pipeline, threads, () -> {});
  }

  private static Ingester.Coder coder(Pipeline pipeline, int threads, Runnable coded) {
    return new Ingester.Coder() {
      @Override
      public List<ArticleResult> code(List<RawArticle> batch) {
        List<ArticleResult> out = new ArrayList<>(batch.size());
        process(
            pipeline,
            batch,
            threads,
            r -> {
              out.add(r);
              coded.run();
            });
        return out;
      }

      @Override
      public String version() {
        return pipeline.identity();
      }
    };
  }

  /** The pipeline's parts, loaded when first asked for. */
  private static final class LazyCoder implements Ingester.Coder {
    private final @Nullable Path lexiconDir;
    private final int threads;
    private final Supplier<@Nullable EventClassifier> classifierSource;
    private @Nullable Lexicon lexicon;
    private @Nullable EventClassifier classifier;
    private @Nullable String version;
    private final Runnable loading;
    private final Runnable coded;
    private Ingester.@Nullable Coder coder;

    LazyCoder(
        @Nullable Path lexiconDir,
        int threads,
        Supplier<@Nullable EventClassifier> classifier,
        Runnable loading,
        Runnable coded) {
      this.lexiconDir = lexiconDir;
      this.threads = threads;
      this.classifierSource = classifier;
      this.loading = loading;
      this.coded = coded;
    }

    private synchronized Lexicon lexicon() {
      Lexicon l = lexicon;
      if (l == null) {
        l = lexiconDir == null ? Lexicon.builtIn() : Lexicon.load(lexiconDir);
        classifier = classifierSource.get();
        version = Pipeline.identity(l, classifier);
        lexicon = l;
      }
      return l;
    }

    @Override
    public synchronized String version() {
      lexicon();
      return java.util.Objects.requireNonNull(version);
    }

    @Override
    public synchronized List<ArticleResult> code(List<RawArticle> batch) {
      Ingester.Coder c = coder;
      if (c == null) {
        loading.run();
        c = coder(pipeline(lexicon(), false, null, true, classifier), threads, coded);
        coder = c;
      }
      return c.code(batch);
    }
  }

  /** Reads every input, returning the articles (problems go to {@code problems}). */
  static List<RawArticle> read(
      List<String> inputs,
      InputStream stdin,
      @Nullable LocalDate published,
      Consumer<InputProblem> problems) {
    List<RawArticle> articles = new ArrayList<>();
    ArticleReader reader =
        new ArticleReader(a -> articles.add(a.withDefaultPublished(published)), problems);
    for (String input : inputs) {
      reader.read(input, stdin);
    }
    return articles;
  }

  /** Processes articles with {@code threads} workers; results reach {@code sink} in input order. */
  static void process(
      Pipeline pipeline, List<RawArticle> articles, int threads, Consumer<ArticleResult> sink) {
    if (threads <= 1 || articles.size() <= 1) {
      for (RawArticle a : articles) {
        sink.accept(pipeline.process(a));
      }
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "annals-worker");
              t.setDaemon(true);
              return t;
            });
    try {
      BlockingQueue<Future<ArticleResult>> inFlight = new ArrayBlockingQueue<>(threads * 4);
      int next = 0;
      while (next < articles.size() || !inFlight.isEmpty()) {
        while (next < articles.size() && inFlight.remainingCapacity() > 0) {
          RawArticle a = articles.get(next++);
          inFlight.add(pool.submit(() -> pipeline.process(a)));
        }
        sink.accept(inFlight.remove().get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a worker failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  static void report(PrintStream err, InputProblem p) {
    err.println(p);
  }

  /**
   * What a command did with its articles: coded, or skipped (unreadable, rejected, failed); a
   * warning (a bad publication date, coded without it) is not a skip.
   */
  static final class Batch {
    int coded;
    int skipped;
    int warnings;
  }

  /** Reports a reader's problem and counts it: a skip, or a warning for a bad date. */
  static void problem(PrintStream err, Batch batch, InputProblem p) {
    if (p.reason().equals("bad-date")) {
      batch.warnings++;
    } else {
      batch.skipped++;
    }
    report(err, p);
  }

  /** Input names for a message, control characters escaped. */
  static String names(List<String> inputs) {
    return InputProblem.escape(String.join(", ", inputs));
  }

  /** Reads the inputs, reporting and counting bad ones; says so if nothing could be read. */
  static List<RawArticle> readAll(
      List<String> inputs,
      InputStream stdin,
      @Nullable LocalDate published,
      PrintStream err,
      Batch batch) {
    List<RawArticle> articles = read(inputs, stdin, published, p -> problem(err, batch, p));
    if (articles.isEmpty()) {
      err.println("annals: no article could be read from " + names(inputs));
    }
    return articles;
  }

  /**
   * Processes the articles; skipped ones are reported and counted, coded ones go to {@code sink}.
   */
  static void processAll(
      Pipeline pipeline,
      List<RawArticle> articles,
      int threads,
      PrintStream err,
      Batch batch,
      Consumer<ArticleResult> sink) {
    process(
        pipeline,
        articles,
        threads,
        r -> {
          if (r.problem() != null) {
            batch.skipped++;
            report(err, r.problem());
            return;
          }
          batch.coded++;
          sink.accept(r);
        });
  }
}
