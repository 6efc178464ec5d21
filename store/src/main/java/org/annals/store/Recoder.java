package org.annals.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.annals.ingest.InputProblem;
import org.annals.ingest.RawArticle;
import org.annals.pipeline.ArticleResult;
import org.jspecify.annotations.Nullable;

/**
 * Codes stored articles again with the current coder and replaces their reports, so the store ends
 * as a fresh ingest of the same articles would: same reports, same events, same ids. Articles are
 * taken in id order, in batches of one transaction each (see {@link EventStore#replaceReports});
 * each re-coded article records the coder's {@link Ingester.Coder#version}, and a run skips the
 * articles that already carry it, so a run that was killed picks up where its last batch ended.
 * Articles stored before schema version 3 have no text and keep their reports. Not thread-safe; the
 * coder may use threads.
 */
public final class Recoder {
  private final EventStore store;
  private final Ingester.Coder coder;
  private final Consumer<InputProblem> problems;
  private final Consumer<RecodeSummary> progress;
  private final int batchSize;

  public Recoder(
      EventStore store,
      Ingester.Coder coder,
      Consumer<InputProblem> problems,
      Consumer<RecodeSummary> progress,
      int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    this.store = store;
    this.coder = coder;
    this.problems = problems;
    this.progress = progress;
    this.batchSize = batchSize;
  }

  /**
   * Re-codes the stored articles published from {@code from} to {@code to} (both inclusive; null
   * bounds do not limit, and with either bound articles without a date are left out). An article
   * the coder fails on keeps its reports and is counted as failed.
   */
  public RecodeSummary recode(@Nullable LocalDate from, @Nullable LocalDate to) {
    String version = coder.version();
    if (version == null) {
      throw new IllegalArgumentException("a recode needs a coder that names its version");
    }
    String range = range(from, to);
    String current = EventStore.in(List.of(version));
    RecodeSummary s = new RecodeSummary(version);
    store.query(
        "SELECT count(*), count(*) FILTER (WHERE text_deflated IS NULL),"
            + " count(*) FILTER (WHERE text_deflated IS NOT NULL AND coder = "
            + current
            + ") FROM articles WHERE "
            + range,
        rs -> {
          s.inRange = rs.getInt(1);
          s.withoutText = rs.getInt(2);
          s.current = rs.getInt(3);
        });
    s.eventsBefore = store.count("events");
    s.eventsAfter = s.eventsBefore;
    String after = "";
    while (true) {
      Map<String, Integer> oldReports = new HashMap<>();
      List<RawArticle> batch = next(range, current, after, oldReports);
      if (batch.isEmpty()) {
        break;
      }
      after = batch.get(batch.size() - 1).id();
      List<ArticleResult> results = coder.code(batch);
      List<EventStore.Recoded> recoded = new ArrayList<>();
      for (ArticleResult r : results) {
        if (r.problem() != null) {
          s.failed++;
          problems.accept(r.problem());
        } else {
          recoded.add(new EventStore.Recoded(r.article().id(), r.events()));
          s.oldReports += oldReports.get(r.article().id());
          s.newReports += r.events().size();
        }
      }
      if (!recoded.isEmpty()) {
        s.eventsAfter = store.replaceReports(recoded, version)[1];
      }
      s.recoded += recoded.size();
      progress.accept(s);
    }
    return s;
  }

  /** The next batch to re-code: articles after {@code after} with text and another coder. */
  private List<RawArticle> next(
      String range, String current, String after, Map<String, Integer> oldReports) {
    List<RawArticle> out = new ArrayList<>();
    store.query(
        "SELECT id, title, text_deflated, published, url, source, origin, num_reports"
            + " FROM articles WHERE "
            + range
            + " AND text_deflated IS NOT NULL AND coder IS DISTINCT FROM "
            + current
            + " AND id > "
            + EventStore.in(List.of(after))
            + " ORDER BY id LIMIT "
            + batchSize,
        rs -> {
          String id = rs.getString(1);
          out.add(
              new RawArticle(
                  id,
                  rs.getString(2),
                  ArticleText.decompress(id, rs.getBytes(3)),
                  rs.getObject(4, LocalDate.class),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7)));
          oldReports.put(id, rs.getInt(8));
        });
    return out;
  }

  private static String range(@Nullable LocalDate from, @Nullable LocalDate to) {
    List<String> c = new ArrayList<>();
    if (from != null) {
      c.add("published >= DATE '" + from + "'");
    }
    if (to != null) {
      c.add("published <= DATE '" + to + "'");
    }
    return c.isEmpty() ? "TRUE" : String.join(" AND ", c);
  }
}
