package org.annals.place;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.annals.lexicon.Country;
import org.annals.lexicon.Landmark;
import org.annals.lexicon.Lexicon;
import org.jspecify.annotations.Nullable;

/**
 * The offline gazetteer: GeoNames populated places (cities500 with Latin-script alternate names),
 * GeoNames admin2 districts and admin1 regions, countries (names from the lexicon, points from
 * Natural Earth outlines) and the landmark file. Built by {@code gazetteer/build.sh}; read from the
 * classpath. Immutable and thread-safe once loaded.
 */
public final class Gazetteer {
  private static final String DATA = "/annals/gazetteer/";

  /** GeoNames' English form of many provinces' names ("Province of Laguna"). */
  private static final String PROVINCE_OF = "Province of ";

  private static final Pattern ADMIN_SUFFIX =
      Pattern.compile(" (?:Province|Governorate|Region|State|Oblast|County|District|Prefecture)$");
  private static final Comparator<GeoPlace> RANK =
      Comparator.comparingInt((GeoPlace p) -> precisionRank(p.precision()))
          .thenComparing(Comparator.comparingLong(GeoPlace::population).reversed())
          .thenComparing(p -> p.geonamesId() == null ? 0L : p.geonamesId())
          .thenComparing(GeoPlace::name);

  /** The last gazetteer asked for, and the lexicon it was built with (one is kept). */
  private static @Nullable Lexicon loadedFor;

  private static @Nullable CompletableFuture<Gazetteer> loaded;

  private final Map<String, GeoPlace[]> byName =
      new HashMap<>(1 << 14); // regions, countries, landmarks
  private final List<String> shared = new ArrayList<>(); // names of more than one place
  private final Map<String, GeoPlace> demonyms = new HashMap<>();
  private final Map<String, GeoPlace> countries = new HashMap<>();
  private final Map<String, GeoPlace> admin1 = new HashMap<>();
  private final Map<String, GeoPlace> admin2 = new HashMap<>(1 << 15);
  private final Map<String, String> iso2To3 = new HashMap<>();
  private final Set<String> commonWords = new HashSet<>();
  private int maxWords = 1;
  private Places places = new Places();

  private Gazetteer() {}

  /**
   * Starts loading the gazetteer for {@code lexicon} on a background thread, so that it overlaps
   * other start-up work (CoreNLP's models); {@link #of} then waits for it.
   */
  public static void preload(Lexicon lexicon) {
    future(lexicon);
  }

