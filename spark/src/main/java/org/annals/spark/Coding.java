package org.annals.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.annals.cli.Coders;
import org.annals.dedup.MinHash;
import org.annals.event.CodedEvent;
import org.annals.pipeline.ArticleResult;
import org.annals.pipeline.Pipeline;
import org.annals.store.ExportRows;
import org.jspecify.annotations.Nullable;

/**
 * Codes articles on an executor with the command line's default coder (the rules and the trained
 * classifier): one pipeline per executor JVM, loaded by the first task that needs it and shared by
 * the tasks running there at once (the pipeline is thread-safe).
 */
final class Coding {
  private Coding() {}

  private static volatile @Nullable Pipeline pipeline;

  /** The executor's pipeline, loaded once. */
  static Pipeline pipeline() {
    Pipeline p = pipeline;
    if (p == null) {
      synchronized (Coding.class) {
        p = pipeline;
        if (p == null) {
          p = Coders.hybridPipeline();
          pipeline = p;
        }
      }
    }
    return p;
  }

  /** An article coded, or why it could not be. */
  record Outcome(@Nullable Coded coded, @Nullable Problem problem) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Codes one partition's articles, lazily, in order. */
  static Iterator<Outcome> code(Iterator<Article> articles) {
    Pipeline p = pipeline();
    String coder = p.identity();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return articles.hasNext();
      }

      @Override
      public Outcome next() {
        return code(p, coder, articles.next());
      }
    };
  }

  static Outcome code(Pipeline p, String coder, Article a) {
    ArticleResult r;
    try {
      r = p.process(a.raw());
    } catch (RuntimeException e) {
      return new Outcome(
          null, new Problem(a.origin(), "failed", "could not code the article: " + e));
    }
    if (r.problem() != null) {
      return new Outcome(null, Problem.of(r.problem()));
    }
    List<String> ids = new ArrayList<>();
    List<String> reports = new ArrayList<>();
    for (CodedEvent e : r.events()) {
      ids.add(e.id());
      reports.add(ExportRows.reportJson(e));
    }
    String url = ExportRows.canonicalUrl(a.url());
    return new Outcome(
        new Coded(
            a.order(),
            a.id(),
            url,
            a.source(),
            ExportRows.outlet(a.source(), url),
            a.title(),
            a.published(),
            ExportRows.textHash(a.text()),
            a.text().length(),
            a.origin(),
            coder,
            ids,
            reports,
            MinHash.signature(a.text())),
        null);
  }
}
