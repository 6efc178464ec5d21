package org.annals.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.annals.Hashes;
import org.annals.ingest.InputProblem;
import org.annals.ingest.RawArticle;
import org.annals.pipeline.ArticleResult;
import org.jspecify.annotations.Nullable;

/**
 * Feeds articles into a store in batches: skips exact duplicates (same id, canonical URL or text)
 * before coding them, codes the rest, links near-duplicates (MinHash similarity of at least {@value
 * #NEAR_DUPLICATE}) to their family, and writes each batch in one transaction. Call {@link #add}
 * for each article, then {@link #finish}. Not thread-safe; the coder may use threads.
 */
public final class Ingester {
  /** Estimated Jaccard similarity of five-word shingles from which two texts are one story. */
  public static final double NEAR_DUPLICATE = 0.5;

  /** Codes a batch of articles, returning one result per article in the same order. */
  @FunctionalInterface
  public interface Coder {
    List<ArticleResult> code(List<RawArticle> articles);

    /**
     * What this coder is, as the store records it with each article (e.g. {@code
     * Pipeline#identity}): a recode skips articles already coded by a coder of the same version.
     * Null when unknown (such articles are always re-coded). May load what the coder needs.
     */
    default @Nullable String version() {
      return null;
    }
  }

  private final EventStore store;
  private final Coder coder;
  private final Consumer<InputProblem> problems;
  private final Consumer<IngestSummary> progress;
  private final int batchSize;
  private final IngestSummary summary = new IngestSummary();
  private final List<RawArticle> pending = new ArrayList<>();

  public Ingester(
      EventStore store,
      Coder coder,
      Consumer<InputProblem> problems,
      Consumer<IngestSummary> progress,
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

  /** Takes one article; a full batch is coded and stored before this returns. */
  public void add(RawArticle article) {
    summary.read++;
    pending.add(article);
    if (pending.size() >= batchSize) {
      flush();
    }
  }

  /** Counts and passes on a problem the reader found. A bad date is a warning, not a skip. */
  public void problem(InputProblem p) {
    if (p.reason().equals("bad-date")) {
      summary.warnings++;
    } else {
      summary.read++;
      summary.skip(p.reason());
    }
    problems.accept(p);
  }

  /** Stores what is pending and returns the summary of the run. */
  public IngestSummary finish() {
    flush();
    if (summary.eventsBefore < 0) {
      summary.eventsBefore = store.count("events");
      summary.eventsAfter = summary.eventsBefore;
    }
    return summary;
  }

  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<RawArticle> batch = new ArrayList<>(pending);
    pending.clear();
    long t0 = System.nanoTime();
    List<Fresh> fresh = withoutDuplicates(batch);
    long t1 = System.nanoTime();
    List<ArticleResult> results =
        fresh.isEmpty() ? List.of() : coder.code(fresh.stream().map(Fresh::article).toList());
    long t2 = System.nanoTime();
    List<Fresh> coded = new ArrayList<>();
    for (int i = 0; i < fresh.size(); i++) {
      ArticleResult r = results.get(i);
      if (r.problem() != null) {
        summary.skip(r.problem().reason());
        problems.accept(r.problem());
      } else {
        coded.add(fresh.get(i).withResult(r));
      }
    }
    Families families = new Families(store);
    List<StoredArticle> toStore = families.link(coded, coded.isEmpty() ? null : coder.version());
    int[] counts = store.write(toStore, families.renames());
    if (summary.eventsBefore < 0) {
      summary.eventsBefore = counts[0];
    }
    summary.eventsAfter = counts[1];
    summary.codingNanos += t2 - t1;
    summary.storeNanos += System.nanoTime() - t2 + t1 - t0;
    summary.stored += toStore.size();
    for (StoredArticle s : toStore) {
      summary.reports += s.reports().size();
      if (s.nearDupOf() != null) {
        summary.nearDuplicates++;
      }
    }
    progress.accept(summary);
  }

