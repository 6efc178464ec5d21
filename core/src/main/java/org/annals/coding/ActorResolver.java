package org.annals.coding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.annals.lexicon.ActorTerm;
import org.annals.lexicon.Lexicon;
import org.annals.lexicon.PhraseIndex;
import org.annals.nlp.Dependency;
import org.annals.nlp.EntityMention;
import org.annals.nlp.Sentence;
import org.annals.nlp.Token;
import org.jspecify.annotations.Nullable;

/**
 * Turns the head token of an actor phrase into an {@link Actor}: the phrase span, the named person
 * or organisation, and the country and sector from the country and actor lexicons and, for a named
 * person or organisation of {@code named-actors.tsv}, from its role at the article's publication
 * date. Thread-safe; the publication date is kept per thread ({@link #readRolesAt}).
 */
final class ActorResolver {
  /** Relations whose dependents belong to the actor phrase. */
  private static final Set<String> PHRASE_RELATIONS =
      Set.of(
          "compound",
          "amod",
          "nmod:poss",
          "flat",
          "nummod",
          "det",
          "case",
          "appos",
          "nmod:of",
          "nmod:from",
          "compound:prt",
          "det:predet",
          "advmod",
          "obl:npmod",
          "nmod:npmod");

  private static final Set<String> LEADING_DROPS = Set.of("the", "'s", ",", "-", "--");

  private final Lexicon lexicon;
  private final NamedActors namedActors;
  private final ThreadLocal<LocalDate> published = new ThreadLocal<>();

  ActorResolver(Lexicon lexicon) {
    this.lexicon = lexicon;
    this.namedActors = new NamedActors(lexicon);
  }

  /**
   * Reads named actors' roles at {@code date} (null: unknown) in what this thread resolves next.
   * {@link EventCoder#code(org.annals.nlp.AnnotatedDocument, String, LocalDate)} calls it before it
   * resolves a document's actors, so every worker thread codes its own article's date.
   */
  void readRolesAt(@Nullable LocalDate date) {
    if (date == null) {
      published.remove();
    } else {
      published.set(date);
    }
  }

  /** The actor headed by {@code head}, or null if the head is not a noun or name. */
  @Nullable Actor resolve(Sentence s, int head, String relation) {
    Token h = s.tokens().get(head);
    if (h.pos() == null
        || !(h.isNoun()
            || h.pos().equals("CD")
            || h.pos().startsWith("JJ")
            || h.pos().equals("PRP$")
            || h.pos().equals("DT"))) {
      return null;
    }
    int[] span = span(s, head);
    int from = span[0];
    int to = span[1];
    while (from < head
        && (LEADING_DROPS.contains(s.tokens().get(from).lower())
            || "IN".equals(s.tokens().get(from).pos())
            || "TO".equals(s.tokens().get(from).pos()))) {
      from++;
    }
    while (to > head + 1 && LEADING_DROPS.contains(s.tokens().get(to - 1).lower())) {
      to--;
    }
    List<Token> toks = s.tokens();
    String text = joinWords(s, from, to);

    String name = null;
    for (EntityMention e : s.entities()) {
      boolean inside = e.tokenStart() >= from && e.tokenEnd() <= to;
      if (inside && (e.type().equals("PERSON") || e.type().equals("ORGANIZATION"))) {
        if (name == null || (e.tokenStart() <= head && head < e.tokenEnd())) {
          name = e.text();
        }
      }
    }
    String country = null;
    String countryRule = null;
    String sector = null;
    String role = null;
    String sectorRule = null;
    int sectorDistance = Integer.MAX_VALUE;
    NamedActors.Match named = null;
    for (int i = from; i < to; i++) {
      final int base = i;
      var place = lexicon.places().longest(i, to, k -> toks.get(k).lower(), k -> toks.get(k).key());
      if (place != null && place.value().writtenAs(toks.get(i).word())) {
        if (country == null || i == head) {
          country = place.value().country().iso3();
          countryRule = place.value().kind() + " '" + joinWords(s, base, i + place.length()) + "'";
        }
      }
      PhraseIndex.Match<ActorTerm> term =
          lexicon.actors().longest(i, to, k -> toks.get(k).lower(), k -> toks.get(k).key());
      NamedActors.Match n = namedActors.at(s, i, to, head, term == null ? 0 : term.length());
      if (n != null && (named == null || n.distance() < named.distance())) {
        named = n;
      }
      if (term != null && insidePlaceName(s, i)) {
        term = null; // "Republican Palace", "Police Square": part of a place name
      }
      if (term != null) {
        ActorTerm a = term.value();
        if (a.term().length() <= 3
            && !toks.get(i).word().equals(toks.get(i).word().toUpperCase(Locale.ROOT))) {
          continue;
        }
        int last = i + term.length() - 1;
        int distance = last <= head ? head - last : last - head + 10;
        if (a.sector() != null && distance < sectorDistance) {
          sector = a.sector();
          role = a.role();
          sectorDistance = distance;
          sectorRule = a.origin();
        } else if (sector == null && role == null && a.role() != null) {
          role = a.role();
        }
        if (a.country() != null && country == null) {
          country = a.country();
          countryRule = a.origin();
        }
        if (name == null
            && a.sector() != null
            && Character.isUpperCase(toks.get(i).word().charAt(0))
            && a.country() != null) {
          name = joinWords(s, i, i + term.length());
        }
      }
    }
    if (named != null) {
      var f =
          namedActors.complete(
              s,
              named,
              new NamedActors.Found(name, country, countryRule, sector, sectorRule),
              published.get());
      name = f.name();
      country = f.country();
      countryRule = f.countryRule();
      sector = f.sector();
      sectorRule = f.sectorRule();
    }
    StringBuilder rule = new StringBuilder(relation);
    if (sectorRule != null) {
      rule.append("; sector ").append(sectorRule);
    }
    if (countryRule != null) {
      rule.append("; country ").append(countryRule);
    }
    int start = toks.get(from).start();
    int end = toks.get(to - 1).end();
    return new Actor(text, name, country, sector, role, start, end, rule.toString());
  }

