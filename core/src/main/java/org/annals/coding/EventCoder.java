package org.annals.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.annals.lexicon.Lexicon;
import org.annals.lexicon.Modality;
import org.annals.lexicon.Refinement;
import org.annals.lexicon.TriggerEntry;
import org.annals.nlp.AnnotatedDocument;
import org.annals.nlp.Dependency;
import org.annals.nlp.Sentence;
import org.annals.nlp.Token;
import org.jspecify.annotations.Nullable;

/**
 * Codes the event-bearing clauses of an annotated document: trigger, source, target, and the
 * PLOVER, CAMEO and ACLED codes. Negated, hypothetical, conditional and merely intended clauses
 * are not coded. Thread-safe: one instance serves every worker.
 */
public final class EventCoder {
  private static final Set<String> TARGET_PREPOSITIONS =
      Set.of("on", "at", "against", "upon", "into", "with", "to", "toward", "towards", "from",
          "over", "inside");
  private static final Set<String> NOUN_SOURCE_RELATIONS =
      Set.of("nmod:poss", "nmod:by", "nmod:agent", "nmod:from", "amod", "compound");
  private static final Set<String> NOUN_TARGET_RELATIONS =
      Set.of("nmod:against", "nmod:on", "nmod:at", "nmod:upon", "nmod:of", "nmod:with",
          "nmod:to", "nmod:into", "nmod:over");
  private static final Set<String> GROUP_SECTORS =
      Set.of("MIL", "COP", "GOV", "CVL", "OPP", "LEG", "JUD", "REB", "PTY", "LAB", "EDU", "REL",
          "MED", "BUS", "HLH", "REF", "CRM", "SPY", "AGR");
  private static final Set<String> COOPERATIVE =
      Set.of("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE");
  private static final Set<String> HOSTILE =
      Set.of("PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT");
  private static final Set<String> THREAT_MODES =
      Set.of("restrict", "ban", "arrest", "relations", "expel", "territory", "curfew", "martial-law");

  /** The PLOVER THREATEN mode for a threatened act of {@code type} and {@code mode}. */
  private static @Nullable String threatMode(String type, @Nullable String mode) {
    if (mode != null && THREAT_MODES.contains(mode)) {
      return mode;
    }
    return type.equals("ASSAULT") || type.equals("FIGHT") ? "violence" : null;
  }

  /** Types whose targets may be things (a stormed building, torched cars). */
  private static final Set<String> PHYSICAL = Set.of("PROTEST", "ASSAULT", "COERCE", "FIGHT");

  private static final Set<String> PRONOUNS =
      Set.of("he", "she", "they", "it", "we", "him", "her", "them", "his", "their", "its");

  private final Lexicon lexicon;
  private final Modality modality;
  private final TriggerMatcher matcher;
  private final ActorResolver actors;

  private final java.util.function.@Nullable Consumer<String> explain;

  public EventCoder(Lexicon lexicon) {
    this(lexicon, null);
  }

  /**
   * A coder that reports every trigger match and why a clause was or was not coded to {@code
   * explain} (for {@code annals code --explain}).
   */
  public EventCoder(Lexicon lexicon, java.util.function.@Nullable Consumer<String> explain) {
    this.explain = explain;
    this.lexicon = lexicon;
    this.modality = lexicon.modality();
    this.matcher = new TriggerMatcher(lexicon);
    this.actors = new ActorResolver(lexicon);
  }

  /**
   * Codes every analysed sentence of {@code doc}, in document order. Domestic actors without a
   * country of their own (police, protesters) take {@code mainCountry}, the article's dominant
   * country, if there is one.
   */
  public List<EventMention> code(AnnotatedDocument doc, @Nullable String mainCountry) {
    List<EventMention> out = new ArrayList<>();
    List<Actor> recent = new ArrayList<>();
    for (Sentence s : doc.sentences()) {
      if (!s.analysed()) {
        continue;
      }
      List<EventMention> clauses = new ArrayList<>();
      List<TriggerMatch> matches = matcher.match(s);
      Set<Integer> anchors = new java.util.HashSet<>();
      java.util.Map<Integer, Integer> priorities = new java.util.HashMap<>();
      for (TriggerMatch m : matches) {
        anchors.add(m.anchor());
        anchors.addAll(m.tokens());
        priorities.merge(m.anchor(), m.entry().priority(), Math::max);
      }
      for (TriggerMatch m : matches) {
        EventMention e = codeClause(doc, s, m, recent, mainCountry, anchors, priorities);
        if (e != null) {
          clauses.add(e);
        }
      }
      out.addAll(oneEventPerClause(clauses));
      out.addAll(reportedObligations(doc, s, clauses, recent, mainCountry));
    }
    return out;
  }

