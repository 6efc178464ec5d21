package org.annals.coding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.annals.classify.Compat;
import org.annals.classify.EventClassifier;
import org.annals.classify.Example;
import org.annals.classify.Prediction;
import org.annals.lexicon.Lexicon;
import org.annals.lexicon.Refinement;
import org.annals.lexicon.TriggerEntry;
import org.annals.nlp.AnnotatedDocument;
import org.annals.nlp.Dependency;
import org.annals.nlp.Sentence;
import org.annals.nlp.Token;
import org.jspecify.annotations.Nullable;

/**
 * Codes the event-bearing clauses of an annotated document: trigger, source, target, and the
 * PLOVER, CAMEO and ACLED codes. Negated, hypothetical, conditional and merely intended clauses are
 * not coded as things that happened (see {@link ClauseModality} and {@link Codes}). Thread-safe:
 * one instance serves every worker.
 */
public final class EventCoder {
  /** Types whose targets may be things (a stormed building, torched cars). */
  private static final Set<String> PHYSICAL = Set.of("PROTEST", "ASSAULT", "COERCE", "FIGHT");

  private final Lexicon lexicon;
  private final TriggerMatcher matcher;
  private final ClauseModality clauses;
  private final ActorFinder finder;
  private final ReportedObligations obligations;
  private final @Nullable Consumer<String> explain;
  private final @Nullable EventClassifier classifier;
  private final ModelDecisions decisions;

  public EventCoder(Lexicon lexicon) {
    this(lexicon, null);
  }

  /**
   * A coder that reports every trigger match and why a clause was or was not coded to {@code
   * explain} (for {@code annals code --explain}).
   */
  public EventCoder(Lexicon lexicon, @Nullable Consumer<String> explain) {
    this(lexicon, explain, null);
  }

  /**
   * A coder whose types are decided by {@code classifier} beside the rules (null: the rules alone);
   * see {@link ModelDecisions} for how the two are combined.
   */
  public EventCoder(
      Lexicon lexicon, @Nullable Consumer<String> explain, @Nullable EventClassifier classifier) {
    this.lexicon = lexicon;
    this.classifier = classifier;
    this.decisions = new ModelDecisions(Compat.of(lexicon), lexicon.modality(), classifier);
    this.explain = explain;
    this.matcher = new TriggerMatcher(lexicon);
    this.clauses = new ClauseModality(lexicon.modality());
    this.finder = new ActorFinder(new ActorResolver(lexicon));
    this.obligations = new ReportedObligations(lexicon.modality(), finder);
  }

  /**
   * Codes every analysed sentence of {@code doc}, in document order. Domestic actors without a
   * country of their own (police, protesters) take {@code mainCountry}, the article's dominant
   * country, if there is one.
   */
  public List<EventMention> code(AnnotatedDocument doc, @Nullable String mainCountry) {
    return code(doc, mainCountry, null);
  }

  /**
   * As {@link #code(AnnotatedDocument, String)}, for an article published on {@code published}
   * (null when unknown): the date at which named people's dated roles are read.
   */
  public List<EventMention> code(
      AnnotatedDocument doc, @Nullable String mainCountry, @Nullable LocalDate published) {
    finder.resolver().readRolesAt(published);
    List<Actor> recent = new ArrayList<>();
    List<SentenceRules> sentences = new ArrayList<>();
    for (Sentence s : doc.sentences()) {
      if (s.analysed()) {
        sentences.add(codeSentence(doc, s, recent, mainCountry));
      }
    }
    List<EventMention> out = new ArrayList<>();
    if (classifier == null || sentences.isEmpty()) {
      sentences.forEach(r -> out.addAll(r.mentions()));
      return out;
    }
    List<Example> examples = new ArrayList<>(sentences.size());
    for (SentenceRules r : sentences) {
      examples.add(RuleFeatures.example(doc, r));
    }
    List<Prediction> predictions = classifier.classify(examples);
    for (int i = 0; i < sentences.size(); i++) {
      SentenceRules r = sentences.get(i);
      Prediction p = predictions.get(i);
      if (p == null) {
        out.addAll(r.mentions());
        continue;
      }
      List<Actor> before = new ArrayList<>(recent.subList(0, r.recentBefore()));
      ModelDecisions.Recoder recode =
          (match, refine) ->
              codeClause(
                  doc,
                  r.sentence(),
                  match,
                  before,
                  mainCountry,
                  r.anchors(),
                  r.priorities(),
                  new int[2],
                  refine);
      out.addAll(decisions.decide(r, p, recode, line -> explainLine(r.sentence(), line)));
    }
    return out;
  }

