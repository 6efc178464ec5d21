package org.annals.place;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.annals.coding.Actor;
import org.annals.coding.EventMention;
import org.annals.event.CodedEvent.Location;
import org.annals.lexicon.Lexicon;
import org.annals.nlp.AnnotatedDocument;
import org.annals.nlp.Dependency;
import org.annals.nlp.Sentence;
import org.annals.nlp.Token;
import org.jspecify.annotations.Nullable;

/**
 * Places an event: a nationwide measure at its country; else the place its clause is anchored to
 * ("in the Green Zone", "at the entrance to the palace in Baghdad"), the most precise if several;
 * else, for "national", the country; else the most precise place of the same sentence, the nearest
 * to the trigger if tied; else "the capital" of the article's country; else the article's main
 * country, at country precision. Places used as actors ("Washington said"), demonyms and places
 * inside hyphenated words never locate an event. Thread-safe.
 */
public final class EventPlacer {
  private static final Set<String> PLACE_PREPOSITIONS =
      Set.of(
          "in",
          "at",
          "near",
          "outside",
          "inside",
          "across",
          "throughout",
          "around",
          "into",
          "to",
          "from",
          "on",
          "of",
          "towards",
          "toward",
          "within");
  private static final Set<String> NATIONWIDE = Set.of("nationwide", "countrywide", "nation-wide");

  private final Lexicon lexicon;
  private final Gazetteer gazetteer;

  public EventPlacer(Lexicon lexicon, Gazetteer gazetteer) {
    this.lexicon = lexicon;
    this.gazetteer = gazetteer;
  }

  /** Where an event happened and the rule that said so. */
  public record Placed(Location location, String rule) {}

  public Placed place(
      AnnotatedDocument doc, EventMention e, @Nullable String mainCountry, List<Toponym> toponyms) {
    Sentence s = doc.sentences().get(e.sentence());
    for (Token t : s.tokens()) {
      if (NATIONWIDE.contains(t.lower()) && mainCountry != null) {
        return new Placed(country(mainCountry), "place: '" + t.word() + "' → country");
      }
    }
    Toponym attached = null;
    Toponym nearest = null;
    int trigger = e.anchor() >= 0 ? e.anchor() : e.predicate();
    for (Toponym t : toponyms) {
      if (t.sentence() != e.sentence()
          || !t.use().equals("place")
          || t.place() == null
          || inside(e.source(), s, t)) {
        continue;
      }
      // "stormed the Green Zone", "shelled Bakhmut": a site or town as target is where it
      // happened; a country as target ("criticised Japan") is an actor.
      if (inside(e.target(), s, t) && !physical(t.place())) {
        continue;
      }
      // "in Iraq's Basra province": both hang from the clause; the more precise one wins.
      if (anchoredTo(s, t, e) && (attached == null || finer(t, attached))) {
        attached = t;
      }
      if (nearest == null
          || finer(t, nearest)
          || !finer(nearest, t) && distance(t, trigger) < distance(nearest, trigger)) {
        nearest = t;
      }
    }
    if (attached != null) {
      return new Placed(
          location(attached.place()), "place: clause names '" + attached.text() + "'");
    }
    // "a national strike": the country, unless the clause names a place ("national guard in
    // Baghdad" is in Baghdad).
    for (Token t : s.tokens()) {
      if (t.lower().equals("national") && mainCountry != null) {
        return new Placed(country(mainCountry), "place: 'national' → country");
      }
    }
    if (nearest != null) {
      return new Placed(
          location(nearest.place()), "place: sentence names '" + nearest.text() + "'");
    }
    GeoPlace capital = theCapital(s, mainCountry);
    if (capital != null) {
      return new Placed(location(capital), "place: 'the capital' of " + mainCountry);
    }
    if (mainCountry != null) {
      return new Placed(country(mainCountry), "place: article's main country");
    }
    String placed = mostPlaced(toponyms);
    if (placed != null) {
      return new Placed(country(placed), "place: the country of the article's places");
    }
    return new Placed(Location.unknown(), "place: none named");
  }