  private static final Set<String> SITE_WORDS =
      Set.of(
          "palace",
          "square",
          "building",
          "gate",
          "gates",
          "street",
          "road",
          "bridge",
          "mosque",
          "church",
          "temple",
          "hotel",
          "airport",
          "hospital",
          "school",
          "university",
          "stadium",
          "market",
          "prison",
          "camp",
          "base",
          "compound",
          "zone",
          "park",
          "house",
          "hall",
          "tower",
          "port",
          "station",
          "avenue",
          "highway");

  /** True for a word inside a place or building name ("Republican Palace", "Police Square"). */
  static boolean insidePlaceName(Sentence s, int token) {
    for (EntityMention e : s.entities()) {
      if (e.tokenEnd() - e.tokenStart() < 2
          || token < e.tokenStart()
          || token >= e.tokenEnd() - 1) {
        continue;
      }
      String last = s.tokens().get(e.tokenEnd() - 1).lower();
      if (e.type().equals("LOCATION") || SITE_WORDS.contains(last)) {
        return true;
      }
    }
    return false;
  }

  /** Token span [from, to) of the phrase headed by {@code head}. */
  private static int[] span(Sentence s, int head) {
    int from = head;
    int to = head + 1;
    List<Integer> stack = new ArrayList<>();
    stack.add(head);
    boolean[] seen = new boolean[s.tokens().size()];
    seen[head] = true;
    while (!stack.isEmpty()) {
      int g = stack.remove(stack.size() - 1);
      for (Dependency d : s.children(g)) {
        int dep = d.dependent();
        if (seen[dep] || !PHRASE_RELATIONS.contains(d.relation())) {
          continue;
        }
        if (d.relation().equals("appos") && g != head) {
          continue;
        }
        if (Math.abs(dep - head) > 12) {
          continue;
        }
        seen[dep] = true;
        stack.add(dep);
        from = Math.min(from, dep);
        to = Math.max(to, dep + 1);
      }
    }
    // Keep the span contiguous and stop at clause punctuation far from the head.
    for (int k = head - 1; k >= from; k--) {
      String w = s.tokens().get(k).word();
      if (w.equals(";") || w.equals("(") || w.equals(")")) {
        from = k + 1;
        break;
      }
    }
    return new int[] {from, to};
  }

  static String joinWords(Sentence s, int from, int to) {
    StringBuilder b = new StringBuilder();
    Token prev = null;
    for (int i = from; i < to; i++) {
      Token t = s.tokens().get(i);
      if (prev != null && t.start() > prev.end()) {
        b.append(' ');
      }
      b.append(t.word());
      prev = t;
    }
    return b.toString();
  }
}