  /** Drops articles already stored or repeated in the batch (same id, URL or text). */
  private List<Fresh> withoutDuplicates(List<RawArticle> batch) {
    List<Fresh> all = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> urls = new HashSet<>();
    Set<String> hashes = new HashSet<>();
    for (RawArticle a : batch) {
      Fresh f = new Fresh(a, textHash(a.text()), canonicalUrl(a.url()), null);
      all.add(f);
      ids.add(a.id());
      hashes.add(f.hash);
      if (f.url != null) {
        urls.add(f.url);
      }
    }
    EventStore.Known known = store.known(ids, urls, hashes);
    Map<String, String> seenIds = new HashMap<>(known.hashById);
    Map<String, String> seenUrls = new HashMap<>(known.idByUrl);
    Map<String, String> seenHashes = new HashMap<>(known.idByHash);
    List<Fresh> fresh = new ArrayList<>();
    for (Fresh f : all) {
      RawArticle a = f.article;
      String storedHash = seenIds.get(a.id());
      String reason = null;
      String message = null;
      if (storedHash != null && storedHash.equals(f.hash)) {
        reason = "already-stored";
        message = "already in the store; nothing to do";
      } else if (storedHash != null) {
        reason = "id-conflict";
        message =
            "another article with id '"
                + a.id()
                + "' and a different text is stored;"
                + " give this one a new id to keep both";
      } else if (f.url != null && seenUrls.containsKey(f.url)) {
        reason = "duplicate-url";
        message = "same URL as stored article '" + seenUrls.get(f.url) + "'";
      } else if (seenHashes.containsKey(f.hash)) {
        reason = "duplicate-text";
        message = "same text as stored article '" + seenHashes.get(f.hash) + "'";
      }
      if (reason != null) {
        summary.skip(reason);
        if (!reason.equals("already-stored")) {
          problems.accept(new InputProblem(a.origin(), reason, message));
        }
        continue;
      }
      seenIds.put(a.id(), f.hash);
      if (f.url != null) {
        seenUrls.put(f.url, a.id());
      }
      seenHashes.put(f.hash, a.id());
      fresh.add(f);
    }
    return fresh;
  }

  /** SHA-256 of the text with runs of whitespace collapsed to one space. */
  static String textHash(String text) {
    return Hashes.sha256Hex(text.strip().replaceAll("\\s+", " "), 32);
  }

  /**
   * The URL with a lower-case scheme and host, no fragment, no {@code utm_} tracking parameters and
   * no trailing slash; the text as given when it is not a URL.
   */
  static @Nullable String canonicalUrl(@Nullable String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI u = new URI(url.strip());
      if (u.getScheme() == null || u.getHost() == null) {
        return url.strip();
      }
      String query = u.getRawQuery();
      if (query != null) {
        List<String> keep = new ArrayList<>();
        for (String part : query.split("&")) {
          if (!part.toLowerCase(Locale.ROOT).startsWith("utm_") && !part.isEmpty()) {
            keep.add(part);
          }
        }
        query = keep.isEmpty() ? null : String.join("&", keep);
      }
      String path = u.getRawPath() == null ? "" : u.getRawPath();
      if (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      return u.getScheme().toLowerCase(Locale.ROOT)
          + "://"
          + u.getHost().toLowerCase(Locale.ROOT)
          + (u.getPort() >= 0 ? ":" + u.getPort() : "")
          + path
          + (query == null ? "" : "?" + query);
    } catch (URISyntaxException e) {
      return url.strip();
    }
  }

  /** The outlet an article counts under: its source, else its URL's host without www. */
  public static @Nullable String outlet(@Nullable String source, @Nullable String url) {
    if (source != null && !source.isBlank()) {
      return source.strip();
    }
    if (url == null) {
      return null;
    }
    try {
      String host = new URI(url).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** An article that is not a duplicate, with its hash, canonical URL and, once coded, result. */
  record Fresh(
      RawArticle article, String hash, @Nullable String url, @Nullable ArticleResult result) {
    Fresh withResult(ArticleResult r) {
      return new Fresh(article, hash, url, r);
    }
  }
}