  /** The gazetteer for {@code lexicon} (its countries and landmarks); loaded once per lexicon. */
  public static Gazetteer of(Lexicon lexicon) {
    try {
      return future(lexicon).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private static synchronized CompletableFuture<Gazetteer> future(Lexicon lexicon) {
    if (loaded == null || loadedFor != lexicon) {
      CompletableFuture<Gazetteer> f = new CompletableFuture<>();
      Thread t =
          new Thread(
              () -> {
                try {
                  f.complete(load(lexicon));
                } catch (RuntimeException | Error e) {
                  f.completeExceptionally(e);
                }
              },
              "annals-gazetteer");
      t.setDaemon(true);
      t.start();
      loaded = f;
      loadedFor = lexicon;
    }
    return loaded;
  }

  static Gazetteer load(Lexicon lexicon) {
    Gazetteer g = new Gazetteer();
    for (Country c : lexicon.countries()) {
      g.iso2To3.put(c.iso2(), c.iso3());
    }
    Map<String, double[]> points = new HashMap<>();
    Map<String, Long> ids = new HashMap<>();
    for (String[] f : g.rows("countries.tsv")) {
      points.put(f[0], new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[4])});
      if (f.length > 6 && !f[6].isEmpty()) {
        ids.put(f[0], Long.parseLong(f[6]));
      }
    }
    for (String[] f : g.rows("admin1.tsv")) {
      String iso3 = g.iso2To3.get(f[0].substring(0, 2));
      GeoPlace p =
          new GeoPlace(
              f.length > 5 && !f[5].isEmpty() ? Long.valueOf(f[5]) : null,
              f[1],
              iso3,
              f[0],
              f[1],
              null,
              Double.parseDouble(f[2]),
              Double.parseDouble(f[3]),
              "region",
              "ADM1",
              Long.parseLong(f[4]),
              null);
      g.admin1.put(f[0], p);
      g.add(f[1], p);
      String bare = ADMIN_SUFFIX.matcher(f[1]).replaceFirst("");
      if (!bare.equals(f[1])) {
        g.add(bare, p);
      }
    }
    g.loadDistricts();
    g.loadPlaces();
    for (Country c : lexicon.countries()) {
      double[] pt = points.get(c.iso3());
      if (pt == null) {
        GeoPlace capital = c.capitals().isEmpty() ? null : g.largest(c.capitals().get(0), c.iso3());
        if (capital == null) {
          continue; // no outline and no capital: only a name, nothing to put on a map
        }
        pt = new double[] {capital.lat(), capital.lon()};
      }
      GeoPlace p =
          new GeoPlace(
              ids.get(c.iso3()),
              c.name(),
              c.iso3(),
              null,
              null,
              null,
              pt[0],
              pt[1],
              "country",
              "PCLI",
              0,
              null);
      g.countries.put(c.iso3(), p);
      g.add(c.name(), p);
      for (String alt : c.alternates()) {
        g.add(alt, p);
      }
      for (String d : c.demonyms()) {
        g.demonyms.put(key(d), p);
        g.noteWords(d);
      }
    }
    // "English" is England's (GB.ENG), still in the United Kingdom: the finer place
    lexicon
        .regionDemonyms()
        .forEach(
            (d, code) -> {
              GeoPlace region = g.admin1.get(code);
              if (region != null) {
                g.demonyms.put(key(d), region);
                g.noteWords(d);
              }
            });
    for (Landmark l : lexicon.landmarks()) {
      GeoPlace city = l.city() == null ? null : g.largest(l.city(), l.country());
      GeoPlace p =
          new GeoPlace(
              null,
              l.name(),
              l.country(),
              city == null ? null : city.admin1(),
              city == null ? null : city.admin1Name(),
              null,
              l.lat(),
              l.lon(),
              l.precision(),
              "LANDMARK",
              0,
              l.city());
      g.add(l.name(), p);
      for (String alt : l.alternates()) {
        g.add(alt, p);
      }
      for (String d : l.demonyms()) {
        g.demonyms.putIfAbsent(key(d), p);
        g.noteWords(d);
      }
    }
    for (String[] f : g.rows("common-words.txt")) {
      g.commonWords.add(f[0]);
    }
    for (String k : g.shared) {
      Arrays.sort(g.byName.get(k), RANK);
    }
    g.shared.clear();
    return g;
  }

  /**
   * Admin2 districts and counties, keyed by their code and found by their full names only: "Pike
   * County", not "Pike" (bare, thousands of US county names would shadow cities and oceans). The
   * exception is GeoNames' "Province of X" (some 80 provinces, most in the Philippines), which news
   * calls X.
   */
  private void loadDistricts() {
    for (String[] f : gzipRows("admin2.tsv.gz")) {
      String code = f[0];
      GeoPlace region = admin1.get(code.substring(0, code.lastIndexOf('.')));
      GeoPlace p =
          new GeoPlace(
              Long.parseLong(f[3]),
              f[1],
              iso2To3.getOrDefault(code.substring(0, 2), code.substring(0, 2)),
              region == null ? null : region.admin1(),
              region == null ? null : region.name(),
              code,
              Double.parseDouble(f[4]),
              Double.parseDouble(f[5]),
              "district",
              "ADM2",
              Long.parseLong(f[6]),
              null);
      admin2.put(code, p);
      add(f[1], p);
      if (!f[2].isEmpty()) {
        add(f[2], p);
      }
      if (f[1].startsWith(PROVINCE_OF)) {
        add(f[1].substring(PROVINCE_OF.length()), p); // "Laguna": how news names the province
      }
    }
  }

