package org.annals.nlp;

import org.jspecify.annotations.Nullable;

/**
 * One token. Offsets are end-exclusive character offsets into the cleaned text.
 *
 * @param word the token as written
 * @param lemma lemma, or null where the sentence was not analysed
 * @param pos Penn Treebank tag, or null where the sentence was not analysed
 * @param ner coarse entity tag (PERSON, ORGANIZATION, LOCATION, …, or O), or null
 */
public record Token(
    String word,
    @Nullable String lemma,
    @Nullable String pos,
    @Nullable String ner,
    int start,
    int end) {

  public Token {
    if (end < start) {
      throw new IllegalArgumentException("token end " + end + " before start " + start);
    }
  }

  /** Lowercased lemma, falling back to the lowercased word. */
  public String key() {
    return (lemma == null ? word : lemma).toLowerCase(java.util.Locale.ROOT);
  }

  /** Lowercased surface word. */
  public String lower() {
    return word.toLowerCase(java.util.Locale.ROOT);
  }

  public boolean isVerb() {
    return pos != null && pos.startsWith("VB");
  }

  public boolean isNoun() {
    return pos != null && (pos.startsWith("NN") || pos.equals("PRP"));
  }

  public boolean isAdjective() {
    return pos != null && pos.startsWith("JJ");
  }
}
