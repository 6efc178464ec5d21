package org.annals.place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.annals.lexicon.Lexicon;
import org.annals.nlp.AnnotatedDocument;
import org.annals.nlp.Dependency;
import org.annals.nlp.EntityMention;
import org.annals.nlp.Sentence;
import org.annals.nlp.Token;
import org.jspecify.annotations.Nullable;

/**
 * Recognition: finds the place mentions of an article and their gazetteer candidates.
 *
 * <p>Capitalised token sequences are matched against the gazetteer in every sentence (cheap: no
 * extra NLP), and the named-entity recogniser's LOCATION spans are added where a sentence was
 * analysed; a match is dropped when it is part of a longer name ("Manchester United", "University
 * of Texas", "George Washington"), a common word opening a sentence ("Police"), or tagged PERSON or
 * ORGANIZATION. A place that acts ("Washington said", "Iraq's government") is kept with use {@code
 * actor}. Thread-safe.
 */
final class Recogniser {
  private static final int MAX_WORDS = 6;
  private static final String SURNAME = "the last word of a longer name";
  private static final String ABBREVIATION = "the abbreviation of ";
  private static final String UNIVERSITY = "a university or its team";

  /** The states whose own name is often written with "State" to tell them from a city. */
  private static final Set<String> STATE_WITH_STATE = Set.of("new york", "washington");

  private static final Set<String> DATELINE_ENDS = Set.of(",", "(", "-LRB-", "-", "--", "\u2014");
  private static final Set<String> PLACE_TAGS =
      Set.of("LOCATION", "CITY", "COUNTRY", "STATE_OR_PROVINCE");

