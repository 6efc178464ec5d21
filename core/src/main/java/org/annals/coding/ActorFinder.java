package org.annals.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.annals.nlp.AnnotatedDocument;
import org.annals.nlp.Dependency;
import org.annals.nlp.EntityMention;
import org.annals.nlp.Sentence;
import org.jspecify.annotations.Nullable;

/**
 * Finds who acts and who is acted upon in a clause, from the dependency graph: subjects, passive
 * agents, objects, prepositional objects, purpose clauses, pronouns and their antecedents.
 * Thread-safe.
 */
final class ActorFinder {
  private static final Set<String> TARGET_PREPOSITIONS =
      Set.of(
          "on", "at", "against", "upon", "into", "with", "to", "toward", "towards", "from", "over",
          "inside");
  private static final Set<String> NOUN_SOURCE_RELATIONS =
      Set.of("nmod:poss", "nmod:by", "nmod:agent", "nmod:from", "amod", "compound");
  private static final Set<String> NOUN_TARGET_RELATIONS =
      Set.of(
          "nmod:against",
          "nmod:on",
          "nmod:at",
          "nmod:upon",
          "nmod:of",
          "nmod:with",
          "nmod:to",
          "nmod:into",
          "nmod:over");
  private static final Set<String> GROUP_SECTORS =
      Set.of(
          "MIL", "COP", "GOV", "CVL", "OPP", "LEG", "JUD", "REB", "PTY", "LAB", "EDU", "REL", "MED",
          "BUS", "HLH", "REF", "CRM", "SPY", "AGR");
  static final Set<String> PRONOUNS =
      Set.of("he", "she", "they", "it", "we", "him", "her", "them", "his", "their", "its");

  private final ActorResolver actors;

  ActorFinder(ActorResolver actors) {
    this.actors = actors;
  }

  /** The resolver that turns a head token into an actor. */
  ActorResolver resolver() {
    return actors;
  }

