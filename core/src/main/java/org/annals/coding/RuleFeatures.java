package org.annals.coding;

import java.util.Map;
import java.util.TreeMap;
import org.annals.classify.Compat;
import org.annals.classify.Example;
import org.annals.classify.Labels;
import org.annals.nlp.AnnotatedDocument;
import org.annals.nlp.Sentence;

/**
 * The rules' findings in a sentence as a classifier's named features:
 *
 * <ul>
 *   <li>{@code rule:TYPE}, {@code rule-acled:CODE}, {@code rule-cameo:ROOT}: the highest priority
 *       (÷ 9) of a coded clause with that PLOVER type, ACLED sub-event (CASE code) or CAMEO root;
 *   <li>{@code statement}: some clause was coded as what an actor said;
 *   <li>{@code trigger}, {@code negated}, {@code dropped}: a trigger matched; one was negated; one
 *       was dropped as hypothetical, conditional or intended;
 *   <li>{@code source}, {@code target}, {@code source:SECTOR}, {@code target:SECTOR}, {@code
 *       source:country}, {@code target:country}: the primary clause's actors;
 *   <li>{@code mentions}: how many clauses were coded (÷ 3, at most 1).
 * </ul>
 */
final class RuleFeatures {
  private RuleFeatures() {}

  static Example example(AnnotatedDocument doc, SentenceRules r) {
    Sentence s = r.sentence();
    return new Example(doc.span(s.start(), s.end()), features(r));
  }

  static Map<String, Double> features(SentenceRules r) {
    Map<String, Double> f = new TreeMap<>();
    for (EventMention m : r.mentions()) {
      double p = m.priority() / 9.0;
      f.merge("rule:" + m.plover(), p, Math::max);
      if (m.acledSubEvent() != null) {
        String code = Labels.caseCode(m.acledSubEvent());
        if (code != null) {
          f.merge("rule-acled:" + code, p, Math::max);
        }
      }
      String root = Compat.root(m.cameo());
      if (root != null) {
        f.put("rule-cameo:" + root, 1.0);
      }
      if (m.statement()) {
        f.put("statement", 1.0);
      }
    }
    flag(f, "trigger", r.matches() > 0);
    flag(f, "negated", r.negated() > 0);
    flag(f, "dropped", r.dropped() > 0);
    if (!r.mentions().isEmpty()) {
      f.put("mentions", Math.min(3, r.mentions().size()) / 3.0);
    }
    EventMention primary = r.primary();
    if (primary != null) {
      actor(f, "source", primary.source());
      actor(f, "target", primary.target());
    }
    return f;
  }

  private static void actor(Map<String, Double> f, String side, Actor a) {
    if (a == null) {
      return;
    }
    f.put(side, 1.0);
    if (a.sector() != null) {
      f.put(side + ":" + a.sector(), 1.0);
    }
    flag(f, side + ":country", a.country() != null);
  }

  private static void flag(Map<String, Double> f, String name, boolean on) {
    if (on) {
      f.put(name, 1.0);
    }
  }
}
