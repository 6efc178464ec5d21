package org.annals.lexicon;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code triggers.tsv}: a lemma pattern and the codes it yields.
 *
 * @param tokens pattern tokens, lowercase; {@code _} is a gap of 0 to 3 tokens
 * @param anchor index in {@code tokens} of the anchor word
 * @param pos required part of speech of the anchor: V, N, A or * (any)
 * @param origin file and line, for provenance
 */
public record TriggerEntry(
    List<String> tokens,
    int anchor,
    char pos,
    String plover,
    @Nullable String mode,
    @Nullable String cameo,
    @Nullable String acledEvent,
    @Nullable String acledSubEvent,
    List<String> context,
    int priority,
    Set<String> requires,
    Set<String> excludes,
    String origin) {

  public TriggerEntry {
    tokens = List.copyOf(tokens);
    context = List.copyOf(context);
    requires = Set.copyOf(requires);
    excludes = Set.copyOf(excludes);
    if (anchor < 0 || anchor >= tokens.size() || tokens.get(anchor).equals("_")) {
      throw new LexiconException(origin + ": the anchor must be a word of the pattern");
    }
  }

  /** Number of words (not gaps) in the pattern. */
  public int words() {
    int n = 0;
    for (String t : tokens) {
      if (!t.equals("_")) {
        n++;
      }
    }
    return n;
  }

  /** The pattern as written in the file. */
  public String pattern() {
    return String.join(" ", tokens);
  }
}
