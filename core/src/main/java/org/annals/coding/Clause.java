package org.annals.coding;

import org.annals.nlp.Dependency;
import org.annals.nlp.Sentence;
import org.annals.nlp.Token;
import org.jspecify.annotations.Nullable;

/**
 * Where a trigger sits in its sentence.
 *
 * @param anchor the trigger's anchor token
 * @param nounHead the noun a noun anchor stands for ("tear gas" → "gas"), else the anchor
 * @param predicate the verb that carries the clause: the anchor itself, or the verb a noun anchor
 *     is the object or subject of ("imposed a curfew")
 * @param nounRole how the noun hangs from that verb ({@code obj}, {@code nsubj}, {@code
 *     nsubj:pass}), or null
 */
record Clause(int anchor, int nounHead, int predicate, @Nullable String nounRole) {

  boolean verbal(Sentence s) {
    return s.tokens().get(anchor).isVerb();
  }

  static Clause of(Sentence s, int anchor) {
    java.util.List<Token> toks = s.tokens();
    int nounHead = anchor;
    // "tear gas", "car bomb": a noun modifier stands for its head noun.
    for (Dependency d : s.parents(anchor)) {
      if (d.relation().equals("compound") && d.governor() >= 0 && toks.get(anchor).isNoun()) {
        nounHead = d.governor();
      }
    }
    int predicate = anchor;
    String nounRole = null;
    if (!toks.get(anchor).isVerb()) {
      for (Dependency d : s.parents(nounHead)) {
        if (d.governor() < 0 || !toks.get(d.governor()).isVerb()) {
          continue;
        }
        String r = d.relation();
        if (r.equals("obj") || r.equals("nsubj") || r.equals("nsubj:pass")) {
          predicate = d.governor();
          nounRole = r;
          break;
        }
      }
    }
    return new Clause(anchor, nounHead, predicate, nounRole);
  }
}
