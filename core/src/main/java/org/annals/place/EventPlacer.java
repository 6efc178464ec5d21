package org.annals.place;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.annals.coding.EventMention;
import org.annals.event.CodedEvent.Location;
import org.annals.lexicon.Lexicon;
import org.annals.lexicon.Lexicon.PlaceName;
import org.annals.nlp.AnnotatedDocument;
import org.annals.nlp.Dependency;
import org.annals.nlp.EntityMention;
import org.annals.nlp.Sentence;
import org.annals.nlp.Token;
import org.jspecify.annotations.Nullable;

/**
 * Places events at the place named in their clause ("in Baghdad"), else the first place of their
 * sentence, else the article's main country; nationwide measures at country level. Until the
 * gazetteer lands this knows countries and capitals only: other places keep their name and the
 * article's country, with no coordinates. Thread-safe.
 */
public final class EventPlacer {
  private static final Set<String> PLACE_PREPOSITIONS =
      Set.of("in", "at", "near", "outside", "inside", "across", "throughout", "around", "into");
  private static final Set<String> NATIONWIDE =
      Set.of("nationwide", "countrywide", "nation-wide", "national");

  private final Lexicon lexicon;

  public EventPlacer(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** A place mention found in a sentence. */
  private record Place(int token, String name, @Nullable String country, String precision) {}

  public Location place(AnnotatedDocument doc, EventMention e, @Nullable String mainCountry) {
    Sentence s = doc.sentences().get(e.sentence());
    for (Token t : s.tokens()) {
      if (NATIONWIDE.contains(t.lower()) && mainCountry != null) {
        return country(mainCountry);
      }
    }
    Place attached = null;
    Place first = null;
    for (Place p : places(s, mainCountry)) {
      int at = s.tokens().get(p.token()).start();
      if (inside(e.source(), at) || inside(e.target(), at)) {
        continue; // "Washington said", "China must": a place named as an actor
      }
      if (first == null) {
        first = p;
      }
      for (Dependency d : s.parents(p.token())) {
        int colon = d.relation().indexOf(':');
        String prep = colon < 0 ? "" : d.relation().substring(colon + 1);
        if ((d.governor() == e.predicate() || d.governor() == e.anchor())
            && PLACE_PREPOSITIONS.contains(prep) && attached == null) {
          attached = p;
        }
      }
    }
    Place chosen = attached != null ? attached : first;
    if (chosen != null) {
      String country = chosen.country() != null ? chosen.country() : mainCountry;
      return new Location(chosen.name(), country, null, null, null,
          chosen.country() != null ? chosen.precision() : null, null);
    }
    return mainCountry != null ? country(mainCountry) : Location.unknown();
  }

  private static boolean inside(org.annals.coding.@Nullable Actor a, int offset) {
    return a != null && a.start() >= 0 && offset >= a.start() && offset < a.end();
  }

  private Location country(String iso3) {
    var c = lexicon.country(iso3);
    return new Location(c == null ? iso3 : c.name(), iso3, null, null, null, "country", null);
  }

  private List<Place> places(Sentence s, @Nullable String mainCountry) {
    List<Token> toks = s.tokens();
    Map<Integer, Place> out = new HashMap<>();
    for (int i = 0; i < toks.size(); i++) {
      var m = lexicon.places().longest(i, toks.size(), k -> toks.get(k).lower(), k -> toks.get(k).lower());
      if (m == null || !m.value().writtenAs(toks.get(i).word())) {
        continue;
      }
      PlaceName pn = m.value();
      if (pn.kind().equals("demonym")) {
        continue;
      }
      // A possessive place is usually an actor ("Iraq's military"), not where things happened.
      if (i + m.length() < toks.size() && toks.get(i + m.length()).lower().equals("'s")) {
        continue;
      }
      boolean capital = pn.kind().equals("capital");
      String name = capital ? pn.written() : pn.country().name();
      out.put(i + m.length() - 1,
          new Place(i + m.length() - 1, name, pn.country().iso3(), capital ? "city" : "country"));
      i += m.length() - 1;
    }
    for (int i = 1; i < toks.size(); i++) {
      if (toks.get(i).lower().equals("capital") && toks.get(i - 1).lower().equals("the")
          && mainCountry != null && !out.containsKey(i)) {
        var c = lexicon.country(mainCountry);
        boolean named = i + 2 < toks.size() && toks.get(i + 1).lower().equals("of")
            && Character.isUpperCase(toks.get(i + 2).word().charAt(0));
        if (c != null && !c.capitals().isEmpty() && !named) {
          out.put(i, new Place(i, c.capitals().get(0), mainCountry, "city"));
        }
      }
    }
    for (EntityMention e : s.entities()) {
      if (!e.type().equals("LOCATION") && !e.type().equals("CITY") && !e.type().equals("COUNTRY")) {
        continue;
      }
      int head = e.tokenEnd() - 1;
      boolean known = false;
      for (int k = e.tokenStart(); k < e.tokenEnd(); k++) {
        known |= out.containsKey(k);
      }
      if (!known) {
        out.put(head, new Place(head, e.text(), null, "unknown"));
      }
    }
    return out.values().stream().sorted((a, b) -> Integer.compare(a.token(), b.token())).toList();
  }

  /** The article's dominant country (named or implied most often, at least twice), or null. */
  public @Nullable String mainCountry(AnnotatedDocument doc) {
    Map<String, Integer> counts = new HashMap<>();
    for (Sentence s : doc.sentences()) {
      List<Token> toks = s.tokens();
      for (int i = 0; i < toks.size(); i++) {
        var m = lexicon.places().longest(i, toks.size(), k -> toks.get(k).lower(), k -> toks.get(k).lower());
        if (m != null && m.value().writtenAs(toks.get(i).word())) {
          counts.merge(m.value().country().iso3(), 1, Integer::sum);
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
