package org.annals.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A coded article, without its text: what near-duplicate detection, merging and the {@code
 * articles/} output need.
 *
 * @param order the article's place in the input ({@link Article#order})
 * @param url the canonical URL
 * @param reportIds the ids of the article's reports, in the article's order
 * @param reports the article's reports as the store records them (JSON), in the same order
 * @param minhash the text's MinHash signature, null for a text too short to have one
 */
record Coded(
    long order,
    String id,
    @Nullable String url,
    @Nullable String source,
    @Nullable String outlet,
    @Nullable String title,
    @Nullable LocalDate published,
    String textHash,
    int chars,
    String origin,
    String coder,
    List<String> reportIds,
    List<String> reports,
    int @Nullable [] minhash)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
