package org.annals.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.annals.classify.Compat;
import org.annals.classify.EventClassifier;
import org.annals.classify.Labels;
import org.annals.classify.Prediction;
import org.annals.lexicon.Modality;
import org.annals.lexicon.TriggerEntry;
import org.annals.nlp.Dependency;
import org.annals.nlp.Sentence;
import org.jspecify.annotations.Nullable;

/**
 * How the classifier and the rules decide a sentence together. The rules find the clauses, their
 * actors, modality, dates and places; the classifier decides the types:
 *
 * <ol>
 *   <li>The classifier's choice is the PLOVER type and ACLED sub-event (or none) with the highest
 *       joint probability among the pairs some lexicon row could give together ({@link Compat}),
 *       and the likeliest CAMEO root of that type.
 *   <li>When it is sure there is no event (P(NONE) ≥ {@value #NO_EVENT}), only very specific rule
 *       clauses (priority ≥ {@value #SPECIFIC}) stay.
 *   <li>A sentence the rules did not code gets an event at its main verb when the chosen type has P
 *       ≥ {@value #NEW_EVENT}; actors, modality and codes then come from the rules' machinery.
 *   <li>The sentence's primary clause (nearest the root) takes the chosen type, unless the rule
 *       that coded it is very specific and the classifier still gives its type P ≥ {@value
 *       #KEEP_SPECIFIC}, or the classifier is unsure (P &lt; {@value #OVERRIDE}), or it is a
 *       statement (intention, threat, demand, refusal) and the chosen type is not one a statement
 *       can have. A rule's PROTEST stays a PROTEST when the classifier calls it an ASSAULT of one
 *       of ACLED's Riots sub-events (PLOVER codes a riot as a protest, mode riot). Its ACLED
 *       sub-event follows the classifier where the classifier is sure of it (P ≥ {@value
 *       #ACLED_SURE}); otherwise actor refinements decide.
 *   <li>Other clauses keep their rule types, with the classifier's probability of that type.
 * </ol>
 *
 * Every decision is appended to the clause's rules, so {@code evidence[].rule} shows both (e.g.
 * {@code model PLOVER=AID p=0.91 (rule triggers.tsv:885 said CONSULT)}). Thread-safe.
 */
final class ModelDecisions {
  static final double NO_EVENT = 0.7;
  static final double NEW_EVENT = 0.6;
  static final double OVERRIDE = 0.35;
  static final int SPECIFIC = 8;
  static final double KEEP_SPECIFIC = 0.1;
  static final double ACLED_SURE = 0.5;
  private static final Set<String> STATEMENTS = Set.of("AGREE", "THREATEN", "DEMAND", "REJECT");

  /** ACLED's Riots sub-events: PLOVER codes a riot as a PROTEST (mode riot), not an ASSAULT. */
  private static final Set<String> RIOTS = Set.of("VIOL_DEMONSTR", "MOB_VIOL");

  /** Codes one clause again with another trigger entry (see EventCoder#codeClause). */
  @FunctionalInterface
  interface Recoder {
    @Nullable EventMention recode(TriggerMatch match, boolean refine);
  }

  /** The classifier's choice for a sentence. */
  record Choice(
      String plover, @Nullable String acledCode, String cameoRoot, double p, double pAcled) {
    @Nullable String acledName() {
      return acledCode == null ? null : Labels.CASE_TO_ACLED.get(acledCode);
    }
  }

  private final Compat compat;
  private final Modality modality;
  private final String name;

  ModelDecisions(Compat compat, Modality modality, @Nullable EventClassifier classifier) {
    this.compat = compat;
    this.modality = modality;
    this.name = classifier == null ? "model" : classifier.describe();
  }