  /** Words capitalised only because they open a sentence ("The White House"). */
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "the",
          "a",
          "an",
          "in",
          "on",
          "at",
          "from",
          "to",
          "for",
          "by",
          "with",
          "after",
          "before",
          "near",
          "outside",
          "inside",
          "across",
          "and",
          "but",
          "as",
          "of",
          "into",
          "during",
          "since",
          "while",
          "when",
          "if",
          "although",
          "though",
          "because",
          "unlike",
          "like",
          "despite",
          "considering",
          "both",
          "either",
          "neither",
          "once",
          "until",
          "unless",
          "whether",
          "where",
          "so",
          "yet",
          "or",
          "nor",
          "also",
          "meanwhile",
          "elsewhere",
          "beyond",
          "against",
          "along",
          "among",
          "amid",
          "around",
          "over",
          "under",
          "between",
          "within",
          "without",
          "through",
          "throughout",
          "toward",
          "towards",
          "via",
          "this",
          "that",
          "these",
          "those",
          "every",
          "each",
          "all",
          "some",
          "many",
          "most",
          "several",
          "why",
          "how");

  private final Gazetteer gazetteer;
  private final Lexicon lexicon;

  Recogniser(Gazetteer gazetteer, Lexicon lexicon) {
    this.gazetteer = gazetteer;
    this.lexicon = lexicon;
  }

  /** The mentions of {@code doc} in text order. */
  List<Mention> mentions(AnnotatedDocument doc) {
    List<Mention> mentions = new ArrayList<>();
    // How often each name is read as a person (tagged PERSON, or after a title) and as a place
    Map<String, Integer> people = new HashMap<>();
    Map<String, Integer> located = new HashMap<>();
    for (Sentence s : doc.sentences()) {
      recognise(s, mentions, people, located);
    }
    mentions.sort(
        Comparator.comparingInt((Mention m) -> m.toponym().sentence())
            .thenComparingInt(m -> m.toponym().tokenStart()));
    // One sense per article for names: "Johnson" alone is the Boris Johnson named earlier.
    // Not for a major city: "Jack London" does not make every "London" a person; nor for a name
    // the tagger calls a place at least as often as a person ("Douma's fall" once, "the city of
    // Douma" more).
    mentions.removeIf(
        m ->
            m.toponym().tokenEnd() - m.toponym().tokenStart() == 1
                && m.key() != null
                && people.getOrDefault(m.key(), 0) > located.getOrDefault(m.key(), 0)
                && m.candidates().stream()
                    .allMatch(p -> p.precision().equals("city") && p.population() < 1_000_000));
    return mentions;
  }

  private void recognise(
      Sentence s, List<Mention> out, Map<String, Integer> people, Map<String, Integer> located) {
    List<Token> toks = s.tokens();
    for (int k = 0; k < toks.size(); k++) {
      if ("PERSON".equals(toks.get(k).ner())) {
        people.merge(Gazetteer.key(toks.get(k).word()), 1, Integer::sum);
      } else if (toks.get(k).ner() != null && PLACE_TAGS.contains(toks.get(k).ner())) {
        located.merge(Gazetteer.key(toks.get(k).word()), 1, Integer::sum);
      }
    }
    boolean titleCase = titleCase(toks);
    boolean[] taken = new boolean[toks.size()];
    String[] setAside =
        new String[toks.size()]; // why a gazetteer name on these tokens was not taken
    for (int i = 0; i < toks.size(); i++) {
      if (!capitalised(toks.get(i).word())) {
        i = afterHyphenated(s, i, out, taken);
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
        if (l == 1 && toks.get(i).word().length() >= 4 && dateline(toks, i, i + 1)) {
          k = Gazetteer.fold(toks.get(i).word()); // "SEOUL, South Korea": a name, not a code
        }
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
        if (!abbreviation(s, i, out)) {
          i = afterHyphenated(s, i, out, taken);
        }
        continue;
      }
      String surface = join(toks, i, i + len);
      String veto = veto(s, i, i + len, surface, cands, demonym != null, titleCase);
      if (veto != null) {
        if (veto.startsWith("a name after")
            || veto.equals(SURNAME) && !demonymOrCountry(cands, demonym)) {
          people.merge(key, 1, Integer::sum); // "Mr Jackson", "Boris Johnson": a person's name
        }
        if (demonym == null && insideName(veto, toks, i, i + len, cands, key)) {
          Toponym t =
              new Toponym(
                  s.index(),
                  i,
                  i + len,
                  toks.get(i).start(),
                  toks.get(i + len - 1).end(),
                  surface,
                  "modifier",
                  null,
                  "inside a name (" + veto + ")");
          out.add(Mention.of(t, cands, false, key, toks, false));
          for (int k = i; k < i + len; k++) {
            taken[k] = true;
          }
        }
        for (int k = i; k < i + len; k++) {
          setAside[k] = "the gazetteer's '" + surface + "' set aside: " + veto;
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
      boolean weak = demonym == null && len == 1 && weak(surface);
      out.add(
          Mention.of(t, demonym != null ? List.of(demonym) : cands, regionWord, key, toks, weak));
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
      String why = null;
      for (int k = e.tokenStart(); k < e.tokenEnd(); k++) {
        overlaps |= taken[k];
        why = why == null ? setAside[k] : why;
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
                "named entity " + e.type() + (why == null ? ", not in the gazetteer" : "; " + why));
        out.add(Mention.of(t, List.of(), false, null, toks, false));
      }
    }
  }

  /**
   * A region's abbreviation after a place and a comma ("SEVERN, Md.", "Santa Fe, N.M."): the
   * region, so that it also qualifies the place before it; or one that names its region standing
   * alone ("the B.C. government"). True if one was added.
   */
  private boolean abbreviation(Sentence s, int i, List<Mention> out) {
    List<Token> toks = s.tokens();
    Token t = toks.get(i);
    boolean afterPlace =
        i >= 2 && toks.get(i - 1).word().equals(",") && capitalised(toks.get(i - 2).word());
    String code = afterPlace ? lexicon.regionAbbreviation(t.lower()) : null;
    if (code == null && alone(toks, i)) {
      code = lexicon.regionAlone(t.lower());
    }
    GeoPlace region = code == null ? null : gazetteer.admin1(code);
    if (region == null) {
      return false;
    }
    Toponym top =
        oneWord(
            s,
            i,
            "place",
            ABBREVIATION
                + region.name()
                + (afterPlace ? " after a place and a comma" : " standing alone"));
    out.add(Mention.of(top, List.of(region), false, Gazetteer.fold(t.word()), toks, false));
    return true;
  }

  /**
   * Whether token {@code i} may be a region's abbreviation standing alone: in capitals, not after a
   * number or "AD" ("300 BC" is a year).
   */
  private static boolean alone(List<Token> toks, int i) {
    String w = toks.get(i).word();
    if (!w.equals(w.toUpperCase(Locale.ROOT)) || w.equals(w.toLowerCase(Locale.ROOT))) {
      return false;
    }
    if (i == 0) {
      return true;
    }
    String before = toks.get(i - 1).word();
    return !Character.isDigit(before.charAt(before.length() - 1))
        && !before.equals("AD")
        && !before.equals("A.D.");
  }

  /** A toponym of token {@code i} alone, as written, found by {@code rule}. */
  private static Toponym oneWord(Sentence s, int i, String use, String rule) {
    Token t = s.tokens().get(i);
    return new Toponym(s.index(), i, i + 1, t.start(), t.end(), t.word(), use, null, rule);
  }

  /** Whether the mention is a region's abbreviation after a place and a comma ("Md."). */
  static boolean abbreviation(Toponym t) {
    return t.rule().startsWith(ABBREVIATION);
  }

  /**
   * Whether tokens {@code from} to {@code to} open their sentence in capitals before a comma, a
   * bracket or a dash, as a dateline does ("SEOUL, South Korea", "WASHINGTON (AP) -").
   */
  static boolean dateline(List<Token> toks, int from, int to) {
    if (from != 0 || to >= toks.size()) {
      return false;
    }
    for (int k = from; k < to; k++) {
      String w = toks.get(k).word();
      for (int j = 0; j < w.length(); j++) {
        if (Character.isLowerCase(w.charAt(j))) {
          return false;
        }
      }
    }
    return DATELINE_ENDS.contains(toks.get(to).word());
  }

  /**
   * Places inside a hyphenated word that is not itself a name: "London-based", "Turkish-backed",
   * "the Syrian-Turkish border". They modify the word, so they are demonyms or {@code modifier}s,
   * never an event's place.
   */
  /** The words a district's name may end in that news drops ("Miami-Dade" for its county). */
  private static final List<String> DISTRICT_SUFFIXES = List.of("County", "Parish", "District");

  private int hyphenated(Sentence s, int i, List<Mention> out) {
    List<Token> toks = s.tokens();
    Token t = toks.get(i);
    String w = t.word();
    if (w.indexOf('-') <= 0 || t.end() - t.start() != w.length()) {
      return 0; // no inner hyphen, or the token does not spell its text (offsets would be wrong)
    }
    if (capitalised(w)) {
      // "southwest Miami-Dade": a hyphenated name that is a county's without its "County" is the
      // county (one word alone would be too often something else: "Pike" for "Pike County")
      for (String suffix : DISTRICT_SUFFIXES) {
        String k = Gazetteer.key(w + " " + suffix);
        List<GeoPlace> district =
            gazetteer.candidates(k).stream().filter(p -> p.precision().equals("district")).toList();
        if (!district.isEmpty()) {
          Toponym top =
              oneWord(
                  s,
                  i,
                  actorUse(s, i, i + 1) ? "actor" : "place",
                  "the hyphenated name of " + district.get(0).name() + " without '" + suffix + "'");
          out.add(Mention.of(top, district, false, k, toks, false));
          return 0;
        }
      }
    }
    String[] parts = w.split("-", -1);
    int from = 0;
    int consumed = 0;
    for (int p = 0; p < parts.length; p++) {
      String part = parts[p];
      int firstToken = i;
      int lastToken = i;
      int start = t.start() + from;
      int end = start + part.length();
      String name = part;
      // "Los Angeles-based", "DPRK-South Korea": the first part may end a name begun by the
      // words before the hyphenated word, the last part begin one the words after it end
      if (p == 0 && capitalised(part)) {
        for (int b = Math.min(2, i); b >= 1; b--) {
          String longer = join(toks, i - b, i) + " " + part;
          if (allCapitalised(toks, i - b, i)
              && spaced(toks, i - b, i)
              && !gazetteer.candidates(Gazetteer.key(longer)).isEmpty()) {
            firstToken = i - b;
            start = toks.get(i - b).start();
            name = longer;
            break;
          }
        }
      }
      if (p == parts.length - 1 && parts.length > 1 && capitalised(part)) {
        for (int f = Math.min(2, toks.size() - i - 1); f >= 1; f--) {
          String longer = part + " " + join(toks, i + 1, i + 1 + f);
          if (allCapitalised(toks, i + 1, i + 1 + f)
              && spaced(toks, i, i + f)
              && !gazetteer.candidates(Gazetteer.key(longer)).isEmpty()) {
            lastToken = i + f;
            end = toks.get(i + f).end();
            name = longer;
            consumed = f;
            break;
          }
        }
      }
      String k = Gazetteer.key(name);
      GeoPlace demonym = gazetteer.demonym(k);
      List<GeoPlace> cands = demonym != null ? List.of(demonym) : gazetteer.candidates(k);
      if (capitalised(part)
          && !cands.isEmpty()
          && !gazetteer.commonWord(name.toLowerCase(Locale.ROOT))
          && !lexicon.toponymCue("not-place", name.toLowerCase(Locale.ROOT))) {
        Toponym top =
            new Toponym(
                s.index(),
                firstToken,
                lastToken + 1,
                start,
                end,
                name,
                demonym != null ? "demonym" : "modifier",
                demonym,
                "part of the hyphenated word '" + w + "'");
        out.add(Mention.of(top, cands, false, k, toks, demonym == null && weak(name)));
      }
      from += part.length() + 1;
    }
    return consumed;
  }

  /** {@link #hyphenated}, marking the words after it that it took; the last token it read. */
  private int afterHyphenated(Sentence s, int i, List<Mention> out, boolean[] taken) {
    int consumed = hyphenated(s, i, out);
    for (int k = i + 1; k <= i + consumed; k++) {
      taken[k] = true;
    }
    return i + consumed;
  }

  /**
   * Whether tokens {@code from} to {@code to} (inclusive) are one space apart, so that the words
   * joined by spaces spell the text at their offsets.
   */
  private static boolean spaced(List<Token> toks, int from, int to) {
    for (int k = from; k < to; k++) {
      if (toks.get(k + 1).start() != toks.get(k).end() + 1) {
        return false;
      }
    }
    return true;
  }

  private static boolean allCapitalised(List<Token> toks, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!capitalised(toks.get(k).word())) {
        return false;
      }
    }
    return true;
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
            && !cands.get(0).precision().equals("district")
            && !cands.get(0).precision().equals("site"); // a country, region or continent
    if (lexicon.toponymCue("not-place", lower) || lexicon.toponymCue("prefix", lower)) {
      return "not a place";
    }
    if (lexicon.toponymCue("needs-qualifier", lower)
        && !(to + 1 < toks.size()
            && (toks.get(to).word().equals(",") && capitalised(toks.get(to + 1).word())
                || lexicon.toponymCue("region-word", toks.get(to).lower())))) {
      return "a religious or calendar term without a qualifier"; // "Ramadan", not Turabah
    }
    boolean sentenceStart = from == 0 || isOpening(toks.get(from - 1).word());
    if (to - from == 1
        && (sentenceStart || titleCase)
        && !area
        && !demonym
        && gazetteer.commonWord(lower)) {
      return "a common word at the start of a sentence";
    }
    if (to - from == 1
        && gazetteer.commonWord(lower)
        && cands.stream().allMatch(p -> p.precision().equals("district"))) {
      return "a common word that only a district is named"; // "Eva's Village"
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
        && cands.stream().allMatch(Recogniser::smallPlace)) {
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
    if (university(toks, to, lower, cands)) {
      return UNIVERSITY;
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
    boolean explained =
        from == firstWord(toks) + 1 && FUNCTION_WORDS.contains(toks.get(from - 1).lower());
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
        && cands.stream()
            .noneMatch(p -> p.precision().equals("region") || p.precision().equals("district"))) {
      return "a county or district the gazetteer does not hold";
    }
    return null;
  }

  /**
   * Whether a vetoed match is a well-known place inside an organisation's or another name ("the
   * Toronto Police", "University of Texas", "Ohio State"): kept as a {@code modifier}, which never
   * locates an event. Only a region or district, or a city of 100,000 people or more by its own
   * name; not a common word ("Centre"), nor the first word of a street or river's name ("Atlantic
   * Avenue", "Mississippi River"), nor a country: "US Federal Reserve", "Air Canada" name the
   * organisation's nationality, as a demonym would.
   */
  private boolean insideName(
      String veto, List<Token> toks, int from, int to, List<GeoPlace> cands, @Nullable String key) {
    boolean name =
        veto.equals("tagged ORGANIZATION")
            || veto.equals(UNIVERSITY)
            || veto.equals("part of a longer name")
            || veto.equals("part of an organisation's name")
            || veto.equals(SURNAME) && demonymOrCountry(cands, null);
    if (!name
        || cands.isEmpty()
        || to - from == 1
            && key != null
            && !key.startsWith("=") // "US" in "US Federal Reserve" is a code, not "us"
            && gazetteer.commonWord(toks.get(from).lower())
        || to < toks.size() && lexicon.toponymCue("feature-word", toks.get(to).lower())) {
      return false;
    }
    String top = cands.get(0).precision();
    // "U.S. President Donald Trump", "a UK Minister", "U.S. District Judge": the country a title
    // or an organisation is of
    return top.equals("region")
        || top.equals("district")
        || top.equals("country")
        || Scorer.famousPrimary(cands, key);
  }

  /**
   * "Mississippi State beat Louisville", "Ohio State University": a US state's name before "State"
   * (then a lower-case word, "University", "College" or nothing) names a university or its team,
   * not the state; "New York State", "Washington State" and "Michigan State Police" are the state.
   */
  private static boolean university(List<Token> toks, int to, String lower, List<GeoPlace> cands) {
    if (to >= toks.size()
        || !toks.get(to).word().equals("State")
        || STATE_WITH_STATE.contains(lower)
        || cands.stream()
            .noneMatch(p -> p.precision().equals("region") && "USA".equals(p.country()))) {
      return false;
    }
    if (to + 1 >= toks.size()) {
      return true;
    }
    String next = toks.get(to + 1).word();
    return !capitalised(next) || next.equals("University") || next.equals("College");
  }

  /** Whether the mention is a state's name inside a university's ("Ohio State"). */
  static boolean university(Toponym t) {
    return t.rule().endsWith("(" + UNIVERSITY + ")");
  }

  /** A common lower-case word ("Mobile"). */
  private boolean weak(String word) {
    return gazetteer.commonWord(word.toLowerCase(Locale.ROOT));
  }

  /** A city or district of fewer than 100,000 people. */
  private static boolean smallPlace(GeoPlace p) {
    return (p.precision().equals("city") || p.precision().equals("district"))
        && p.population() < 100_000;
  }

  private static boolean demonymOrCountry(List<GeoPlace> cands, @Nullable GeoPlace demonym) {
    return demonym != null
        || cands.stream()
            .anyMatch(p -> !p.precision().equals("city") && !p.precision().equals("district"));
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

  /** The index of the sentence's first word, after opening quotes and brackets. */
  private static int firstWord(List<Token> toks) {
    int k = 0;
    while (k < toks.size() && isOpening(toks.get(k).word())) {
      k++;
    }
    return k;
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