  private @Nullable EventMention codeClause(
      AnnotatedDocument doc, Sentence s, TriggerMatch m, List<Actor> recent,
      @Nullable String mainCountry, Set<Integer> anchors, java.util.Map<Integer, Integer> priorities) {
    List<Token> toks = s.tokens();
    TriggerEntry entry = m.entry();
    List<String> rules = new ArrayList<>();
    rules.add("trigger " + entry.origin() + " '" + entry.pattern() + "' " + entry.pos());

    int anchor = m.anchor();
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
    // A one-word noun trigger that only modifies another noun is not an event ("riot police",
    // "meeting rooms", "protest leaders").
    if (!toks.get(anchor).isVerb() && entry.words() == 1) {
      for (Dependency d : s.children(anchor)) {
        Integer modifier = priorities.get(d.dependent());
        if (d.relation().equals("compound") && modifier != null && modifier > entry.priority()) {
          explain(s, m, "not coded: its modifier '" + toks.get(d.dependent()).word() + "' is more specific");
          return null;
        }
      }
      for (Dependency d : s.parents(anchor)) {
        Integer head = priorities.get(d.governor());
        if (d.relation().equals("compound") && head != null && head < entry.priority()) {
          continue; // "cease-fire agreement": the modifier says more than the head
        }
        if (d.relation().equals("compound") && d.governor() >= 0) {
          explain(s, m, "not coded: only modifies '" + toks.get(d.governor()).word() + "'");
          return null;
        }
      }
    }
    if (!toks.get(anchor).isVerb()) {
      for (Dependency d : s.parents(nounHead)) {
        if (d.governor() >= 0 && anchors.contains(d.governor()) && !m.tokens().contains(d.governor())
            && d.relation().startsWith("nmod")) {
          explain(s, m, "not coded: the topic of '" + toks.get(d.governor()).word() + "'");
          recordSubject(doc, s, predicate, recent);
          return null;
        }
      }
    }
    Modal modal = modality(s, m, nounHead, predicate, anchors);
    String type = entry.plover();
    String mode = entry.mode();
    String cameo = entry.cameo();
    String acledEvent = entry.acledEvent();
    String acledSub = entry.acledSubEvent();
    boolean statement = false;
    switch (modal.kind()) {
      case "drop" -> {
        explain(s, m, "not coded: " + modal.why());
        recordSubject(doc, s, predicate, recent);
        return null;
      }
      case "negated" -> {
        if (!COOPERATIVE.contains(type)) {
          explain(s, m, "not coded: negated by '" + modal.why() + "'");
          recordSubject(doc, s, predicate, recent);
          return null;
        }
        rules.add("negated '" + modal.why() + "': a refusal (REJECT)");
        type = "REJECT";
        cameo = "120";
        mode = null;
        statement = true;
      }
      case "future" -> {
        if (COOPERATIVE.contains(type)) {
          rules.add("intention '" + modal.why() + "': AGREE (express intent to cooperate)");
          type = "AGREE";
          cameo = "030";
          mode = null;
          statement = true;
        } else if (HOSTILE.contains(type)) {
          rules.add("intention '" + modal.why() + "': THREATEN");
          mode = threatMode(type, mode);
          type = "THREATEN";
          cameo = "130";
          statement = true;
        } else {
          rules.add("intention '" + modal.why() + "'");
          statement = true;
        }
      }
      case "obligation" -> {
        rules.add("obligation '" + modal.why() + "': DEMAND");
        type = "DEMAND";
        cameo = "100";
        mode = null;
        statement = true;
      }
      default -> { }
    }
    if (statement) {
      acledEvent = null;
      acledSub = null;
    }

    Actor source = null;
    Actor target = null;
    if (toks.get(anchor).isVerb()) {
      source = sourceOfVerb(s, anchor, rules);
      target = targetOfVerb(s, anchor, rules);
    } else {
      for (Dependency d : s.children(nounHead)) {
        String r = d.relation();
        int dep = d.dependent();
        if (m.tokens().contains(dep)) {
          continue;
        }
        if (source == null && NOUN_SOURCE_RELATIONS.contains(r)) {
          Actor a = actors.resolve(s, dep, "source " + r);
          if (a != null && (isActorLike(a) || !r.equals("compound") && !r.equals("amod"))) {
            source = a;
          }
        } else if (target == null && NOUN_TARGET_RELATIONS.contains(r)) {
          target = actors.resolve(s, dep, "target " + r);
        } else if (target == null && r.equals("nmod:for")) {
          Actor a = actors.resolve(s, dep, "target " + r);
          target = a != null && isActorLike(a) ? a : null;
        } else if (r.equals("nmod:between")) {
          source = actors.resolve(s, dep, "source nmod:between");
          for (Dependency c : s.children(dep)) {
            if (c.relation().startsWith("conj")) {
              target = actors.resolve(s, c.dependent(), "target nmod:between conj");
            }
          }
        }
      }
      if (predicate != anchor) {
        rules.add("predicate '" + toks.get(predicate).word() + "' (" + nounRole + ")");
        if (source == null && nounRole != null && nounRole.equals("obj")) {
          source = sourceOfVerb(s, predicate, rules);
        }
        if (source == null && nounRole != null && nounRole.equals("nsubj:pass")) {
          source = agentOf(s, predicate);
        }
        if (target == null) {
          target = prepositionalTarget(s, predicate);
        }
        if (target == null && nounRole != null && nounRole.equals("obj")) {
          target = purposeTarget(s, predicate);
        }
      }
    }
    if (modal.kind().equals("obligation")) {
      int speaker = reportingSubject(s, predicate);
      target = source;
      source = speaker >= 0 ? actors.resolve(s, speaker, "source subject of the reporting verb") : null;
    }
    source = resolvePronoun(doc, s, source, recent, predicate);
    target = resolvePronoun(doc, s, target, recent, predicate);
    source = withMainCountry(source, mainCountry);
    target = withMainCountry(target, mainCountry);
    if (source != null) {
      recent.add(source);
    }
    if (source != null && target != null && source.start() == target.start() && source.start() >= 0) {
      target = null;
    }

    if (statement && source == null) {
      explain(s, m, "not coded: a " + type + " statement with nobody making it");
      return null;
    }
    if (target != null && !isActorLike(target) && !PHYSICAL.contains(type)) {
      target = null; // "talks on a ceasefire": a topic, not a target
    }
    Refinement refinement = statement ? null : refinement(entry, source, target);
    if (refinement != null) {
      rules.add("refined " + refinement.origin());
      if (refinement.acledEvent() != null) {
        acledEvent = refinement.acledEvent();
      }
      if (refinement.acledSubEvent() != null) {
        acledSub = refinement.acledSubEvent();
      }
      if (refinement.cameo() != null) {
        cameo = refinement.cameo();
      }
    }
    if (type.equals("PROTEST") && !statement && !"riot".equals(mode)) {
      String cue = violentCue(s);
      if (cue != null) {
        rules.add("violent protest: '" + cue + "'");
        mode = "riot";
        cameo = "145";
        if (acledSub == null || acledSub.equals("Peaceful protest")) {
          acledEvent = "Riots";
          acledSub = "Violent demonstration";
        }
      }
    }
    if ("Protest with intervention".equals(acledSub)) {
      String lethal = cue(s, "lethal");
      if (lethal != null) {
        rules.add("lethal force: '" + lethal + "'");
        acledEvent = "Protests";
        acledSub = "Excessive force against protesters";
      }
    }
    if (source != null) {
      rules.add(source.rule());
      source = withText(doc, source);
    }
    if (target != null) {
      rules.add(target.rule());
      target = withText(doc, target);
    }
    explain(s, m, "coded " + type + " source=" + (source == null ? "-" : source.text())
        + " target=" + (target == null ? "-" : target.text()));
    int tStart = toks.get(m.first()).start();
    int tEnd = toks.get(m.last()).end();
    return new EventMention(
        s.index(), predicate, anchor, tStart, tEnd, doc.span(tStart, tEnd), type,
        mode, entry.context(), cameo, acledEvent, acledSub, source, target,
        entry.priority(), tense(s, predicate), Fatalities.find(s), depth(s, predicate), statement,
        rules);
  }