  /** The PLOVER/ACLED pair with the highest joint probability, and its likeliest CAMEO root. */
  Choice choose(Prediction p) {
    double noAcled = 0;
    for (String code : Labels.ACLED) {
      if (!Labels.CASE_TO_ACLED.containsKey(code)) {
        noAcled += p.acled(code);
      }
    }
    String bestType = null;
    String bestCode = null;
    double best = -1;
    for (String type : Labels.PLOVER) {
      if (type.equals(Labels.NONE)) {
        continue;
      }
      double pt = p.plover(type);
      if (pt * noAcled > best) {
        best = pt * noAcled;
        bestType = type;
        bestCode = null;
      }
      for (var e : Labels.CASE_TO_ACLED.entrySet()) {
        double s = pt * p.acled(e.getKey());
        if (s > best && compat.compatible(type, e.getValue())) {
          best = s;
          bestType = type;
          bestCode = e.getKey();
        }
      }
    }
    Set<String> roots = compat.cameoRoots(bestType);
    String root = null;
    for (String r : Labels.CAMEO) {
      if (!r.equals(Labels.NONE)
          && (roots.isEmpty() || roots.contains(r))
          && (root == null || p.cameo(r) > p.cameo(root))) {
        root = r;
      }
    }
    return new Choice(
        bestType,
        bestCode,
        root,
        p.plover(bestType),
        bestCode == null ? noAcled : p.acled(bestCode));
  }

  /** The sentence's clauses after the classifier has had its say. */
  List<EventMention> decide(
      SentenceRules r, Prediction p, Recoder recode, Consumer<String> explain) {
    Choice c = choose(p);
    double none = p.plover(Labels.NONE);
    String said = describe(c);
    EventMention primary = r.primary();
    List<EventMention> out = new ArrayList<>();
    if (none >= NO_EVENT) {
      for (EventMention m : r.mentions()) {
        if (m.priority() >= SPECIFIC) {
          out.add(
              m.withProbability(
                  p.plover(m.plover()), note("no event", none) + "; specific rule kept"));
        }
      }
      explain.accept(
          note("no event", none)
              + ": "
              + out.size()
              + " of "
              + r.mentions().size()
              + " rule clauses kept");
      return out;
    }
    if (primary == null) {
      if (c.p() >= NEW_EVENT) {
        EventMention e = newEvent(r, c, recode);
        if (e != null) {
          explain.accept(said + ": coded at '" + e.trigger() + "' (no rule matched)");
          out.add(e.withProbability(c.p(), said + " (no rule matched)"));
        }
      }
      return out;
    }
    for (EventMention m : r.mentions()) {
      if (m != primary) {
        out.add(m.withProbability(p.plover(m.plover()), note(m.plover(), p.plover(m.plover()))));
      } else {
        EventMention d = decidePrimary(r, m, c, p, recode);
        explain.accept(said + ": " + m.plover() + " → " + d.plover());
        out.add(d);
      }
    }
    return out;
  }

