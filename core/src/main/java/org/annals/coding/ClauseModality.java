package org.annals.coding;

import java.util.List;
import java.util.Set;
import org.annals.lexicon.Modality;
import org.annals.nlp.Dependency;
import org.annals.nlp.Sentence;
import org.annals.nlp.Token;
import org.jspecify.annotations.Nullable;

/**
 * How a clause relates to what happened — negated, hypothetical, conditional, intended, obliged,
 * the complement of another verb — and its tense and depth, from the words of {@code modality.tsv}
 * and the dependency graph. Thread-safe.
 */
final class ClauseModality {
  private final Modality modality;

  ClauseModality(Modality modality) {
    this.modality = modality;
  }

  /**
   * How a clause relates to what happened: {@code asserted}; {@code drop} (hypothetical,
   * conditional, the complement of another trigger or of a non-implicative verb); {@code negated};
   * {@code future} ("will withdraw", "prepared to lift"); {@code obligation} ("must drop").
   */
  record Modal(String kind, String why) {
    static final Modal ASSERTED = new Modal("asserted", "");

    static Modal drop(String why) {
      return new Modal("drop", why);
    }
  }

  Modal modality(
      Sentence s, TriggerMatch match, int nounHead, int predicate, Set<Integer> anchors) {
    int anchor = match.anchor();
    List<Token> toks = s.tokens();
    String negation = null;
    String future = null;
    String obligation = null;
    for (int p : new int[] {anchor, nounHead, predicate}) {
      for (Dependency d : s.children(p)) {
        if (match.tokens().contains(d.dependent())) {
          continue; // part of the pattern itself: "will not accept"
        }
        Token c = toks.get(d.dependent());
        String r = d.relation();
        String w = c.key();
        if ((r.equals("advmod")
                || r.equals("neg")
                || r.equals("det")
                || r.equals("mark")
                || r.equals("cc:preconj"))
            && modality.is("negation", w)) {
          negation = c.word();
        }
        if (r.equals("aux") || r.equals("aux:pass")) {
          if (modality.is("hypothetical", w)) {
            return Modal.drop("possibility '" + c.word() + "'");
          }
          if (modality.is("future", w)) {
            future = c.word();
          }
          if (modality.is("obligation", w)) {
            obligation = c.word();
          }
        }
        if (r.equals("mark") && modality.is("condition", w)) {
          return Modal.drop("conditional '" + c.word() + "'");
        }
      }
    }
    // Infinitive complements ("plan to attack", "to disperse the crowds and take back control").
    boolean infinitive = hasTo(s, predicate);
    int clause = predicate;
    if (!infinitive && toks.get(predicate).isVerb()) {
      for (Dependency d : s.parents(predicate)) {
        if (d.relation().startsWith("conj") && d.governor() >= 0 && hasTo(s, d.governor())) {
          infinitive = true;
          clause = d.governor();
        }
      }
    }
    if (infinitive) {
      for (Dependency d : s.parents(clause)) {
        String r = d.relation();
        if (d.governor() < 0) {
          continue;
        }
        Token g = toks.get(d.governor());
        boolean complement =
            r.equals("xcomp")
                || r.equals("ccomp")
                || r.startsWith("acl")
                || r.equals("csubj")
                || r.startsWith("advcl")
                || r.startsWith("conj");
        if (!complement || modality.is("implicative", g.key())) {
          continue;
        }
        if (anchors.contains(d.governor())) {
          return Modal.drop("complement of trigger '" + g.word() + "'");
        }
        if (modality.is("intent", g.key()) && !r.startsWith("advcl")) {
          future = g.word() + " to";
          continue;
        }
        return Modal.drop("complement of '" + g.word() + "'");
      }
    }
    // Nouns that are the object of an intention ("called for a strike", "threat of attack").
    if (!toks.get(anchor).isVerb()) {
      for (Dependency d : s.parents(nounHead)) {
        if (d.governor() < 0) {
          continue;
        }
        Token g = toks.get(d.governor());
        if (modality.is("suppress", g.key())
            && (d.relation().equals("obj")
                || d.relation().startsWith("obl")
                || d.relation().startsWith("nmod"))) {
          return Modal.drop("intended by '" + g.word() + "'");
        }
      }
    }
    if (negation != null) {
      return new Modal("negated", negation);
    }
    if (obligation != null) {
      return new Modal("obligation", obligation);
    }
    if (future != null) {
      return new Modal("future", future);
    }
    return Modal.ASSERTED;
  }

  static boolean hasTo(Sentence s, int verb) {
    for (Dependency d : s.children(verb)) {
      if (d.relation().equals("mark") && s.tokens().get(d.dependent()).lower().equals("to")) {
        return true;
      }
    }
    return false;
  }

  /** The subject of the reporting verb above a clause ("Hungary said it will ..."), or -1. */
  static int reportingSubject(Sentence s, int predicate) {
    int k = predicate;
    for (int steps = 0; steps < 3 && k >= 0; steps++) {
      int up = -1;
      for (Dependency d : s.parents(k)) {
        if (d.governor() >= 0
            && (d.relation().equals("ccomp")
                || d.relation().equals("xcomp")
                || d.relation().startsWith("parataxis"))) {
          up = d.governor();
        }
      }
      if (up < 0) {
        return -1;
      }
      for (Dependency d : s.children(up)) {
        if (d.relation().equals("nsubj")
            && !ActorFinder.PRONOUNS.contains(s.tokens().get(d.dependent()).lower())) {
          return d.dependent();
        }
      }
      k = up;
    }
    return -1;
  }

  static int depth(Sentence s, int token) {
    int k = token;
    int depth = 0;
    while (depth < 20) {
      List<Dependency> up = s.parents(k);
      if (up.isEmpty() || up.get(0).governor() < 0) {
        return depth;
      }
      k = up.get(0).governor();
      depth++;
    }
    return depth;
  }

  @Nullable String tense(Sentence s, int predicate) {
    String t = aspect(s, predicate);
    if ("past-perfect".equals(t)) {
      // "the army said it had recaptured": reported speech shifts the tense back; not history.
      for (Dependency d : s.parents(predicate)) {
        if (d.governor() >= 0
            && d.relation().equals("ccomp")
            && modality.is("report", s.tokens().get(d.governor()).key())) {
          return null;
        }
      }
    }
    return t;
  }

  private static @Nullable String aspect(Sentence s, int predicate) {
    boolean had = false;
    boolean have = false;
    boolean been = false;
    for (Dependency d : s.children(predicate)) {
      if (!d.relation().startsWith("aux")) {
        continue;
      }
      String w = s.tokens().get(d.dependent()).lower();
      had |= w.equals("had");
      have |= w.equals("have") || w.equals("has");
      been |= w.equals("been");
    }
    String pos = s.tokens().get(predicate).pos();
    if (had && pos != null && (pos.equals("VBN") || been)) {
      return "past-perfect";
    }
    if (have && been && pos != null && pos.equals("VBG")) {
      return "progressive-perfect";
    }
    if (have && pos != null && pos.equals("VBN")) {
      return "present-perfect";
    }
    return null;
  }

  /** The first word or phrase of {@code kind} (modality.tsv) in the sentence, or null. */
  @Nullable String cue(Sentence s, String kind) {
    List<Token> toks = s.tokens();
    for (int i = 0; i < toks.size(); i++) {
      var m =
          modality
              .phrases()
              .longest(i, toks.size(), k -> toks.get(k).lower(), k -> toks.get(k).key());
      if (m != null && m.value().equals(kind)) {
        return toks.get(i).word();
      }
    }
    return null;
  }
}