  /**
   * Where a noun trigger's predicate is itself a verb trigger ("fired tear gas"), the two code one
   * clause: keep the more specific (higher priority; the noun on a tie).
   */
  private static List<EventMention> oneEventPerClause(List<EventMention> clauses) {
    List<EventMention> out = new ArrayList<>();
    for (EventMention e : clauses) {
      boolean dominated = false;
      for (EventMention o : clauses) {
        if (o == e || o.predicate() != e.predicate()) {
          continue;
        }
        boolean eIsVerb = e.anchor() == e.predicate();
        boolean oIsVerb = o.anchor() == o.predicate();
        if (eIsVerb && !oIsVerb && o.priority() >= e.priority()) {
          dominated = true; // the noun names what was done: "fired tear gas", "launched airstrikes"
        } else if (!eIsVerb && oIsVerb && o.priority() > e.priority()) {
          dominated = true; // the verb is more specific: "defused an IED", "signed a treaty"
        }
      }
      if (!dominated) {
        out.add(e);
      }
    }
    return out;
  }

  private void explain(Sentence s, TriggerMatch m, String what) {
    if (explain != null) {
      explain.accept("sentence " + (s.index() + 1) + ": '" + s.tokens().get(m.anchor()).word() + "' "
          + m.entry().origin() + " (" + m.entry().pattern() + "): " + what);
    }
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

  private Modal modality(Sentence s, TriggerMatch match, int nounHead, int predicate,
      Set<Integer> anchors) {
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
        if ((r.equals("advmod") || r.equals("neg") || r.equals("det") || r.equals("mark")
                || r.equals("cc:preconj")) && modality.is("negation", w)) {
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
        boolean complement = r.equals("xcomp") || r.equals("ccomp") || r.startsWith("acl")
            || r.equals("csubj") || r.startsWith("advcl") || r.startsWith("conj");
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
            && (d.relation().equals("obj") || d.relation().startsWith("obl")
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

  private static boolean hasTo(Sentence s, int verb) {
    for (Dependency d : s.children(verb)) {
      if (d.relation().equals("mark") && s.tokens().get(d.dependent()).lower().equals("to")) {
        return true;
      }
    }
    return false;
  }

  /** The subject of the reporting verb above a clause ("Hungary said it will ..."), or -1. */
  private static int reportingSubject(Sentence s, int predicate) {
    int k = predicate;
    for (int steps = 0; steps < 3 && k >= 0; steps++) {
      int up = -1;
      for (Dependency d : s.parents(k)) {
        if (d.governor() >= 0 && (d.relation().equals("ccomp") || d.relation().equals("xcomp")
            || d.relation().startsWith("parataxis"))) {
          up = d.governor();
        }
      }
      if (up < 0) {
        return -1;
      }
      for (Dependency d : s.children(up)) {
        if (d.relation().equals("nsubj") && !PRONOUNS.contains(s.tokens().get(d.dependent()).lower())) {
          return d.dependent();
        }
      }
      k = up;
    }
    return -1;
  }

  private static int depth(Sentence s, int token) {
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

  private @Nullable Actor sourceOfVerb(Sentence s, int verb, List<String> rules) {
    return sourceOfVerb(s, verb, rules, 0);
  }

  private @Nullable Actor sourceOfVerb(Sentence s, int verb, List<String> rules, int depth) {
    Actor agent = null;
    Actor subject = null;
    boolean passive = false;
    for (Dependency d : s.children(verb)) {
      String r = d.relation();
      if (r.equals("nsubj") || r.equals("nsubj:xsubj")) {
        if (subject == null) {
          subject = actors.resolve(s, d.dependent(), "source " + r);
        }
      } else if (r.equals("nsubj:pass")) {
        passive = true;
      } else if (r.equals("obl:agent") || r.equals("obl:by")) {
        agent = actors.resolve(s, d.dependent(), "source " + r);
      }
    }
    if (passive) {
      return agent;
    }
    if (subject == null) {
      // A participle modifying a noun: "protesters chanting slogans".
      for (Dependency d : s.parents(verb)) {
        if (d.relation().startsWith("acl") && d.governor() >= 0) {
          subject = actors.resolve(s, d.governor(), "source acl");
        }
      }
    }
    if (subject == null && depth < 3) {
      // A clause without its own subject takes its governor's: "after initially storming",
      // "opened fire and killed", "began to shoot".
      for (Dependency d : s.parents(verb)) {
        String r = d.relation();
        if (d.governor() >= 0 && s.tokens().get(d.governor()).isVerb()
            && (r.startsWith("advcl") || r.equals("xcomp") || r.startsWith("conj"))) {
          Actor inherited = sourceOfVerb(s, d.governor(), rules, depth + 1);
          if (inherited != null) {
            return new Actor(inherited.text(), inherited.name(), inherited.country(),
                inherited.sector(), inherited.role(), inherited.start(), inherited.end(),
                inherited.rule() + " (of governing '" + s.tokens().get(d.governor()).word() + "')");
          }
        }
      }
    }
    return subject;
  }

  private @Nullable Actor agentOf(Sentence s, int verb) {
    for (Dependency d : s.children(verb)) {
      if (d.relation().equals("obl:agent") || d.relation().equals("obl:by")) {
        return actors.resolve(s, d.dependent(), "source " + d.relation());
      }
    }
    return null;
  }

  private @Nullable Actor targetOfVerb(Sentence s, int verb, List<String> rules) {
    Actor object = null;
    for (Dependency d : s.children(verb)) {
      String r = d.relation();
      if (r.equals("nsubj:pass") || r.equals("obj") || r.equals("iobj")) {
        Actor a = actors.resolve(s, d.dependent(), "target " + r);
        if (a != null && isActorLike(a)) {
          return a;
        }
        if (object == null) {
          object = a;
        }
      }
    }
    Actor prep = prepositionalTarget(s, verb);
    if (prep != null) {
      return prep;
    }
    if (object == null || !isActorLike(object)) {
      Actor purpose = purposeTarget(s, verb);
      if (purpose != null) {
        return purpose;
      }
    }
    return object;
  }

  /**
   * "The administration declared that China must drop barriers": a reported obligation is a DEMAND
   * by the speaker on the clause's subject, whatever the verb (a construction, not a trigger word;
   * the obligation words are in modality.tsv).
   */
  private List<EventMention> reportedObligations(AnnotatedDocument doc, Sentence s,
      List<EventMention> coded, List<Actor> recent, @Nullable String mainCountry) {
    List<EventMention> out = new ArrayList<>();
    List<Token> toks = s.tokens();
    for (int v = 0; v < toks.size(); v++) {
      if (!toks.get(v).isVerb()) {
        continue;
      }
      int modal = -1;
      for (Dependency d : s.children(v)) {
        if (d.relation().equals("aux") && modality.is("obligation", toks.get(d.dependent()).key())) {
          modal = d.dependent();
        }
      }
      if (modal < 0 || modal > v) {
        continue;
      }
      final int verb = v;
      if (coded.stream().anyMatch(e -> e.predicate() == verb || e.anchor() == verb)) {
        continue;
      }
      int reporting = -1;
      for (Dependency d : s.parents(v)) {
        if (d.governor() >= 0 && d.relation().equals("ccomp") && toks.get(d.governor()).isVerb()) {
          reporting = d.governor();
        }
      }
      int speaker = reporting < 0 ? -1 : reportingSubject(s, v);
      if (speaker < 0) {
        continue;
      }
      List<String> rules = new ArrayList<>();
      rules.add("construction: reported obligation '" + toks.get(modal).word() + " "
          + toks.get(v).word() + "' under '" + toks.get(reporting).word() + "' (modality.tsv obligation)");
      Actor source = actors.resolve(s, speaker, "source subject of the reporting verb");
      Actor target = null;
      for (Dependency d : s.children(v)) {
        if (d.relation().equals("nsubj") || d.relation().equals("nsubj:pass")) {
          target = actors.resolve(s, d.dependent(), "target subject of the obligation");
        }
      }
      source = withMainCountry(resolvePronoun(doc, s, source, recent, v), mainCountry);
      target = withMainCountry(resolvePronoun(doc, s, target, recent, v), mainCountry);
      if (source == null) {
        continue;
      }
      rules.add(source.rule());
      source = withText(doc, source);
      if (target != null) {
        rules.add(target.rule());
        target = withText(doc, target);
      }
      int start = toks.get(modal).start();
      int end = toks.get(v).end();
      out.add(new EventMention(s.index(), v, v, start, end, doc.span(start, end), "DEMAND", null,
          List.of(), "100", null, null, source, target, 3, null, null, depth(s, v), true, rules));
    }
    return out;
  }

  /** A word that makes a protest violent ("threw Molotov cocktails"), or null. */
  private @Nullable String violentCue(Sentence s) {
    return cue(s, "violent");
  }

  /** The first word or phrase of {@code kind} (modality.tsv) in the sentence, or null. */
  private @Nullable String cue(Sentence s, String kind) {
    List<Token> toks = s.tokens();
    for (int i = 0; i < toks.size(); i++) {
      var m = modality.phrases().longest(i, toks.size(), k -> toks.get(k).lower(), k -> toks.get(k).key());
      if (m != null && m.value().equals(kind)) {
        return toks.get(i).word();
      }
    }
    return null;
  }

  /** A clause that is not coded still names who is being talked about ("they" later). */
  private void recordSubject(AnnotatedDocument doc, Sentence s, int predicate, List<Actor> recent) {
    if (!s.tokens().get(predicate).isVerb()) {
      return;
    }
    for (Dependency d : s.children(predicate)) {
      if (d.relation().equals("nsubj")) {
        Actor a = actors.resolve(s, d.dependent(), "subject");
        if (a != null && isActorLike(a) && !PRONOUNS.contains(a.text().toLowerCase(Locale.ROOT))) {
          recent.add(withText(doc, a));
        }
      }
    }
  }

  /** "opened fire to disperse the crowds": the purpose clause names who was targeted. */
  private @Nullable Actor purposeTarget(Sentence s, int verb) {
    List<Dependency> clauses = new ArrayList<>(s.children(verb));
    for (Dependency d : s.children(verb)) {
      if (d.relation().equals("obj")) {
        clauses.addAll(s.children(d.dependent()));
      }
    }
    for (Dependency d : clauses) {
      boolean clause = d.relation().startsWith("advcl") || d.relation().equals("xcomp")
          || d.relation().startsWith("acl");
      if (clause && hasTo(s, d.dependent())) {
        for (Dependency c : s.children(d.dependent())) {
          if (c.relation().equals("obj")) {
            Actor a = actors.resolve(s, c.dependent(), "target obj of purpose clause");
            if (a != null && isActorLike(a)) {
              return a;
            }
          }
        }
      }
    }
    return null;
  }

  private @Nullable Actor prepositionalTarget(Sentence s, int verb) {
    for (Dependency d : s.children(verb)) {
      String r = d.relation();
      int colon = r.indexOf(':');
      if (r.startsWith("obl") && colon > 0 && TARGET_PREPOSITIONS.contains(r.substring(colon + 1))) {
        Actor a = actors.resolve(s, d.dependent(), "target " + r);
        if (a != null && isActorLike(a)) {
          return a;
        }
      }
    }
    return null;
  }

  private static boolean isActorLike(Actor a) {
    return a.sector() != null || a.name() != null || a.country() != null || a.role() != null;
  }

  /** The nearest person named before {@code pronoun}: this sentence first, then earlier ones. */
  private @Nullable Actor nearestPerson(AnnotatedDocument doc, Sentence s, Actor pronoun) {
    for (int k = s.index(); k >= Math.max(0, s.index() - 3); k--) {
      Sentence prev = doc.sentences().get(k);
      org.annals.nlp.EntityMention best = null;
      for (org.annals.nlp.EntityMention e : prev.entities()) {
        if (e.type().equals("PERSON")
            && (k < s.index() || prev.tokens().get(e.tokenEnd() - 1).end() <= pronoun.start())) {
          best = e;
        }
      }
      if (best != null) {
        Actor a = actors.resolve(prev, best.tokenEnd() - 1, "person");
        if (a != null && a.name() != null) {
          return a;
        }
      }
    }
    return null;
  }

  private @Nullable Actor resolvePronoun(
      AnnotatedDocument doc, Sentence s, @Nullable Actor a, List<Actor> recent, int predicate) {
    if (a == null || !PRONOUNS.contains(a.text().toLowerCase(Locale.ROOT))) {
      return a;
    }
    int speaker = reportingSubject(s, predicate);
    if (speaker >= 0) {
      Actor r = actors.resolve(s, speaker, "antecedent");
      if (r != null && isActorLike(r)) {
        return new Actor(a.text(), r.name() != null ? r.name() : doc.span(r.start(), r.end()),
            r.country(), r.sector(), r.role(), a.start(), a.end(),
            a.rule() + "; pronoun antecedent: subject of the reporting verb");
      }
    }
    boolean person = Set.of("he", "she", "him", "her", "his").contains(a.text().toLowerCase(Locale.ROOT));
    if (person) {
      Actor named = nearestPerson(doc, s, a);
      if (named != null) {
        return new Actor(a.text(), named.name(), named.country(), named.sector(), named.role(),
            a.start(), a.end(), a.rule() + "; pronoun antecedent '" + named.name() + "'");
      }
    }
    for (int i = recent.size() - 1; i >= Math.max(0, recent.size() - 6); i--) {
      Actor r = recent.get(i);
      if (PRONOUNS.contains(r.text().toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (person == (r.name() != null && r.sector() == null || r.role() != null && r.role().equals("official"))
          || (!person && r.name() == null)) {
        return new Actor(a.text(), r.name() != null ? r.name() : r.text(), r.country(), r.sector(),
            r.role(), a.start(), a.end(),
            a.rule() + "; pronoun antecedent '" + r.text() + "'");
      }
    }
    return a;
  }

  private @Nullable Actor withMainCountry(@Nullable Actor a, @Nullable String mainCountry) {
    if (a == null || a.country() != null || mainCountry == null || a.sector() == null
        || !GROUP_SECTORS.contains(a.sector())) {
      return a;
    }
    return a.withCountry(mainCountry, "article's main country");
  }

  private static Actor withText(AnnotatedDocument doc, Actor a) {
    if (a.start() < 0) {
      return a;
    }
    return new Actor(doc.span(a.start(), a.end()), a.name(), a.country(), a.sector(), a.role(),
        a.start(), a.end(), a.rule());
  }

  private @Nullable Refinement refinement(TriggerEntry e, @Nullable Actor source, @Nullable Actor target) {
    for (Refinement r : lexicon.refinements()) {
      if (!r.plover().equals("*") && !r.plover().equals(e.plover())) {
        continue;
      }
      if (r.mode() != null && !r.mode().equals(e.mode())) {
        continue;
      }
      if (matches(source, r.sourceSectors(), r.sourceRole())
          && matches(target, r.targetSectors(), r.targetRole())) {
        return r;
      }
    }
    return null;
  }

  private static boolean matches(@Nullable Actor a, Set<String> sectors, @Nullable String role) {
    if (sectors.isEmpty() && role == null) {
      return true;
    }
    if (a == null) {
      return false;
    }
    if (!sectors.isEmpty() && (a.sector() == null || !sectors.contains(a.sector()))) {
      return false;
    }
    return role == null || role.equals(a.role());
  }

  private @Nullable String tense(Sentence s, int predicate) {
    String t = aspect(s, predicate);
    if ("past-perfect".equals(t)) {
      // "the army said it had recaptured": reported speech shifts the tense back; not history.
      for (Dependency d : s.parents(predicate)) {
        if (d.governor() >= 0 && d.relation().equals("ccomp")
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

  /** The lexicon this coder reads. */
  public Lexicon lexicon() {
    return lexicon;
  }
}
