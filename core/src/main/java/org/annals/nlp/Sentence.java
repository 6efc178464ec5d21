package org.annals.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * One sentence of an annotated document.
 *
 * <p>{@code analysed} is false for sentences the cheap trigger scan skipped: they carry tokens
 * only, with no lemmas, tags, entities, times or dependencies.
 *
 * @param index 0-based sentence number in the document
 * @param start start offset in the cleaned text
 * @param end end offset (exclusive) in the cleaned text
 */
public record Sentence(
    int index,
    int start,
    int end,
    List<Token> tokens,
    List<Dependency> dependencies,
    List<EntityMention> entities,
    List<TimeMention> times,
    boolean analysed) {

  public Sentence {
    tokens = List.copyOf(tokens);
    dependencies = List.copyOf(dependencies);
    entities = List.copyOf(entities);
    times = List.copyOf(times);
  }

  /** Dependencies whose governor is {@code token}. */
  public List<Dependency> children(int token) {
    List<Dependency> out = new ArrayList<>(4);
    for (Dependency d : dependencies) {
      if (d.governor() == token) {
        out.add(d);
      }
    }
    return out;
  }

  /** Dependencies whose dependent is {@code token} (several in enhanced graphs). */
  public List<Dependency> parents(int token) {
    List<Dependency> out = new ArrayList<>(2);
    for (Dependency d : dependencies) {
      if (d.dependent() == token) {
        out.add(d);
      }
    }
    return out;
  }
}
