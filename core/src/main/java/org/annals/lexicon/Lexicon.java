package org.annals.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.annals.text.Cleaner;
import org.jspecify.annotations.Nullable;

/**
 * All dictionaries the coder reads, loaded from the built-in {@code annals/lexicon/} resources and,
 * optionally, extended by same-named files in a user directory. Immutable and thread-safe once
 * loaded.
 */
public final class Lexicon {
  /** Version of the lexicon format and content, printed with every event's provenance. */
  public static final String VERSION = "annals-lexicon-0.1";

  private final List<TriggerEntry> triggers = new ArrayList<>();
  private final Map<String, List<TriggerEntry>> triggersByFirst = new HashMap<>();
  private final Map<String, List<ScanRule>> scanRules = new HashMap<>();

  /**
   * What the cheap scan checks for one trigger: every other word of the pattern, and one of its
   * required words, in some inflected form, somewhere in the sentence.
   */
  private record ScanRule(List<Set<String>> otherWords, Set<String> required) {
    boolean matches(Set<String> words) {
      for (Set<String> forms : otherWords) {
        if (java.util.Collections.disjoint(forms, words)) {
          return false;
        }
      }
      return required.isEmpty() || !java.util.Collections.disjoint(required, words);
    }
  }

  private final List<Refinement> refinements = new ArrayList<>();
  private final List<Country> countries = new ArrayList<>();
  private final Map<String, Country> countriesByIso3 = new HashMap<>();
  private final PhraseIndex<PlaceName> places = new PhraseIndex<>();
  private final List<Landmark> landmarks = new ArrayList<>();
  private final Map<String, Set<String>> toponymCues = new HashMap<>();
  private final Map<String, String> regionAbbreviations = new HashMap<>();
  private final Map<String, String> regionDemonyms = new java.util.TreeMap<>();
  private final Map<String, String> regionsAlone = new HashMap<>();
  private final PhraseIndex<ActorTerm> actors = new PhraseIndex<>();
  private final Map<String, NamedActor> namedActorsByName = new java.util.LinkedHashMap<>();
  private final PhraseIndex<NamedActor> namedActors = new PhraseIndex<>();
  private final Modality modality = new Modality();
  private final List<Pattern> boilerplate = new ArrayList<>();
  private final Map<String, List<String>> irregular = new HashMap<>();
  private final StringBuilder contents = new StringBuilder();
  private String digest = "";

  /** A country name, alternate name, demonym or capital, found in text. */
  public record PlaceName(Country country, String kind, String written, boolean exactCase) {
    /**
     * True if {@code word}, the first word of a match, is written as a name: capitalised, and for
     * acronyms exactly as listed (so "us" and "Us" are not the USA).
     */
    public boolean writtenAs(String word) {
      return !word.isEmpty()
          && Character.isUpperCase(word.charAt(0))
          && (!exactCase || word.equals(written));
    }
  }

  private static volatile @Nullable Lexicon builtIn;

  private Lexicon() {}

  /** The built-in lexicon (loaded once). */
  public static Lexicon builtIn() {
    Lexicon l = builtIn;
    if (l == null) {
      synchronized (Lexicon.class) {
        l = builtIn;
        if (l == null) {
          l = load(null);
          builtIn = l;
        }
      }
    }
    return l;
  }

