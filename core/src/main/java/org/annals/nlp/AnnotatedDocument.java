package org.annals.nlp;

import java.util.List;

/** The cleaned text of an article with its annotated sentences. */
public record AnnotatedDocument(String text, List<Sentence> sentences) {
  public AnnotatedDocument {
    sentences = List.copyOf(sentences);
  }

  /** The text of {@code [start, end)} of the cleaned text. */
  public String span(int start, int end) {
    return text.substring(start, end);
  }
}
