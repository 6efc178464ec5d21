package org.annals.place;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The ISO 3166 alpha-3 codes the gazetteer knows, with their names, for checking user input. */
public final class CountryCodes {
  private static final Map<String, String> NAMES = load();

  private CountryCodes() {}

  /** Every code, sorted. */
  public static Set<String> all() {
    return NAMES.keySet();
  }

  public static boolean known(String iso3) {
    return NAMES.containsKey(iso3);
  }

  /** The code of a country written by name ("Kenya" → KEN) or as ISO alpha-2 ("KE"), or null. */
  public static @Nullable String suggest(String written) {
    String w = written.strip();
    for (var e : NAMES.entrySet()) {
      if (e.getValue().equalsIgnoreCase(w)) {
        return e.getKey();
      }
    }
    return null;
  }

  /**
   * A message for a value that is not a known code, naming the code meant where it can be told;
   * null if {@code value} is a known code (in any case).
   */
  public static @Nullable String problem(String option, String value) {
    if (known(value.toUpperCase(Locale.ROOT))) {
      return null;
    }
    String meant = suggest(value);
    return option
        + " '"
        + value
        + "' is not an ISO 3166 alpha-3 country code"
        + (meant == null ? "; use e.g. IRQ, KEN, USA" : "; did you mean " + meant + "?");
  }

  private static Map<String, String> load() {
    Map<String, String> out = new TreeMap<>();
    try (InputStream in =
        CountryCodes.class.getResourceAsStream("/annals/gazetteer/countries.tsv")) {
      if (in == null) {
        throw new IllegalStateException("the gazetteer's countries.tsv is missing from the jar");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.split("\t", -1);
        if (!line.startsWith("#") && f.length > 2 && f[0].length() == 3) {
          out.put(f[0], f[2]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the gazetteer's countries.tsv", e);
    }
    return Collections.unmodifiableMap(out);
  }
}
