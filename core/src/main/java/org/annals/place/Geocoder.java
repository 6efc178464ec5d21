package org.annals.place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.annals.lexicon.Lexicon;
import org.annals.nlp.AnnotatedDocument;
import org.annals.nlp.Dependency;
import org.annals.nlp.EntityMention;
import org.annals.nlp.Sentence;
import org.annals.nlp.Token;
import org.jspecify.annotations.Nullable;

/**
 * Finds the place mentions of an article and resolves each to a gazetteer entry.
 *
 * <p>Recognition matches capitalised token sequences against the gazetteer in every sentence
 * (cheap: no extra NLP) and adds the named-entity recogniser's LOCATION spans where a sentence was
 * analysed; a match is dropped when it is part of a longer name ("Manchester United", "University
 * of Texas", "George Washington"), a common word opening a sentence ("Police"), or tagged PERSON or
 * ORGANIZATION. A place that acts ("Washington said", "Iraq's government") is kept with use {@code
 * actor}.
 *
 * <p>Resolution scores each candidate by population and feature (capital, admin seat), the
 * article's country evidence (countries, demonyms and unambiguous places named), a qualifier next
 * to it ("Paris, Texas", "Iraq's Basra province"), a region word ("Basra province" is the region),
 * and nearness to the article's other places. One name keeps one sense per article. Thread-safe.
 */
public final class Geocoder {
  private static final int MAX_WORDS = 6;
  private static final String SURNAME = "the last word of a longer name";