  /**
   * Source and target of a noun trigger: its own modifiers ("Israeli airstrikes", "an attack by
   * rebels", "clashes between police and protesters", "protests against the government"), else the
   * verb it is the object or subject of ("launched an attack on …").
   */
  Actor[] forNoun(Sentence s, TriggerMatch m, Clause c, List<String> rules) {
    Actor source = null;
    Actor target = null;
    for (Dependency d : s.children(c.nounHead())) {
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
        for (Dependency k : s.children(dep)) {
          if (k.relation().startsWith("conj")) {
            target = actors.resolve(s, k.dependent(), "target nmod:between conj");
          }
        }
      }
    }
    int predicate = c.predicate();
    String role = c.nounRole();
    if (predicate != c.anchor()) {
      rules.add("predicate '" + s.tokens().get(predicate).word() + "' (" + role + ")");
      if (source == null && "obj".equals(role)) {
        source = sourceOfVerb(s, predicate);
      }
      if (source == null && "nsubj:pass".equals(role)) {
        source = agentOf(s, predicate);
      }
      if (target == null) {
        target = prepositionalTarget(s, predicate);
      }
      if (target == null && "obj".equals(role)) {
        target = purposeTarget(s, predicate);
      }
    }
    return new Actor[] {source, target};
  }

  @Nullable Actor sourceOfVerb(Sentence s, int verb) {
    return sourceOfVerb(s, verb, 0);
  }

  @Nullable Actor sourceOfVerb(Sentence s, int verb, int depth) {
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
        if (d.governor() >= 0
            && s.tokens().get(d.governor()).isVerb()
            && (r.startsWith("advcl") || r.equals("xcomp") || r.startsWith("conj"))) {
          Actor inherited = sourceOfVerb(s, d.governor(), depth + 1);
          if (inherited != null) {
            return new Actor(
                inherited.text(),
                inherited.name(),
                inherited.country(),
                inherited.sector(),
                inherited.role(),
                inherited.start(),
                inherited.end(),
                inherited.rule() + " (of governing '" + s.tokens().get(d.governor()).word() + "')");
          }
        }
      }
    }
    return subject;
  }

  @Nullable Actor agentOf(Sentence s, int verb) {
    for (Dependency d : s.children(verb)) {
      if (d.relation().equals("obl:agent") || d.relation().equals("obl:by")) {
        return actors.resolve(s, d.dependent(), "source " + d.relation());
      }
    }
    return null;
  }

  @Nullable Actor targetOfVerb(Sentence s, int verb) {
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

  /** "opened fire to disperse the crowds": the purpose clause names who was targeted. */
  @Nullable Actor purposeTarget(Sentence s, int verb) {
    List<Dependency> clauses = new ArrayList<>(s.children(verb));
    for (Dependency d : s.children(verb)) {
      if (d.relation().equals("obj")) {
        clauses.addAll(s.children(d.dependent()));
      }
    }
    for (Dependency d : clauses) {
      boolean clause =
          d.relation().startsWith("advcl")
              || d.relation().equals("xcomp")
              || d.relation().startsWith("acl");
      if (clause && ClauseModality.hasTo(s, d.dependent())) {
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

  @Nullable Actor prepositionalTarget(Sentence s, int verb) {
    for (Dependency d : s.children(verb)) {
      String r = d.relation();
      int colon = r.indexOf(':');
      if (r.startsWith("obl")
          && colon > 0
          && TARGET_PREPOSITIONS.contains(r.substring(colon + 1))) {
        Actor a = actors.resolve(s, d.dependent(), "target " + r);
        if (a != null && isActorLike(a)) {
          return a;
        }
      }
    }
    return null;
  }

  static boolean isActorLike(Actor a) {
    return a.sector() != null || a.name() != null || a.country() != null || a.role() != null;
  }

  /** The nearest person named before {@code pronoun}: this sentence first, then earlier ones. */
  @Nullable Actor nearestPerson(AnnotatedDocument doc, Sentence s, Actor pronoun) {
    for (int k = s.index(); k >= Math.max(0, s.index() - 3); k--) {
      Sentence prev = doc.sentences().get(k);
      EntityMention best = null;
      for (EntityMention e : prev.entities()) {
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

  @Nullable Actor resolvePronoun(
      AnnotatedDocument doc, Sentence s, @Nullable Actor a, List<Actor> recent, int predicate) {
    if (a == null || !PRONOUNS.contains(a.text().toLowerCase(Locale.ROOT))) {
      return a;
    }
    int speaker = ClauseModality.reportingSubject(s, predicate);
    if (speaker >= 0) {
      Actor r = actors.resolve(s, speaker, "antecedent");
      if (r != null && isActorLike(r)) {
        return new Actor(
            a.text(),
            r.name() != null ? r.name() : doc.span(r.start(), r.end()),
            r.country(),
            r.sector(),
            r.role(),
            a.start(),
            a.end(),
            a.rule() + "; pronoun antecedent: subject of the reporting verb");
      }
    }
    boolean person =
        Set.of("he", "she", "him", "her", "his").contains(a.text().toLowerCase(Locale.ROOT));
    if (person) {
      Actor named = nearestPerson(doc, s, a);
      if (named != null) {
        return new Actor(
            a.text(),
            named.name(),
            named.country(),
            named.sector(),
            named.role(),
            a.start(),
            a.end(),
            a.rule() + "; pronoun antecedent '" + named.name() + "'");
      }
    }
    for (int i = recent.size() - 1; i >= Math.max(0, recent.size() - 6); i--) {
      Actor r = recent.get(i);
      if (PRONOUNS.contains(r.text().toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (person
              == (r.name() != null && r.sector() == null
                  || r.role() != null && r.role().equals("official"))
          || (!person && r.name() == null)) {
        return new Actor(
            a.text(),
            r.name() != null ? r.name() : r.text(),
            r.country(),
            r.sector(),
            r.role(),
            a.start(),
            a.end(),
            a.rule() + "; pronoun antecedent '" + r.text() + "'");
      }
    }
    return a;
  }

  /** A clause that is not coded still names who is being talked about ("they" later). */
  void recordSubject(AnnotatedDocument doc, Sentence s, int predicate, List<Actor> recent) {
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

  @Nullable Actor withMainCountry(@Nullable Actor a, @Nullable String mainCountry) {
    if (a == null
        || a.country() != null
        || mainCountry == null
        || a.sector() == null
        || !GROUP_SECTORS.contains(a.sector())) {
      return a;
    }
    return a.withCountry(mainCountry, "article's main country");
  }

  static Actor withText(AnnotatedDocument doc, Actor a) {
    if (a.start() < 0) {
      return a;
    }
    return new Actor(
        doc.span(a.start(), a.end()),
        a.name(),
        a.country(),
        a.sector(),
        a.role(),
        a.start(),
        a.end(),
        a.rule());
  }
}