  /** The country most of the article's places are in (ties: none), or null. */
  private static @Nullable String mostPlaced(List<Toponym> toponyms) {
    Map<String, Integer> counts = new HashMap<>();
    for (Toponym t : toponyms) {
      if (!t.use().equals("actor") && t.place() != null && t.place().country() != null) {
        counts.merge(t.place().country(), 1, Integer::sum);
      }
    }
    String best = null;
    int bestCount = 0;
    boolean tie = false;
    for (var e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
        tie = false;
      } else if (e.getValue() == bestCount) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  private static boolean physical(@Nullable GeoPlace p) {
    return p != null && (p.precision().equals("site") || p.precision().equals("city"));
  }

  private static boolean finer(Toponym a, Toponym b) {
    return Gazetteer.precisionRank(a.place().precision())
        > Gazetteer.precisionRank(b.place().precision());
  }

  private static int distance(Toponym t, int token) {
    return token < t.tokenStart() ? t.tokenStart() - token : Math.max(0, token - t.tokenEnd() + 1);
  }

  /**
   * Whether the toponym hangs from the event's predicate or trigger noun through a place
   * preposition, directly or through up to two nouns ("at the entrance to the Green Zone",
   * "attacked a checkpoint in Basra province").
   */
  private static boolean anchoredTo(Sentence s, Toponym t, EventMention e) {
    for (int k = t.tokenStart(); k < t.tokenEnd(); k++) {
      for (Dependency d : s.parents(k)) {
        if ((d.relation().equals("obj") || d.relation().equals("nsubj:pass"))
            && (d.governor() == e.predicate() || d.governor() == e.anchor())
            && physical(t.place())) {
          return true; // "stormed the Green Zone", "Bakhmut was shelled": the place itself
        }
      }
      int node = k;
      boolean prep = false;
      for (int hop = 0; hop < 3; hop++) {
        Dependency up = null;
        for (Dependency d : s.parents(node)) {
          String r = d.relation();
          if (r.startsWith("obl")
              || r.startsWith("nmod")
              || r.equals("compound")
              || r.equals("appos")
              || r.startsWith("conj")
              || prep && (r.equals("obj") || r.startsWith("nsubj"))) {
            up = d;
            break;
          }
        }
        if (up == null || up.governor() < 0) {
          break;
        }
        int colon = up.relation().indexOf(':');
        prep |= colon > 0 && PLACE_PREPOSITIONS.contains(up.relation().substring(colon + 1));
        node = up.governor();
        if ((node == e.predicate() || node == e.anchor()) && prep) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean inside(@Nullable Actor a, Sentence s, Toponym t) {
    int at = t.start();
    return a != null && a.start() >= 0 && at >= a.start() && at < a.end();
  }

  private @Nullable GeoPlace theCapital(Sentence s, @Nullable String mainCountry) {
    List<Token> toks = s.tokens();
    for (int i = 1; i < toks.size() && mainCountry != null; i++) {
      boolean named =
          i + 2 < toks.size()
              && toks.get(i + 1).lower().equals("of")
              && Character.isUpperCase(toks.get(i + 2).word().charAt(0));
      if (toks.get(i).lower().equals("capital")
          && toks.get(i - 1).lower().equals("the")
          && !named) {
        var c = lexicon.country(mainCountry);
        if (c != null && !c.capitals().isEmpty()) {
          for (GeoPlace p : gazetteer.candidates(Gazetteer.key(c.capitals().get(0)))) {
            if (p.precision().equals("city") && mainCountry.equals(p.country())) {
              return p;
            }
          }
        }
      }
    }
    return null;
  }

  /** A gazetteer entry as an event location. */
  public static Location location(GeoPlace p) {
    return new Location(
        p.name(),
        p.country(),
        p.admin1Name(),
        round(p.lat()),
        round(p.lon()),
        p.precision(),
        p.geonamesId());
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  private Location country(String iso3) {
    GeoPlace p = gazetteer.country(iso3);
    if (p != null) {
      return location(p);
    }
    var c = lexicon.country(iso3);
    return new Location(c == null ? iso3 : c.name(), iso3, null, null, null, "country", null);
  }

  /**
   * The article's dominant country (named or implied most often, at least twice), or null. A
   * country's name that the geocoder resolved to a place of another country counts for that one:
   * "Georgia" in a story from Atlanta is the US state.
   */
  public @Nullable String mainCountry(AnnotatedDocument doc, List<Toponym> toponyms) {
    Map<Long, String> resolved = new HashMap<>();
    for (Toponym t : toponyms) {
      if (t.place() != null && t.place().country() != null) {
        resolved.put(((long) t.sentence() << 32) | t.tokenStart(), t.place().country());
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    for (int si = 0; si < doc.sentences().size(); si++) {
      List<Token> toks = doc.sentences().get(si).tokens();
      for (int i = 0; i < toks.size(); i++) {
        var m =
            lexicon
                .places()
                .longest(i, toks.size(), k -> toks.get(k).lower(), k -> toks.get(k).lower());
        if (m != null && m.value().writtenAs(toks.get(i).word())) {
          String country = resolved.getOrDefault(((long) si << 32) | i, m.value().country().iso3());
          counts.merge(country, 1, Integer::sum);
          i += m.length() - 1;
        }
      }
    }
    var ranked =
        counts.entrySet().stream()
            .sorted(
                Map.Entry.<String, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .toList();
    if (ranked.isEmpty()) {
      return null;
    }
    String best = ranked.get(0).getKey();
    int bestCount = ranked.get(0).getValue();
    int second = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
    return bestCount >= 2 && bestCount > second ? best : null;
  }
}