  /** Words capitalised only because they open a sentence ("The White House"). */
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "the", "a", "an", "in", "on", "at", "from", "to", "for", "by", "with", "after", "before",
          "near", "outside", "inside", "across", "and", "but", "as", "of", "into", "during",
          "since", "while", "when", "if");

  private final Gazetteer gazetteer;
  private final Lexicon lexicon;

  public Geocoder(Lexicon lexicon) {
    this.lexicon = lexicon;
    this.gazetteer = Gazetteer.of(lexicon);
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  /**
   * A recognised mention with its candidates, before resolution; {@code anyPrimary} and {@code
   * vote} are derived once here, not for every candidate scored.
   */
  private record Mention(
      Toponym toponym,
      List<GeoPlace> candidates,
      boolean regionWord,
      @Nullable String key,
      List<Token> tokens,
      boolean anyPrimary,
      @Nullable String vote) {

    static Mention of(
        Toponym toponym,
        List<GeoPlace> candidates,
        boolean regionWord,
        @Nullable String key,
        List<Token> tokens) {
      return new Mention(
          toponym,
          candidates,
          regionWord,
          key,
          tokens,
          Geocoder.anyPrimary(candidates, key),
          Geocoder.vote(candidates, key));
    }
  }

  /** All place mentions of {@code doc}, in text order, resolved where the gazetteer knows them. */
  public List<Toponym> find(AnnotatedDocument doc) {
    List<Mention> mentions = new ArrayList<>();
    Set<String> people = new HashSet<>();
    for (Sentence s : doc.sentences()) {
      recognise(s, mentions, people);
    }
    mentions.sort(
        Comparator.comparingInt((Mention m) -> m.toponym().sentence())
            .thenComparingInt(m -> m.toponym().tokenStart()));
    // One sense per article for names: "Johnson" alone is the Boris Johnson named earlier.
    // Not for a major city: "Jack London" does not make every "London" a person.
    mentions.removeIf(
        m ->
            m.toponym().tokenEnd() - m.toponym().tokenStart() == 1
                && m.key() != null
                && people.contains(m.key())
                && m.candidates().stream()
                    .allMatch(p -> p.precision().equals("city") && p.population() < 1_000_000));
    return resolve(mentions);
  }

  // ---------------------------------------------------------------- recognition

  private void recognise(Sentence s, List<Mention> out, Set<String> people) {
    List<Token> toks = s.tokens();
    for (int k = 0; k < toks.size(); k++) {
      if ("PERSON".equals(toks.get(k).ner())) {
        people.add(Gazetteer.key(toks.get(k).word()));
      }
    }
    boolean titleCase = titleCase(toks);
    boolean[] taken = new boolean[toks.size()];
    for (int i = 0; i < toks.size(); i++) {
      if (!capitalised(toks.get(i).word())) {
        hyphenated(s, i, out);
        continue;
      }
      int len = 0;
      List<GeoPlace> cands = List.of();
      GeoPlace demonym = null;
      String key = null;
      for (int l = Math.min(Math.min(MAX_WORDS, gazetteer.maxWords()), toks.size() - i);
          l >= 1;
          l--) {
        if (!capitalised(toks.get(i + l - 1).word())) {
          continue;
        }
        String k = Gazetteer.key(join(toks, i, i + l));
        GeoPlace d = gazetteer.demonym(k);
        List<GeoPlace> c = d != null ? List.of() : gazetteer.candidates(k);
        if (!c.isEmpty() || d != null) {
          len = l;
          cands = c;
          demonym = d;
          key = k;
          break;
        }
      }
      if (len == 0) {
        hyphenated(s, i, out);
        continue;
      }
      String surface = join(toks, i, i + len);
      String veto = veto(s, i, i + len, surface, cands, demonym != null, titleCase);
      if (veto != null) {
        if (veto.startsWith("a name after")
            || veto.equals(SURNAME) && !demonymOrCountry(cands, demonym)) {
          people.add(key); // "Mr Jackson", "Boris Johnson": a person's name from here on
        }
        i += len - 1; // not "Zealand" after a vetoed "New Zealand"
        continue;
      }
      String use = demonym != null ? "demonym" : actorUse(s, i, i + len) ? "actor" : "place";
      boolean regionWord =
          i + len < toks.size() && lexicon.toponymCue("region-word", toks.get(i + len).lower())
              || i >= 2
                  && toks.get(i - 1).lower().equals("of")
                  && lexicon.toponymCue("region-word", toks.get(i - 2).lower());
      Toponym t =
          new Toponym(
              s.index(),
              i,
              i + len,
              toks.get(i).start(),
              toks.get(i + len - 1).end(),
              surface,
              use,
              demonym,
              demonym != null ? "demonym" : "gazetteer name");
      out.add(Mention.of(t, demonym != null ? List.of(demonym) : cands, regionWord, key, toks));
      for (int k = i; k < i + len; k++) {
        taken[k] = true;
      }
      i += len - 1;
    }
    for (EntityMention e : s.entities()) {
      if (!e.type().equals("LOCATION")
          && !e.type().equals("CITY")
          && !e.type().equals("COUNTRY")
          && !e.type().equals("STATE_OR_PROVINCE")) {
        continue;
      }
      boolean overlaps = false;
      for (int k = e.tokenStart(); k < e.tokenEnd(); k++) {
        overlaps |= taken[k];
      }
      if (!overlaps) {
        Toponym t =
            new Toponym(
                s.index(),
                e.tokenStart(),
                e.tokenEnd(),
                toks.get(e.tokenStart()).start(),
                toks.get(e.tokenEnd() - 1).end(),
                e.text(),
                actorUse(s, e.tokenStart(), e.tokenEnd()) ? "actor" : "place",
                null,
                "named entity " + e.type() + ", not in the gazetteer");
        out.add(Mention.of(t, List.of(), false, null, toks));
      }
    }
  }

  /**
   * Places inside a hyphenated word that is not itself a name: "London-based", "Turkish-backed",
   * "the Syrian-Turkish border". They modify the word, so they are demonyms or {@code modifier}s,
   * never an event's place.
   */
  private void hyphenated(Sentence s, int i, List<Mention> out) {
    Token t = s.tokens().get(i);
    String w = t.word();
    if (w.indexOf('-') <= 0 || t.end() - t.start() != w.length()) {
      return; // no inner hyphen, or the token does not spell its text (offsets would be wrong)
    }
    int from = 0;
    for (String part : w.split("-", -1)) {
      String k = Gazetteer.key(part);
      GeoPlace demonym = gazetteer.demonym(k);
      List<GeoPlace> cands = demonym != null ? List.of(demonym) : gazetteer.candidates(k);
      if (capitalised(part)
          && !cands.isEmpty()
          && !gazetteer.commonWord(part.toLowerCase(Locale.ROOT))
          && !lexicon.toponymCue("not-place", part.toLowerCase(Locale.ROOT))) {
        Toponym top =
            new Toponym(
                s.index(),
                i,
                i + 1,
                t.start() + from,
                t.start() + from + part.length(),
                part,
                demonym != null ? "demonym" : "modifier",
                demonym,
                "part of the hyphenated word '" + w + "'");
        out.add(Mention.of(top, cands, false, k, s.tokens()));
      }
      from += part.length() + 1;
    }
  }

  /** Why a gazetteer match is not a place mention, or null if it is one. */
  private @Nullable String veto(
      Sentence s,
      int from,
      int to,
      String surface,
      List<GeoPlace> cands,
      boolean demonym,
      boolean titleCase) {
    List<Token> toks = s.tokens();
    String lower = surface.toLowerCase(Locale.ROOT);
    boolean area =
        !cands.isEmpty()
            && !cands.get(0).precision().equals("city")
            && !cands.get(0).precision().equals("site"); // a country, region or continent
    if (lexicon.toponymCue("not-place", lower) || lexicon.toponymCue("prefix", lower)) {
      return "not a place";
    }
    boolean sentenceStart = from == 0 || isOpening(toks.get(from - 1).word());
    if (to - from == 1
        && (sentenceStart || titleCase)
        && !area
        && !demonym
        && gazetteer.commonWord(lower)) {
      return "a common word at the start of a sentence";
    }
    // The tagger calls buildings and zones organisations ("Republican Palace"): trust the list.
    boolean landmark = cands.stream().anyMatch(p -> p.featureCode().equals("LANDMARK"));
    if (to - from == 1
        && from > 0
        && toks.get(from - 1).lower().equals("the")
        && gazetteer.commonWord(lower)
        && cands.stream()
            .noneMatch(
                p -> p.precision().equals("country") || p.featureCode().equals("LANDMARK"))) {
      return "a common word after 'the'";
    }
    for (int k = from; k < to; k++) {
      String ner = toks.get(k).ner();
      if (ner != null
          && (ner.equals("PERSON") || ner.equals("ORGANIZATION") && !demonym && !landmark)) {
        return "tagged " + ner;
      }
    }
    if (s.analysed()
        && !demonym
        && !area
        && allOutside(toks, from, to)
        && cands.get(0).population() < 100_000
        && cands.get(0).precision().equals("city")) {
      return "a small place the entity tagger does not call a location";
    }
    if (from > 0 && lexicon.toponymCue("person-title", strip(toks.get(from - 1).lower()))) {
      return "a name after a title";
    }
    if (from >= 2
        && toks.get(from - 1).lower().equals("of")
        && lexicon.toponymCue("org-head", toks.get(from - 2).lower())
        && capitalised(toks.get(from - 2).word())) {
      return "part of an organisation's name";
    }
    if (titleCase || demonym) {
      return null;
    }
    if (to < toks.size()
        && capitalised(toks.get(to).word())
        && !lexicon.toponymCue("region-word", toks.get(to).lower())
        && !startsPlace(toks, to)) {
      return "part of a longer name";
    }
    boolean explained = from == 1 && FUNCTION_WORDS.contains(toks.get(0).lower());
    if (from > 0
        && !sentenceStart
        && !explained
        && capitalised(toks.get(from - 1).word())
        && !lexicon.toponymCue("prefix", toks.get(from - 1).lower())) {
      return SURNAME;
    }
    if (to < toks.size()
        && lexicon.toponymCue("region-word", toks.get(to).lower())
        && capitalised(toks.get(to).word())
        && cands.stream().noneMatch(p -> p.precision().equals("region"))) {
      return "a county or district the gazetteer does not hold";
    }
    return null;
  }

  private static boolean demonymOrCountry(List<GeoPlace> cands, @Nullable GeoPlace demonym) {
    return demonym != null || cands.stream().anyMatch(p -> !p.precision().equals("city"));
  }

  private boolean startsPlace(List<Token> toks, int i) {
    String w = Gazetteer.key(toks.get(i).word());
    return gazetteer.demonym(w) != null
        || !gazetteer.candidates(w).isEmpty() && !gazetteer.commonWord(w);
  }

  private static boolean allOutside(List<Token> toks, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!"O".equals(toks.get(k).ner())) {
        return false;
      }
    }
    return true;
  }

  /** "Washington said", "Iraq's government", or the subject of a verb in an analysed sentence. */
  private boolean actorUse(Sentence s, int from, int to) {
    List<Token> toks = s.tokens();
    if (to < toks.size() && lexicon.toponymCue("actor-verb", toks.get(to).lower())) {
      return true;
    }
    if (to + 1 < toks.size() && toks.get(to).lower().equals("'s")) {
      int at = to + 1;
      var m =
          lexicon
              .actors()
              .longest(at, toks.size(), k -> toks.get(k).lower(), k -> toks.get(k).key());
      if (m != null) {
        return true;
      }
    }
    for (Dependency d : s.parents(to - 1)) {
      if (d.relation().equals("nsubj")
          && d.governor() >= 0
          && toks.get(d.governor()).isVerb()
          && !"be".equals(toks.get(d.governor()).lemma())) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- resolution

  /**
   * What the article says about where it is: country votes (countries, demonyms, unique regions,
   * big cities by their own names), the most voted country, and the regions it names.
   */
  private record Evidence(
      Map<String, Double> votes,
      double total,
      @Nullable String top,
      Map<String, Set<String>> regions) {

    static Evidence of(List<Mention> mentions) {
      Map<String, Double> votes = new HashMap<>();
      Map<String, Set<String>> regions = new HashMap<>(); // admin1 → names naming it
      double total = 0;
      for (Mention m : mentions) {
        String c = m.vote();
        if (c != null) {
          votes.merge(c, 1.0, Double::sum);
          total++;
        }
        List<GeoPlace> cands = m.candidates();
        if (!cands.isEmpty()
            && cands.get(0).precision().equals("region")
            && cands.get(0).admin1() != null
            && cands.stream().filter(p -> p.precision().equals("region")).count() == 1) {
          regions.computeIfAbsent(cands.get(0).admin1(), k -> new HashSet<>()).add(m.key());
        }
      }
      String top =
          votes.entrySet().stream()
              .max(
                  Map.Entry.<String, Double>comparingByValue()
                      .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
              .map(Map.Entry::getKey)
              .orElse(null);
      return new Evidence(votes, total, top, regions);
    }

    boolean names(@Nullable String admin1) {
      return admin1 != null && regions.containsKey(admin1);
    }
  }

  private List<Toponym> resolve(List<Mention> mentions) {
    Evidence ev = Evidence.of(mentions);
    // First pass: each mention alone; second: one sense per name, with nearness to the others.
    List<GeoPlace> first = new ArrayList<>();
    for (int i = 0; i < mentions.size(); i++) {
      first.add(best(mentions, i, ev, null));
    }
    Map<String, GeoPlace> sense = new HashMap<>();
    Map<String, Double> senseScore = new HashMap<>();
    List<GeoPlace> second = new ArrayList<>();
    for (int i = 0; i < mentions.size(); i++) {
      GeoPlace p = best(mentions, i, ev, first);
      second.add(p);
      Mention m = mentions.get(i);
      if (p != null && m.key() != null) {
        double sc = score(mentions, i, p, ev, first);
        if (!senseScore.containsKey(m.key()) || sc > senseScore.get(m.key())) {
          sense.put(m.key(), p);
          senseScore.put(m.key(), sc);
        }
      }
    }
    List<Toponym> out = new ArrayList<>();
    for (int i = 0; i < mentions.size(); i++) {
      Mention m = mentions.get(i);
      GeoPlace p = second.get(i);
      if (p == null) {
        out.add(m.toponym());
        continue;
      }
      if (p.precision().equals("city")
          && p.population() < 10_000
          && p.country() != null
          && !ev.votes().containsKey(p.country())
          && !ev.names(p.admin1())) {
        continue; // a village nobody placed in its country: more likely a word or a name
      }
      GeoPlace named = m.key() == null || m.regionWord() ? p : sense.getOrDefault(m.key(), p);
      out.add(
          m.toponym()
              .withPlace(
                  named,
                  "resolved to "
                      + describe(named)
                      + (m.candidates().size() > 1
                          ? " among " + m.candidates().size() + " candidates"
                          : "")));
    }
    return out;
  }

  private static String describe(GeoPlace p) {
    return p.name()
        + " ("
        + p.precision()
        + (p.country() == null ? "" : ", " + p.country())
        + (p.geonamesId() == null ? "" : ", geonames " + p.geonamesId())
        + ")";
  }

  private @Nullable GeoPlace best(
      List<Mention> mentions, int i, Evidence ev, @Nullable List<GeoPlace> first) {
    GeoPlace best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (GeoPlace c : mentions.get(i).candidates()) {
      double sc = score(mentions, i, c, ev, first);
      if (sc > bestScore) {
        best = c;
        bestScore = sc;
      }
    }
    return best;
  }

  /** How well candidate {@code c} fits mention {@code i}; {@code first} is the first pass. */
  private double score(
      List<Mention> mentions, int i, GeoPlace c, Evidence ev, @Nullable List<GeoPlace> first) {
    Mention m = mentions.get(i);
    double s =
        switch (c.precision()) {
          case "country" -> regionNamedSo(m, c) ? 5.0 : 11.0; // "England": the region, not the UK
          case "continent" -> 11.0;
          case "site" -> 8.0;
          case "region" ->
              c.featureCode().equals("LANDMARK")
                  ? 8.5
                  : Math.log10(c.population() + 1) + (m.regionWord() ? 4.0 : 0.5);
          default ->
              Math.log10(c.population() + 1)
                  + feature(c.featureCode())
                  - (primaryName(c, m) || !m.anyPrimary() ? 0 : 0.5); // "Salisbury": not old Harare
        };
    if (c.precision().equals("region") && !m.regionWord() && namesItsCity(m, c)) {
      s -= 3.0; // "Baghdad" alone is the city, not the governorate named after it
    }
    // The article's other evidence for c's country (a mention's own vote does not count).
    String own = m.vote();
    double others = ev.total() - (own != null ? 1 : 0);
    double forC =
        ev.votes().getOrDefault(c.country(), 0.0)
            - (c.country() != null && c.country().equals(own) ? 1 : 0);
    if (c.country() != null && others > 0 && forC > 0) {
      s += 3.0 * forC / others;
      if (c.country().equals(ev.top())) {
        s += 2.0;
      }
    }
    var naming = c.admin1() == null ? null : ev.regions().get(c.admin1());
    if (naming != null
        && c.precision().equals("city")
        && primaryName(c, m)
        && naming.stream().anyMatch(k -> !k.equals(m.key()))) {
      s += 2.0; // a town of a region the article names (by another name than its own)
    }
    s += qualifier(mentions, i, c, m.tokens());
    if (first != null && c.precision().equals("region")) {
      for (int j = 0; j < mentions.size(); j++) {
        GeoPlace o = first.get(j);
        if (j != i
            && o != null
            && o.precision().equals("region")
            && mentions.get(j).toponym().sentence() == m.toponym().sentence()
            && !Objects.equals(mentions.get(j).key(), m.key())
            && Objects.equals(o.country(), c.country())) {
          s += 3.0; // "Alabama, Georgia and Texas": regions of one country listed together
          break;
        }
      }
    }
    if (first != null && c.precision().equals("city")) {
      for (int j = 0; j < mentions.size(); j++) {
        GeoPlace o = first.get(j);
        if (j != i
            && o != null
            && o.precision().equals("city")
            && !Objects.equals(mentions.get(j).key(), m.key())
            && c.km(o) < 200) {
          s += 1.5;
          break;
        }
      }
    }
    return s;
  }

  /** A country found by an alternate name that is also the name of one of its regions. */
  private static boolean regionNamedSo(Mention m, GeoPlace country) {
    if (primaryName(country, m)) {
      return false;
    }
    for (GeoPlace r : m.candidates()) {
      if (r.precision().equals("region")
          && primaryName(r, m)
          && Objects.equals(r.country(), country.country())) {
        return true;
      }
    }
    return false;
  }

  private static boolean primaryName(GeoPlace c, Mention m) {
    return primaryName(c, m.key());
  }

  /** Whether the mention names {@code c} by its own GeoNames name, not an alternate. */
  private static boolean primaryName(GeoPlace c, @Nullable String key) {
    return key == null || Gazetteer.fold(c.name()).equals(key);
  }

  private static boolean anyPrimary(List<GeoPlace> cands, @Nullable String key) {
    for (GeoPlace c : cands) {
      if (primaryName(c, key)) {
        return true;
      }
    }
    return false;
  }

  /** A region named after a big city of its own ("Baghdad", "Geneva", "New York"). */
  private static boolean namesItsCity(Mention m, GeoPlace region) {
    for (GeoPlace c : m.candidates()) {
      if (c.precision().equals("city")
          && c.population() * 20 >= region.population()
          && region.admin1() != null
          && region.admin1().equals(c.admin1())) {
        return true;
      }
    }
    return false;
  }

  /**
   * "Paris, Texas", "Kiev, Ukraine" (a comma, then a place that contains c) or "Iraq's Basra" (a
   * possessive place that contains c) in the same sentence.
   */
  private static double qualifier(List<Mention> mentions, int i, GeoPlace c, List<Token> sentence) {
    Toponym t = mentions.get(i).toponym();
    for (int j : new int[] {i - 1, i + 1}) {
      if (j < 0 || j >= mentions.size() || mentions.get(j).toponym().sentence() != t.sentence()) {
        continue;
      }
      Toponym o = mentions.get(j).toponym();
      boolean linked =
          j > i
              ? o.tokenStart() == t.tokenEnd() + 1 && sentence.get(t.tokenEnd()).word().equals(",")
              : t.tokenStart() == o.tokenEnd() + 1
                  && (sentence.get(o.tokenEnd()).lower().equals("'s")
                      || sentence.get(o.tokenEnd()).word().equals(","));
      if (!linked) {
        continue;
      }
      // "Georgia, Oklahoma, Pennsylvania" is a list of states, not a town in Pennsylvania.
      boolean alsoRegion =
          mentions.get(i).candidates().stream().anyMatch(p -> p.precision().equals("region"));
      for (GeoPlace q : mentions.get(j).candidates()) {
        if (alsoRegion && q.precision().equals("region") && !c.precision().equals("region")) {
          continue;
        }
        if (q != c && (contains(q, c) || j < i && contains(c, q))) {
          return 10.0; // also "Atlanta, Georgia" for Georgia: the state that holds Atlanta
        }
      }
    }
    return 0;
  }

  private static boolean contains(GeoPlace outer, GeoPlace inner) {
    return outer.precision().equals("country")
            && outer.country() != null
            && outer.country().equals(inner.country())
        || outer.precision().equals("region")
            && outer.admin1() != null
            && outer.admin1().equals(inner.admin1())
            && !inner.precision().equals("region");
  }

  private static double feature(String code) {
    return switch (code) {
      case "PPLC" -> 2.0;
      case "PPLA" -> 1.0;
      case "PPLA2" -> 0.5;
      case "PPLX", "PPLL" -> -1.0;
      case "PPLH", "PPLQ", "PPLW" -> -3.0;
      default -> 0;
    };
  }

  /**
   * The country a mention is evidence for: a country or demonym, the only region of its name, or a
   * big city whose own name it is ("Baghdad"), not one it is an alternate name of.
   */
  private static @Nullable String vote(List<GeoPlace> cands, @Nullable String key) {
    if (cands.isEmpty()) {
      return null;
    }
    GeoPlace top = cands.get(0);
    if (!top.precision().equals("city")
        && !top.precision().equals("site")
        && cands.stream().filter(p -> p.precision().equals(top.precision())).count() == 1) {
      return top.country(); // a country, or the only region of that name
    }
    String c = null;
    long biggest = 0;
    long second = 0;
    GeoPlace big = null;
    for (GeoPlace p : cands) {
      if (p.population() > biggest) {
        second = biggest;
        biggest = p.population();
        c = p.country();
        big = p;
      } else {
        second = Math.max(second, p.population());
      }
    }
    return biggest >= 100_000 && biggest > 20 * second && primaryName(big, key) ? c : null;
  }

  // ---------------------------------------------------------------- helpers

  private static String join(List<Token> toks, int from, int to) {
    if (to - from == 1) {
      return toks.get(from).word();
    }
    StringBuilder b = new StringBuilder();
    for (int k = from; k < to; k++) {
      String w = toks.get(k).word();
      if (k > from && !w.startsWith("'")) {
        b.append(' '); // "People's Republic of China" is tokenised People 's Republic …
      }
      b.append(w);
    }
    return b.toString();
  }

  private static boolean capitalised(String w) {
    return !w.isEmpty() && Character.isUpperCase(w.charAt(0));
  }

  private static boolean isOpening(String w) {
    return w.equals("``")
        || w.equals("\"")
        || w.equals("'")
        || w.equals("(")
        || w.equals("-")
        || w.equals("--")
        || w.equals(":")
        || w.equals("\u201c")
        || w.equals("\u2018")
        || w.equals("-LRB-")
        || w.equals("\u2014");
  }

  private static String strip(String w) {
    return w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
  }

  /** Headlines and title-case lines: most words capitalised. */
  private static boolean titleCase(List<Token> toks) {
    int words = 0;
    int caps = 0;
    for (Token t : toks) {
      if (Character.isLetter(t.word().charAt(0)) && t.word().length() > 3) {
        words++;
        caps += capitalised(t.word()) ? 1 : 0;
      }
    }
    return words >= 3 && caps * 10 >= words * 7;
  }
}
