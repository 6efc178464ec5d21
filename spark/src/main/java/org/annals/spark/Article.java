package org.annals.spark;

import java.io.Serializable;
import java.time.LocalDate;
import org.annals.ingest.RawArticle;
import org.jspecify.annotations.Nullable;

/**
 * An article as read, with its place in the input ({@code order}: the file's index in the listing,
 * then the record's index in the file), which decides, as {@code annals ingest}'s reading order
 * does, which of two exact duplicates is kept.
 */
record Article(
    long order,
    String id,
    @Nullable String title,
    String text,
    @Nullable LocalDate published,
    @Nullable String url,
    @Nullable String source,
    String origin)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  static long order(long file, long record) {
    return (file << 32) | record;
  }

  static Article of(long order, RawArticle a) {
    return new Article(
        order, a.id(), a.title(), a.text(), a.published(), a.url(), a.source(), a.origin());
  }

  RawArticle raw() {
    return new RawArticle(id, title, text, published, url, source, origin);
  }
}