  private void loadPlaces() {
    try (InputStream raw = resource("places.bin.gz");
        DataInputStream in =
            new DataInputStream(
                new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16))) {
      places = Places.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in gazetteer; rebuild Annals", e);
    }
    maxWords = Math.max(maxWords, places.maxWords);
  }

  /**
   * The populated places of {@code places.bin.gz} (format in gazetteer/README.md): column arrays,
   * and a sorted table of name keys with, per key, the places it names (most populous first). No
   * hash map and no object per place until one is looked up.
   */
  private static final class Places {
    int maxWords;
    int[] id;
    int[] lat;
    int[] lon;
    int[] population;
    char[] country;
    char[] admin1;
    char[] featureCode;
    char[] admin2;
    String[] countries;
    String[] admin1Codes;
    String[] featureCodes;
    String[] admin2Codes;
    Text names;
    Text keys;
    int[] postingStart;
    int[] postings;

    static Places read(DataInputStream in) throws IOException {
      byte[] magic = new byte[8];
      in.readFully(magic);
      if (!new String(magic, StandardCharsets.US_ASCII).equals("ANNALSG2")) {
        throw new IOException("places.bin.gz is not an Annals gazetteer (version 2)");
      }
      Places p = new Places();
      int n = in.readInt();
      p.maxWords = in.readInt();
      p.countries = Text.read(in).all();
      p.admin1Codes = Text.read(in).all();
      p.featureCodes = Text.read(in).all();
      p.admin2Codes = Text.read(in).all();
      p.id = ints(in, n);
      p.lat = ints(in, n);
      p.lon = ints(in, n);
      p.population = ints(in, n);
      p.country = chars(in, n);
      p.admin1 = chars(in, n);
      p.featureCode = chars(in, n);
      p.admin2 = chars(in, n);
      p.names = Text.read(in);
      p.keys = Text.read(in);
      p.postingStart = ints(in, p.keys.size() + 1);
      p.postings = ints(in, p.postingStart[p.keys.size()]);
      return p;
    }

    private static int[] ints(DataInputStream in, int n) throws IOException {
      byte[] b = new byte[4 * n];
      in.readFully(b);
      int[] out = new int[n];
      ByteBuffer.wrap(b).asIntBuffer().get(out);
      return out;
    }

    private static char[] chars(DataInputStream in, int n) throws IOException {
      byte[] b = new byte[2 * n];
      in.readFully(b);
      char[] out = new char[n];
      ByteBuffer.wrap(b).asCharBuffer().get(out);
      return out;
    }

    /** Indexes of the places {@code key} names, or an empty array. */
    int[] lookup(String key) {
      int i = keys.find(key);
      return i < 0
          ? new int[0]
          : Arrays.copyOfRange(postings, postingStart[i], postingStart[i + 1]);
    }
  }

  /** Strings stored as one UTF-8 blob joined by newlines, found by index or by binary search. */
  private record Text(String blob, int[] start) {
    static Text read(DataInputStream in) throws IOException {
      int count = in.readInt();
      byte[] b = new byte[in.readInt()];
      in.readFully(b);
      String blob = new String(b, StandardCharsets.UTF_8);
      int[] start = new int[count + 1];
      int at = 0;
      for (int i = 1; i < count; i++) {
        at = blob.indexOf('\n', at) + 1;
        start[i] = at;
      }
      start[count] = blob.length() + 1;
      return new Text(blob, start);
    }

    int size() {
      return start.length - 1;
    }

    String get(int i) {
      return blob.substring(start[i], start[i + 1] - 1);
    }

    String[] all() {
      String[] out = new String[size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = get(i);
      }
      return out;
    }

    /** The index of {@code s} in a sorted Text, or -1. */
    int find(String s) {
      int lo = 0;
      int hi = size() - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = compare(mid, s);
        if (c == 0) {
          return mid;
        } else if (c < 0) {
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return -1;
    }

    private int compare(int i, String s) {
      int from = start[i];
      int len = start[i + 1] - 1 - from;
      int n = Math.min(len, s.length());
      for (int k = 0; k < n; k++) {
        int d = blob.charAt(from + k) - s.charAt(k);
        if (d != 0) {
          return d;
        }
      }
      return len - s.length();
    }
  }

  private GeoPlace city(int i) {
    Places p = places;
    String cc = p.countries[p.country[i]];
    String code = p.admin1Codes[p.admin1[i]];
    GeoPlace region = admin1.get(code);
    String district = p.admin2Codes[p.admin2[i]];
    return new GeoPlace(
        (long) p.id[i],
        p.names.get(i),
        iso2To3.getOrDefault(cc, cc),
        region == null ? null : code,
        region == null ? null : region.name(),
        district.isEmpty() ? null : district,
        p.lat[i] / 10_000.0,
        p.lon[i] / 10_000.0,
        "city",
        p.featureCodes[p.featureCode[i]],
        p.population[i],
        null);
  }

  private List<String[]> gzipRows(String file) {
    try {
      return rows(file, new GZIPInputStream(resource(file), 1 << 16));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in gazetteer file " + file, e);
    }
  }

  private List<String[]> rows(String file) {
    return rows(file, resource(file));
  }

  private static List<String[]> rows(String file, InputStream raw) {
    List<String[]> out = new ArrayList<>();
    try (raw;
        BufferedReader in =
            new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank() && line.charAt(0) != '#') {
          out.add(line.split("\t", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in gazetteer file " + file, e);
    }
    return out;
  }

  private static InputStream resource(String file) {
    InputStream in = Gazetteer.class.getResourceAsStream(DATA + file);
    if (in == null) {
      throw new IllegalStateException(
          "built-in gazetteer file "
              + DATA
              + file
              + " is missing from the jar; rebuild Annals (gazetteer/README.md)");
    }
    return in;
  }

  private void add(String name, GeoPlace p) {
    String key = key(name);
    if (key.isEmpty()) {
      return;
    }
    byName.compute(
        key,
        (k, old) -> {
          if (old == null) {
            return new GeoPlace[] {p};
          }
          for (GeoPlace o : old) {
            if (o == p) {
              return old;
            }
          }
          if (old.length == 1) {
            shared.add(k);
          }
          GeoPlace[] grown = Arrays.copyOf(old, old.length + 1);
          grown[old.length] = p;
          return grown;
        });
    noteWords(name);
  }

  /**
   * The key a name is found by: {@link #fold}ed, except acronyms ("US", "DRC", "U.S."), which match
   * only as written, so "Sadr" is not SADR and "us" is not the USA.
   */
  public static String key(String written) {
    String t = written.strip();
    if (t.length() > 5) {
      return fold(t);
    }
    boolean letters = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isLowerCase(c)) {
        return fold(t);
      }
      letters |= Character.isLetter(c);
    }
    return letters ? "=" + t : fold(t);
  }

  private void noteWords(String name) {
    int words = 1;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == ' ') {
        words++;
      }
    }
    maxWords = Math.max(maxWords, words);
  }

  private @Nullable GeoPlace largest(String name, @Nullable String iso3) {
    GeoPlace best = null;
    for (GeoPlace p : candidates(key(name))) {
      if (p.precision().equals("city")
          && (iso3 == null || iso3.equals(p.country()))
          && (best == null || p.population() > best.population())) {
        best = p;
      }
    }
    return best;
  }

  /** Entries found by {@code key} (see {@link #key}), most general and populous first. */
  public List<GeoPlace> candidates(String key) {
    GeoPlace[] named = byName.get(key);
    int[] found = places.lookup(key);
    if (found.length == 0) {
      return named == null ? List.of() : Arrays.asList(named);
    }
    List<GeoPlace> out = new ArrayList<>(found.length + (named == null ? 0 : named.length));
    if (named != null) {
      out.addAll(Arrays.asList(named));
    }
    for (int i : found) {
      out.add(city(i));
    }
    if (named != null) {
      out.sort(RANK);
    }
    return out;
  }

  /** The country a demonym or adjective names ("Iraqi" → Iraq), or null; {@code key} as above. */
  public @Nullable GeoPlace demonym(String key) {
    return demonyms.get(key);
  }

  public @Nullable GeoPlace country(String iso3) {
    return countries.get(iso3);
  }

  /** The ISO 3166-1 alpha-3 code of alpha-2 code {@code iso2} ("GB" → "GBR"), or null. */
  public @Nullable String iso3(String iso2) {
    return iso2To3.get(iso2);
  }

  public @Nullable GeoPlace admin1(String code) {
    return admin1.get(code);
  }

  /** The admin2 district or county of GeoNames code {@code code} ("GB.ENG.M3"), or null. */
  public @Nullable GeoPlace admin2(String code) {
    return admin2.get(code);
  }

  /** The longest name, in words, of any entry. */
  public int maxWords() {
    return maxWords;
  }

  /** Whether a lower-cased word is a common English word that is also a place name. */
  public boolean commonWord(String lower) {
    return commonWords.contains(lower);
  }

  /** Lower case, accents removed, curly apostrophes straightened: the key names are found by. */
  public static String fold(String s) {
    String t = s;
    boolean ascii = true;
    for (int i = 0; i < t.length() && ascii; i++) {
      ascii = t.charAt(i) < 128;
    }
    if (ascii) {
      return t.strip().toLowerCase(Locale.ROOT);
    }
    t = t.strip();
    String d = Normalizer.normalize(t, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      int type = Character.getType(c);
      if (type != Character.NON_SPACING_MARK
          && type != Character.COMBINING_SPACING_MARK
          && type != Character.ENCLOSING_MARK) {
        b.append(c == '\u2019' ? '\'' : c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * Precisions from least to most precise: continent 0, country 1, region 2, district 3, city 4,
   * site 5.
   */
  public static int precisionRank(String precision) {
    return switch (precision) {
      case "continent" -> 0;
      case "country" -> 1;
      case "region" -> 2;
      case "district" -> 3;
      case "city" -> 4;
      default -> 5;
    };
  }
}