  /** Loads the built-in files plus, if {@code extraDir} is given, same-named files in it. */
  public static Lexicon load(@Nullable Path extraDir) {
    if (extraDir != null && !Files.isDirectory(extraDir)) {
      throw new LexiconException(
          "lexicon directory " + extraDir + " does not exist; give a directory of .tsv files");
    }
    Lexicon lx = new Lexicon();
    for (String file :
        List.of(
            "irregular.tsv",
            "triggers.tsv",
            "refinements.tsv",
            "countries.tsv",
            "actors.tsv",
            "named-actors.tsv",
            "modality.tsv",
            "boilerplate.txt",
            "landmarks.tsv",
            "toponym-cues.tsv")) {
      lx.loadFile(file, builtInText(file));
      if (extraDir != null && Files.isRegularFile(extraDir.resolve(file))) {
        try {
          lx.loadFile(
              extraDir.resolve(file).toString(),
              Files.readString(extraDir.resolve(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new LexiconException(
              "cannot read " + extraDir.resolve(file) + ": " + e.getMessage());
        }
      }
    }
    lx.namedActorsByName.values().forEach(a -> lx.namedActors.add(a.name(), a));
    lx.digest = org.annals.Hashes.sha256Hex(lx.contents.toString(), 6);
    lx.contents.setLength(0);
    return lx;
  }

  private static String builtInText(String file) {
    String resource = "/annals/lexicon/" + file;
    try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new LexiconException(
            "built-in lexicon file " + resource + " is missing from the jar; rebuild Annals");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LexiconException("cannot read built-in " + resource + ": " + e.getMessage());
    }
  }

  /**
   * The first 12 hex digits of the SHA-256 of every file loaded (built-in and extra, in order): two
   * lexicons with the same digest code alike, so a store can tell which articles were coded with
   * another lexicon even when {@link #VERSION} did not change.
   */
  public String digest() {
    return digest;
  }

  private void loadFile(String path, String text) {
    String name = Path.of(path).getFileName().toString();
    contents.append(name).append('\0').append(text).append('\0');
    switch (name) {
      case "irregular.tsv" -> TsvRow.parse(name, text, 2).forEach(this::addIrregular);
      case "triggers.tsv" -> TsvRow.parse(name, text, 10).forEach(this::addTrigger);
      case "refinements.tsv" -> TsvRow.parse(name, text, 7).forEach(this::addRefinement);
      case "countries.tsv" -> TsvRow.parse(name, text, 6).forEach(this::addCountry);
      case "actors.tsv" -> TsvRow.parse(name, text, 4).forEach(this::addActor);
      case "named-actors.tsv" -> {
        NamedActorRows reader = new NamedActorRows(countriesByIso3::containsKey);
        TsvRow.parse(name, text, 3).forEach(r -> addNamedActor(reader.parse(r)));
      }
      case "modality.tsv" -> TsvRow.parse(name, text, 2).forEach(this::addModality);
      case "boilerplate.txt" -> boilerplate.addAll(Cleaner.parsePatterns(text, name));
      case "landmarks.tsv" -> TsvRow.parse(name, text, 7).forEach(this::addLandmark);
      case "toponym-cues.tsv" -> TsvRow.parse(name, text, 2).forEach(this::addToponymCue);
      default -> throw new LexiconException("unknown lexicon file " + path);
    }
  }

  private static final Set<String> LANDMARK_PRECISIONS = Set.of("site", "region", "continent");
  private static final Set<String> TOPONYM_CUE_KINDS =
      Set.of(
          "org-head",
          "region-word",
          "prefix",
          "person-title",
          "actor-verb",
          "not-place",
          "needs-qualifier",
          "feature-word",
          "region-abbreviation",
          "region-alone",
          "region-demonym");

  private void addLandmark(TsvRow r) {
    String precision = r.get(4).strip();
    if (!LANDMARK_PRECISIONS.contains(precision)) {
      throw new LexiconException(
          r.origin()
              + ": precision '"
              + precision
              + "' is not one of "
              + new java.util.TreeSet<>(LANDMARK_PRECISIONS)
              + "; fix the line");
    }
    double lat;
    double lon;
    try {
      lat = Double.parseDouble(r.get(2).strip());
      lon = Double.parseDouble(r.get(3).strip());
    } catch (NumberFormatException e) {
      throw new LexiconException(
          r.origin()
              + ": lat/lon '"
              + r.get(2)
              + "', '"
              + r.get(3)
              + "' are not decimal degrees; write them like 33.3128 and 44.3615");
    }
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      throw new LexiconException(
          r.origin() + ": lat/lon " + lat + ", " + lon + " are out of range");
    }
    landmarks.add(
        new Landmark(
            r.get(0).strip(),
            r.list(1, "|"),
            lat,
            lon,
            precision,
            r.opt(5),
            r.opt(6),
            r.list(7, "|"),
            r.origin()));
  }

  private void addToponymCue(TsvRow r) {
    String kind = r.get(1).strip();
    if (!TOPONYM_CUE_KINDS.contains(kind)) {
      throw new LexiconException(
          r.origin()
              + ": kind '"
              + kind
              + "' is not one of "
              + new java.util.TreeSet<>(TOPONYM_CUE_KINDS)
              + "; fix the line");
    }
    String word = r.get(0).strip().toLowerCase(Locale.ROOT);
    if (kind.equals("region-abbreviation")) {
      regionAbbreviations.put(word, admin1Code(r, kind, "US.MD"));
    }
    if (kind.equals("region-alone")) {
      regionsAlone.put(word, admin1Code(r, kind, "CA.02"));
    }
    if (kind.equals("region-demonym")) {
      regionDemonyms.put(r.get(0).strip(), admin1Code(r, kind, "GB.ENG"));
    }
    toponymCues.computeIfAbsent(kind, k -> new java.util.HashSet<>()).add(word);
  }

  /** The GeoNames admin1 code in the third column of a {@code kind} row (like {@code example}). */
  private static String admin1Code(TsvRow r, String kind, String example) {
    String code = r.opt(2);
    if (code == null || code.indexOf('.') < 0) {
      throw new LexiconException(
          r.origin()
              + ": a "
              + kind
              + " needs the GeoNames admin1 code of its region in a third column (like "
              + example
              + "); fix the line");
    }
    return code.strip();
  }

  /**
   * The GeoNames admin1 code of the region {@code lowercaseWord} abbreviates ("md." is US.MD), from
   * {@code toponym-cues.tsv}, or null.
   */
  public @Nullable String regionAbbreviation(String lowercaseWord) {
    return regionAbbreviations.get(lowercaseWord);
  }

  /**
   * The GeoNames admin1 code of the region {@code lowercaseWord} abbreviates even standing alone
   * ("B.C." is British Columbia), from {@code toponym-cues.tsv}, or null.
   */
  public @Nullable String regionAlone(String lowercaseWord) {
    return regionsAlone.get(lowercaseWord);
  }

  /**
   * Demonyms of regions that {@code countries.tsv} also lists for their country ("English" names
   * England, not only the United Kingdom), as written, with the GeoNames admin1 code of the region,
   * from {@code toponym-cues.tsv}.
   */
  public Map<String, String> regionDemonyms() {
    return java.util.Collections.unmodifiableMap(regionDemonyms);
  }

  /** Landmarks, regions and continents from {@code landmarks.tsv}. */
  public List<Landmark> landmarks() {
    return landmarks;
  }

  /** Whether {@code lowercaseWord} is listed in {@code toponym-cues.tsv} with {@code kind}. */
  public boolean toponymCue(String kind, String lowercaseWord) {
    Set<String> words = toponymCues.get(kind);
    return words != null && words.contains(lowercaseWord);
  }

  private void addIrregular(TsvRow r) {
    irregular.put(r.get(0).strip().toLowerCase(Locale.ROOT), r.list(1, "|"));
  }

  private void addTrigger(TsvRow r) {
    List<String> raw = PhraseIndex.words(r.get(0));
    if (raw.isEmpty()) {
      throw new LexiconException(r.origin() + ": empty pattern");
    }
    List<String> tokens = new ArrayList<>();
    int anchor = -1;
    for (String t : raw) {
      if (t.startsWith("@") && t.length() > 1) {
        anchor = tokens.size();
        t = t.substring(1);
      }
      tokens.add(t);
    }
    if (anchor < 0) {
      anchor = tokens.get(0).equals("_") ? 1 : 0;
    }
    String pos = r.get(1).strip();
    if (!pos.equals("V") && !pos.equals("N") && !pos.equals("A") && !pos.equals("*")) {
      throw new LexiconException(r.origin() + ": pos must be V, N, A or *, not '" + pos + "'");
    }
    String plover = r.opt(2);
    if (plover == null) {
      throw new LexiconException(r.origin() + ": the PLOVER type is missing");
    }
    int priority;
    try {
      priority = Integer.parseInt(r.get(8).strip());
    } catch (NumberFormatException e) {
      throw new LexiconException(r.origin() + ": priority must be a whole number 1-9");
    }
    Set<String> requires = new HashSet<>();
    Set<String> excludes = new HashSet<>();
    String flags = r.opt(9);
    if (flags != null) {
      for (String kv : flags.split(";")) {
        String f = kv.strip();
        if (f.isEmpty()) {
          continue;
        }
        int eq = f.indexOf('=');
        String key = eq < 0 ? f : f.substring(0, eq).strip();
        List<String> values =
            eq < 0 ? List.of() : List.of(f.substring(eq + 1).toLowerCase(Locale.ROOT).split("\\|"));
        switch (key) {
          case "requires" -> requires.addAll(values);
          case "excludes" -> excludes.addAll(values);
          default -> {
            // Unknown flags are kept for forward compatibility and ignored.
          }
        }
      }
    }
    TriggerEntry e =
        new TriggerEntry(
            tokens,
            anchor,
            pos.charAt(0),
            plover.toUpperCase(Locale.ROOT),
            r.opt(3),
            r.opt(4),
            r.opt(5),
            r.opt(6),
            r.list(7, ","),
            priority,
            requires,
            excludes,
            r.origin());
    triggers.add(e);
    String first = tokens.get(0).equals("_") ? tokens.get(1) : tokens.get(0);
    triggersByFirst.computeIfAbsent(first, k -> new ArrayList<>()).add(e);
    List<Set<String>> others = new ArrayList<>();
    boolean skippedFirst = false;
    for (String t : tokens) {
      if (t.equals("_")) {
        continue;
      }
      if (!skippedFirst && t.equals(first)) {
        skippedFirst = true;
        continue;
      }
      others.add(inflections(t));
    }
    Set<String> required = new HashSet<>();
    for (String word : requires) {
      required.addAll(inflections(word));
    }
    ScanRule rule = new ScanRule(others, required);
    for (String form : inflections(first)) {
      scanRules.computeIfAbsent(form, k -> new ArrayList<>()).add(rule);
    }
  }

  private void addRefinement(TsvRow r) {
    String plover = r.get(0).strip();
    String mode = r.get(1).strip();
    var src = parseActorCondition(r.get(2));
    var tgt = parseActorCondition(r.get(3));
    refinements.add(
        new Refinement(
            plover.toUpperCase(Locale.ROOT),
            mode.equals("*") || mode.equals("-") ? null : mode,
            src.sectors(),
            src.role(),
            tgt.sectors(),
            tgt.role(),
            r.opt(4),
            r.opt(5),
            r.opt(6),
            r.origin()));
  }

  private record ActorCondition(Set<String> sectors, @Nullable String role) {}

  private static ActorCondition parseActorCondition(String cell) {
    String c = cell.strip();
    if (c.equals("*") || c.equals("-") || c.isEmpty()) {
      return new ActorCondition(Set.of(), null);
    }
    if (c.startsWith("role:")) {
      return new ActorCondition(Set.of(), c.substring(5));
    }
    return new ActorCondition(Set.of(c.toUpperCase(Locale.ROOT).split("\\|")), null);
  }

  private void addCountry(TsvRow r) {
    String iso3 = r.get(0).strip().toUpperCase(Locale.ROOT);
    Country c =
        new Country(
            iso3,
            r.get(1).strip(),
            r.get(2).strip(),
            r.list(3, "|"),
            r.list(4, "|"),
            r.list(5, "|"));
    if (countriesByIso3.containsKey(iso3)) {
      return;
    }
    countries.add(c);
    countriesByIso3.put(iso3, c);
    addPlace(c.name(), c, "country");
    c.alternates().forEach(a -> addPlace(a, c, "country"));
    c.demonyms().forEach(d -> addPlace(d, c, "demonym"));
    c.capitals().forEach(cap -> addPlace(cap, c, "capital"));
  }

  private void addPlace(String written, Country c, String kind) {
    boolean exact = isAcronym(written);
    places.add(written, new PlaceName(c, kind, written, exact));
  }

  /** Short all-capital names (US, UK, UN) must match case-exactly, so "us" is not the USA. */
  static boolean isAcronym(String s) {
    String letters = s.replaceAll("[^A-Za-z]", "");
    return !letters.isEmpty()
        && letters.length() <= 4
        && letters.equals(letters.toUpperCase(Locale.ROOT));
  }

  private void addActor(TsvRow r) {
    String term = r.get(0).strip();
    if (term.isEmpty()) {
      return;
    }
    String sector = r.opt(1);
    String country = r.opt(2);
    actors.add(
        term,
        new ActorTerm(
            term.toLowerCase(Locale.ROOT),
            sector == null ? null : sector.toUpperCase(Locale.ROOT),
            country == null ? null : country.toUpperCase(Locale.ROOT),
            r.opt(3),
            r.origin()));
  }

  /** A row of a later file (a {@code --lexicon DIR} of your own) replaces one of the same name. */
  private void addNamedActor(@Nullable NamedActor a) {
    if (a != null) {
      namedActorsByName.put(a.name(), a);
    }
  }

  private void addModality(TsvRow r) {
    String kind = r.get(1).strip().toLowerCase(Locale.ROOT);
    if (!Modality.KINDS.contains(kind)) {
      throw new LexiconException(
          r.origin() + ": unknown kind '" + kind + "'; use one of " + Modality.KINDS);
    }
    modality.add(r.get(0).strip().toLowerCase(Locale.ROOT), kind);
  }

  /** Surface forms of a lemma: regular inflections plus the irregular table. */
  Set<String> inflections(String lemma) {
    Set<String> out = new HashSet<>();
    out.add(lemma);
    out.addAll(irregular.getOrDefault(lemma, List.of()));
    if (lemma.length() < 2 || !Character.isLetter(lemma.charAt(lemma.length() - 1))) {
      return out;
    }
    char last = lemma.charAt(lemma.length() - 1);
    String stem = lemma;
    out.add(lemma + "s");
    out.add(lemma + "es");
    out.add(lemma + "ed");
    out.add(lemma + "ing");
    out.add(lemma + "d");
    if (last == 'e') {
      stem = lemma.substring(0, lemma.length() - 1);
      out.add(stem + "ing");
    }
    if (last == 'y') {
      stem = lemma.substring(0, lemma.length() - 1);
      out.add(stem + "ies");
      out.add(stem + "ied");
    }
    if (isConsonant(last)
        && lemma.length() >= 3
        && !isConsonant(lemma.charAt(lemma.length() - 2))) {
      out.add(lemma + last + "ed");
      out.add(lemma + last + "ing");
    }
    return out;
  }

  private static boolean isConsonant(char c) {
    return "bcdfgklmnprstvz".indexOf(c) >= 0;
  }

  public List<TriggerEntry> triggers() {
    return Collections.unmodifiableList(triggers);
  }

  /** Trigger entries whose first word is {@code word} (a lemma or lowercased form). */
  public List<TriggerEntry> triggersStartingWith(String word) {
    return triggersByFirst.getOrDefault(word, List.of());
  }

  /**
   * The cheap scan: true if some trigger could match a sentence with these lowercased words (all of
   * its pattern words and one of its required words occur in some inflected form).
   */
  public boolean mayTrigger(Set<String> lowercaseWords) {
    if (reportedObligation(lowercaseWords)) {
      return true;
    }
    for (String w : lowercaseWords) {
      List<ScanRule> rules = scanRules.get(w);
      if (rules == null) {
        continue;
      }
      for (ScanRule r : rules) {
        if (r.matches(lowercaseWords)) {
          return true;
        }
      }
    }
    return false;
  }

  /** An obligation word ("must") and a reporting verb: a possible reported demand. */
  private boolean reportedObligation(Set<String> words) {
    boolean obligation = false;
    for (String w : modality.of("obligation")) {
      obligation |= words.contains(w);
    }
    if (!obligation) {
      return false;
    }
    for (String r : modality.of("report")) {
      if (!r.contains(" ") && !java.util.Collections.disjoint(words, inflections(r))) {
        return true;
      }
    }
    return false;
  }

  public List<Refinement> refinements() {
    return Collections.unmodifiableList(refinements);
  }

  public List<Country> countries() {
    return Collections.unmodifiableList(countries);
  }

  public @Nullable Country country(String iso3) {
    return countriesByIso3.get(iso3);
  }

  public PhraseIndex<PlaceName> places() {
    return places;
  }

  public PhraseIndex<ActorTerm> actors() {
    return actors;
  }

  /**
   * Named people, organisations and armed groups with dated roles ({@code named-actors.tsv}),
   * matched on lowercased words.
   */
  public PhraseIndex<NamedActor> namedActors() {
    return namedActors;
  }

  /** The named actor of exactly this lowercase name, or null. */
  public @Nullable NamedActor namedActor(String name) {
    return namedActorsByName.get(name.strip().toLowerCase(Locale.ROOT));
  }

  public Modality modality() {
    return modality;
  }

  public List<Pattern> boilerplate() {
    return Collections.unmodifiableList(boilerplate);
  }
}
