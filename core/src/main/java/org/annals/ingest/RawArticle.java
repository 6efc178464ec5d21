package org.annals.ingest;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One article as read from its input, before cleaning.
 *
 * @param id stable article id (the JSON Lines {@code id}, or the file name without extension)
 * @param title headline, if the input had one
 * @param text the article body exactly as read; every offset Annals prints points into it
 * @param published publication date, if known; relative dates cannot be resolved without it
 * @param url canonical URL, if known
 * @param source outlet name, if known
 * @param origin where the article came from, for messages ({@code file.jsonl:12})
 */
public record RawArticle(
    String id,
    @Nullable String title,
    String text,
    @Nullable LocalDate published,
    @Nullable String url,
    @Nullable String source,
    String origin) {

  public RawArticle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(origin, "origin");
    if (id.isBlank()) {
      throw new IllegalArgumentException("article id is blank in " + origin);
    }
  }

  /** Returns this article with the publication date set, unless it already has one. */
  public RawArticle withDefaultPublished(@Nullable LocalDate date) {
    return published != null || date == null
        ? this
        : new RawArticle(id, title, text, date, url, source, origin);
  }
}
