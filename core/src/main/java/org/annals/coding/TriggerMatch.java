package org.annals.coding;

import java.util.List;
import org.annals.lexicon.TriggerEntry;

/** A trigger pattern matched in a sentence: the matched token indices and the anchor token. */
public record TriggerMatch(TriggerEntry entry, List<Integer> tokens, int anchor) {
  public TriggerMatch {
    tokens = List.copyOf(tokens);
  }

  public int first() {
    return tokens.get(0);
  }

  public int last() {
    return tokens.get(tokens.size() - 1);
  }
}