  private EventMention decidePrimary(
      SentenceRules r, EventMention m, Choice c, Prediction p, Recoder recode) {
    String said = describe(c);
    String rule = ruleOf(r, m);
    boolean riot =
        m.plover().equals("PROTEST")
            && c.plover().equals("ASSAULT")
            && c.acledCode() != null
            && RIOTS.contains(c.acledCode());
    if (riot) {
      said += "; a riot: kept PROTEST";
    }
    // Zero-Shot-PLOVER, which teaches the classifier DISAPPROVE, files investigations under its
    // ACCUSE: the classifier's DISAPPROVE does not tell an accusation from an investigation.
    boolean investigation = m.plover().equals("INVESTIGATE") && c.plover().equals("DISAPPROVE");
    if (investigation) {
      said += "; an investigation: kept INVESTIGATE";
    }
    if (m.plover().equals(c.plover()) || riot || investigation) {
      // For a riot, the probability that it is one: PROTEST's and ASSAULT's together; likewise
      // INVESTIGATE's and DISAPPROVE's for an investigation.
      String kept = riot ? "PROTEST" : investigation ? "INVESTIGATE" : null;
      double pType = kept == null ? c.p() : Math.min(1, c.p() + p.plover(kept));
      String name = c.acledName();
      if (c.acledCode() != null && !name.equals(m.acledSubEvent()) && c.pAcled() >= ACLED_SURE) {
        return m.withAcled(
            compat.acledEvent(name),
            name,
            pType,
            said + " (" + rule + " said ACLED " + m.acledSubEvent() + ")");
      }
      return m.withProbability(pType, said + " (agrees with " + rule + ")");
    }
    double pRule = p.plover(m.plover());
    boolean specific = (m.priority() >= SPECIFIC && pRule >= KEEP_SPECIFIC) || c.p() < OVERRIDE;
    boolean statement = m.statement() && !STATEMENTS.contains(c.plover());
    TriggerMatch match = r.matchOf().get(m);
    if (specific || statement || match == null) {
      return m.withProbability(
          pRule,
          said
              + "; kept "
              + rule
              + " "
              + m.plover()
              + String.format(Locale.ROOT, " p=%.2f", pRule)
              + (c.p() < OVERRIDE
                  ? " (model unsure)"
                  : specific ? " (specific rule)" : statement ? " (a statement)" : ""));
    }
    TriggerEntry was = match.entry();
    EventMention e =
        recode.recode(
            new TriggerMatch(
                entry(
                    c,
                    was.tokens(),
                    was.anchor(),
                    was.pos(),
                    was.priority(),
                    "model (" + rule + " said " + m.plover() + ")"),
                match.tokens(),
                match.anchor()),
            c.pAcled() < ACLED_SURE);
    return e == null
        ? m.withProbability(pRule, said + "; kept " + rule)
        : e.withProbability(c.p(), said);
  }

  private @Nullable EventMention newEvent(SentenceRules r, Choice c, Recoder recode) {
    Sentence s = r.sentence();
    int anchor = mainVerb(s);
    if (anchor < 0) {
      return null;
    }
    TriggerEntry e = entry(c, List.of(s.tokens().get(anchor).key()), 0, '*', 2, "model");
    return recode.recode(new TriggerMatch(e, List.of(anchor), anchor), c.pAcled() < ACLED_SURE);
  }

  /** The sentence's main verb: the root, or the clause a reporting root introduces. */
  private int mainVerb(Sentence s) {
    int root = -1;
    for (int i = 0; i < s.tokens().size() && root < 0; i++) {
      for (Dependency d : s.parents(i)) {
        if (d.governor() < 0) {
          root = i;
        }
      }
    }
    if (root < 0) {
      return -1;
    }
    if (modality.is("report", s.tokens().get(root).key())) {
      for (Dependency d : s.children(root)) {
        if (d.relation().equals("ccomp") || d.relation().startsWith("parataxis")) {
          return d.dependent();
        }
      }
    }
    return root;
  }

  private TriggerEntry entry(
      Choice c, List<String> tokens, int anchor, char pos, int priority, String origin) {
    String sub = c.acledName();
    return new TriggerEntry(
        tokens,
        anchor,
        pos,
        c.plover(),
        null,
        c.cameoRoot() + "0",
        sub == null ? null : compat.acledEvent(sub),
        sub,
        List.of(),
        priority,
        Set.of(),
        Set.of(),
        origin);
  }

  private static String ruleOf(SentenceRules r, EventMention m) {
    TriggerMatch match = r.matchOf().get(m);
    return "rule " + (match == null ? "reported obligation" : match.entry().origin());
  }

  private String describe(Choice c) {
    return note(c.plover(), c.p())
        + (c.acledCode() == null
            ? ""
            : String.format(Locale.ROOT, " ACLED=%s p=%.2f", c.acledCode(), c.pAcled()))
        + " CAMEO="
        + c.cameoRoot();
  }

  private String note(String type, double p) {
    return String.format(Locale.ROOT, "%s PLOVER=%s p=%.2f", name, type, p);
  }
}
