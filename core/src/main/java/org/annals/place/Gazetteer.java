package org.annals.place;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
 * GeoNames admin1 regions, countries (names from the lexicon, points from Natural Earth outlines)
 * and the landmark file. Built by {@code gazetteer/build.sh}; read from the classpath. Immutable
 * and thread-safe once loaded.
 */
public final class Gazetteer {
  private static final String DATA = "/annals/gazetteer/";
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

  private final Map<String, GeoPlace[]> byName = new HashMap<>(1 << 20);
  private final List<String> shared = new ArrayList<>(); // names of more than one place
  private final Map<String, GeoPlace> demonyms = new HashMap<>();
  private final Map<String, GeoPlace> countries = new HashMap<>();
  private final Map<String, GeoPlace> admin1 = new HashMap<>();
  private final Map<String, String> iso2To3 = new HashMap<>();
  private final Set<String> commonWords = new HashSet<>();
  private int maxWords = 1;

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
      Thread t = new Thread(() -> {
        try {
          f.complete(load(lexicon));
        } catch (RuntimeException | Error e) {
          f.completeExceptionally(e);
        }
      }, "annals-gazetteer");
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
    for (String[] f : g.rows("countries.tsv")) {
      points.put(f[0], new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[4])});
    }
    for (String[] f : g.rows("admin1.tsv")) {
      String iso3 = g.iso2To3.get(f[0].substring(0, 2));
      GeoPlace p = new GeoPlace(null, f[1], iso3, f[0], f[1], Double.parseDouble(f[2]),
          Double.parseDouble(f[3]), "region", "ADM1", Long.parseLong(f[4]), null);
      g.admin1.put(f[0], p);
      g.add(f[1], p);
      String bare = ADMIN_SUFFIX.matcher(f[1]).replaceFirst("");
      if (!bare.equals(f[1])) {
        g.add(bare, p);
      }
    }
    g.loadCities();
    for (Country c : lexicon.countries()) {
      double[] pt = points.get(c.iso3());
      if (pt == null) {
        GeoPlace capital = c.capitals().isEmpty() ? null : g.largest(c.capitals().get(0), c.iso3());
        if (capital == null) {
          continue; // no outline and no capital: only a name, nothing to put on a map
        }
        pt = new double[] {capital.lat(), capital.lon()};
      }
      GeoPlace p = new GeoPlace(null, c.name(), c.iso3(), null, null, pt[0], pt[1], "country",
          "PCLI", 0, null);
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
    for (Landmark l : lexicon.landmarks()) {
      GeoPlace city = l.city() == null ? null : g.largest(l.city(), l.country());
      GeoPlace p = new GeoPlace(null, l.name(), l.country(),
          city == null ? null : city.admin1(), city == null ? null : city.admin1Name(),
          l.lat(), l.lon(), l.precision(), "LANDMARK", 0, l.city());
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

  private void loadCities() {
    try (InputStream raw = resource("cities.tsv.gz");
        BufferedReader in = new BufferedReader(
            new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8),
            1 << 16)) {
      Map<String, String> interned = new HashMap<>();
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isEmpty() || line.charAt(0) == '#') {
          continue;
        }
        String[] f = line.split("\t", -1);
        String iso3 = iso2To3.getOrDefault(f[5], f[5]);
        String adminCode = interned.computeIfAbsent(f[5] + "." + f[6], k -> k);
        GeoPlace region = admin1.get(adminCode);
        GeoPlace p = new GeoPlace(Long.parseLong(f[0]), f[1], iso3,
            region == null ? null : adminCode, region == null ? null : region.name(),
            Double.parseDouble(f[3]), Double.parseDouble(f[4]), "city",
            interned.computeIfAbsent(f[7], k -> k), Long.parseLong(f[8]), null);
        add(f[1], p);
        if (!f[2].isEmpty()) {
          for (String alt : f[2].split("\\|")) {
            add(alt, p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in gazetteer; rebuild Annals", e);
    }
  }

  private List<String[]> rows(String file) {
    List<String[]> out = new ArrayList<>();
    try (InputStream raw = resource(file);
        BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
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
      throw new IllegalStateException("built-in gazetteer file " + DATA + file
          + " is missing from the jar; rebuild Annals (gazetteer/README.md)");
    }
    return in;
  }

  private void add(String name, GeoPlace p) {
    String key = key(name);
    if (key.isEmpty()) {
      return;
    }
    byName.compute(key, (k, old) -> {
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
   * The key a name is found by: {@link #fold}ed, except acronyms ("US", "DRC", "U.S."), which
   * match only as written, so "Sadr" is not SADR and "us" is not the USA.
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
      if (p.precision().equals("city") && (iso3 == null || iso3.equals(p.country()))
          && (best == null || p.population() > best.population())) {
        best = p;
      }
    }
    return best;
  }

  /** Entries found by {@code key} (see {@link #key}), most general and populous first. */
  public List<GeoPlace> candidates(String key) {
    GeoPlace[] ps = byName.get(key);
    return ps == null ? List.of() : Arrays.asList(ps);
  }

  /** The country a demonym or adjective names ("Iraqi" → Iraq), or null; {@code key} as above. */
  public @Nullable GeoPlace demonym(String key) {
    return demonyms.get(key);
  }

  public @Nullable GeoPlace country(String iso3) {
    return countries.get(iso3);
  }

  public @Nullable GeoPlace admin1(String code) {
    return admin1.get(code);
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
      if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
          && type != Character.ENCLOSING_MARK) {
        b.append(c == '\u2019' ? '\'' : c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  static int precisionRank(String precision) {
    return switch (precision) {
      case "continent" -> 0;
      case "country" -> 1;
      case "region" -> 2;
      case "city" -> 3;
      default -> 4;
    };
  }
}