  /** The rules' pass over one sentence: its coded clauses and what was matched but not coded. */
  private SentenceRules codeSentence(
      AnnotatedDocument doc, Sentence s, List<Actor> recent, @Nullable String mainCountry) {
    int recentBefore = recent.size();
    List<EventMention> clauses = new ArrayList<>();
    List<TriggerMatch> matches = matcher.match(s);
    Set<Integer> anchors = new java.util.HashSet<>();
    Map<Integer, Integer> priorities = new java.util.HashMap<>();
    for (TriggerMatch m : matches) {
      anchors.add(m.anchor());
      anchors.addAll(m.tokens());
      priorities.merge(m.anchor(), m.entry().priority(), Math::max);
    }
    int[] skipped = new int[2];
    Map<EventMention, TriggerMatch> matchOf = new java.util.IdentityHashMap<>();
    for (TriggerMatch m : matches) {
      EventMention e =
          codeClause(doc, s, m, recent, mainCountry, anchors, priorities, skipped, true);
      if (e != null) {
        clauses.add(e);
        matchOf.put(e, m);
      }
    }
    List<EventMention> mentions = new ArrayList<>(withoutCasualties(s, oneEventPerClause(clauses)));
    mentions.addAll(obligations.find(doc, s, clauses, recent, mainCountry));
    return new SentenceRules(
        s,
        mentions,
        matchOf,
        anchors,
        priorities,
        matches.size(),
        skipped[0],
        skipped[1],
        recentBefore);
  }

  private @Nullable EventMention codeClause(
      AnnotatedDocument doc,
      Sentence s,
      TriggerMatch m,
      List<Actor> recent,
      @Nullable String mainCountry,
      Set<Integer> anchors,
      Map<Integer, Integer> priorities,
      int[] skipped,
      boolean refine) {
    TriggerEntry entry = m.entry();
    List<String> rules = new ArrayList<>();
    rules.add("trigger " + entry.origin() + " '" + entry.pattern() + "' " + entry.pos());
    Clause c = Clause.of(s, m.anchor());
    String skip = notAnEvent(s, m, c, anchors, priorities);
    if (skip != null) {
      explain(s, m, "not coded: " + skip);
      if (skip.startsWith("the topic")) {
        finder.recordSubject(doc, s, c.predicate(), recent);
      }
      return null;
    }
    ClauseModality.Modal modal = clauses.modality(s, m, c.nounHead(), c.predicate(), anchors);
    Codes codes = Codes.of(entry).afterModality(modal, rules);
    if (codes == null) {
      skipped[modal.kind().equals("negated") ? 0 : 1]++;
      explain(
          s,
          m,
          "not coded: "
              + (modal.kind().equals("negated") ? "negated by '" : "")
              + modal.why()
              + (modal.kind().equals("negated") ? "'" : ""));
      finder.recordSubject(doc, s, c.predicate(), recent);
      return null;
    }

    Actor[] found =
        c.verbal(s)
            ? new Actor[] {finder.sourceOfVerb(s, c.anchor()), finder.targetOfVerb(s, c.anchor())}
            : finder.forNoun(s, m, c, rules);
    Actor source = found[0];
    Actor target = found[1];
    if (modal.kind().equals("obligation")) {
      int speaker = ClauseModality.reportingSubject(s, c.predicate());
      target = source;
      source =
          speaker >= 0
              ? finder.resolver().resolve(s, speaker, "source subject of the reporting verb")
              : null;
    }
    source =
        finder.withMainCountry(
            finder.resolvePronoun(doc, s, source, recent, c.predicate()), mainCountry);
    target =
        finder.withMainCountry(
            finder.resolvePronoun(doc, s, target, recent, c.predicate()), mainCountry);
    if (source != null) {
      recent.add(source);
    }
    if (source != null
        && target != null
        && source.start() == target.start()
        && source.start() >= 0) {
      target = null;
    }
    if (codes.statement() && source == null) {
      explain(s, m, "not coded: a " + codes.type() + " statement with nobody making it");
      return null;
    }
    if (target != null && !ActorFinder.isActorLike(target) && !PHYSICAL.contains(codes.type())) {
      target = null; // "talks on a ceasefire": a topic, not a target
    }
    codes =
        codes
            .refined(codes.statement() || !refine ? null : refinement(entry, source, target), rules)
            .withCues(clauses.cue(s, "violent"), clauses.cue(s, "lethal"), rules);
    if (source != null) {
      rules.add(source.rule());
      source = ActorFinder.withText(doc, source);
    }
    if (target != null) {
      rules.add(target.rule());
      target = ActorFinder.withText(doc, target);
    }
    explain(
        s,
        m,
        "coded "
            + codes.type()
            + " source="
            + (source == null ? "-" : source.text())
            + " target="
            + (target == null ? "-" : target.text()));
    List<Token> toks = s.tokens();
    int tStart = toks.get(m.first()).start();
    int tEnd = toks.get(m.last()).end();
    return new EventMention(
        s.index(),
        c.predicate(),
        c.anchor(),
        tStart,
        tEnd,
        doc.span(tStart, tEnd),
        codes.type(),
        codes.mode(),
        entry.context(),
        codes.cameo(),
        codes.acledEvent(),
        codes.acledSub(),
        source,
        target,
        entry.priority(),
        clauses.tense(s, c.predicate()),
        Fatalities.find(s),
        ClauseModality.depth(s, c.predicate()),
        codes.statement(),
        rules);
  }

