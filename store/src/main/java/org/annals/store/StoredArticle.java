package org.annals.store;

import java.time.LocalDate;
import java.util.List;
import org.annals.event.CodedEvent;
import org.jspecify.annotations.Nullable;

/**
 * An article as the store keeps it, with the reports coded from it.
 *
 * @param outlet its source, else its URL's host
 * @param textHash SHA-256 of the text with whitespace collapsed
 * @param family smallest article id among it and its near-duplicates
 * @param nearDupOf the stored article it is most similar to, if it is a near-duplicate
 * @param minhash its MinHash signature, null for texts under five words
 * @param text its text, compressed by {@link ArticleText}
 * @param coder what coded its reports ({@link Ingester.Coder#version}), null if unknown
 */
record StoredArticle(
    String id,
    @Nullable String url,
    @Nullable String source,
    @Nullable String outlet,
    @Nullable String title,
    @Nullable LocalDate published,
    String textHash,
    int chars,
    String family,
    @Nullable String nearDupOf,
    @Nullable Double similarity,
    int @Nullable [] minhash,
    String origin,
    byte[] text,
    @Nullable String coder,
    List<CodedEvent> reports) {

  StoredArticle {
    reports = List.copyOf(reports);
  }
}