  /**
   * Why a noun trigger is not an event of its own, or null: it only modifies another noun ("riot
   * police", "meeting rooms"), a more specific modifier codes the phrase ("cease-fire agreement"),
   * or it is the topic of another trigger ("talks on a ceasefire").
   */
  private static @Nullable String notAnEvent(
      Sentence s,
      TriggerMatch m,
      Clause c,
      Set<Integer> anchors,
      Map<Integer, Integer> priorities) {
    List<Token> toks = s.tokens();
    if (c.verbal(s)) {
      return null;
    }
    TriggerEntry entry = m.entry();
    int anchor = c.anchor();
    if (entry.words() == 1) {
      for (Dependency d : s.children(anchor)) {
        Integer modifier = priorities.get(d.dependent());
        if (d.relation().equals("compound") && modifier != null && modifier > entry.priority()) {
          return "its modifier '" + toks.get(d.dependent()).word() + "' is more specific";
        }
      }
      for (Dependency d : s.parents(anchor)) {
        Integer head = priorities.get(d.governor());
        if (d.relation().equals("compound") && head != null && head < entry.priority()) {
          continue; // "cease-fire agreement": the modifier says more than the head
        }
        if (d.relation().equals("compound") && d.governor() >= 0) {
          return "only modifies '" + toks.get(d.governor()).word() + "'";
        }
      }
    }
    for (Dependency d : s.parents(c.nounHead())) {
      if (d.governor() >= 0
          && anchors.contains(d.governor())
          && !m.tokens().contains(d.governor())
          && d.relation().startsWith("nmod")) {
        return "the topic of '" + toks.get(d.governor()).word() + "'";
      }
    }
    return null;
  }

  /**
   * The clauses without those that only report another clause's casualties: in "Russian forces
   * shelled Kharkiv, killing three civilians" or "an air strike hit a market, killing 12", the
   * killing is the shelling's and the strike's toll (they carry the fatalities), not an ASSAULT of
   * its own that would count the same dead twice.
   */
  private List<EventMention> withoutCasualties(Sentence s, List<EventMention> clauses) {
    List<EventMention> out = new ArrayList<>();
    for (EventMention e : clauses) {
      if (casualtyOf(s, e, clauses) == null) {
        out.add(e);
      } else {
        explainLine(
            s,
            "'"
                + e.trigger()
                + "' reports the casualties of '"
                + casualtyOf(s, e, clauses).trigger()
                + "': not an event of its own");
      }
    }
    return out;
  }

  private @Nullable EventMention casualtyOf(
      Sentence s, EventMention e, List<EventMention> clauses) {
    if (!e.plover().equals("ASSAULT")
        || !lexicon.modality().is("casualty", s.tokens().get(e.anchor()).key())) {
      return null;
    }
    for (Dependency d : s.parents(e.predicate())) {
      String r = d.relation();
      if (!(r.startsWith("advcl") || r.equals("xcomp") || r.startsWith("acl") || r.equals("dep"))) {
        continue;
      }
      for (EventMention o : clauses) {
        if (o != e && o.predicate() == d.governor() && PHYSICAL.contains(o.plover())) {
          return o;
        }
      }
    }
    return null;
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

  private void explainLine(Sentence s, String what) {
    if (explain != null) {
      explain.accept("sentence " + (s.index() + 1) + ": " + what);
    }
  }

  private void explain(Sentence s, TriggerMatch m, String what) {
    if (explain != null) {
      explain.accept(
          "sentence "
              + (s.index() + 1)
              + ": '"
              + s.tokens().get(m.anchor()).word()
              + "' "
              + m.entry().origin()
              + " ("
              + m.entry().pattern()
              + "): "
              + what);
    }
  }

  private @Nullable Refinement refinement(
      TriggerEntry e, @Nullable Actor source, @Nullable Actor target) {
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

  /** The lexicon this coder reads. */
  public Lexicon lexicon() {
    return lexicon;
  }
}
