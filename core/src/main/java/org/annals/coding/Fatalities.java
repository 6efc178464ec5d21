package org.annals.coding;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.annals.nlp.Sentence;
import org.annals.nlp.Token;
import org.jspecify.annotations.Nullable;

/** Reads a death toll from a sentence: "killing 12 people", "at least five were killed". */
final class Fatalities {
  private static final Set<String> DEATH_WORDS =
      Set.of(
          "killed",
          "dead",
          "died",
          "deaths",
          "death",
          "killing",
          "lives",
          "slain",
          "perished",
          "fatalities",
          "kill");
  private static final Map<String, Integer> NUMBER_WORDS =
      Map.ofEntries(
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19),
          Map.entry("twenty", 20),
          Map.entry("thirty", 30),
          Map.entry("forty", 40),
          Map.entry("fifty", 50),
          Map.entry("hundred", 100),
          Map.entry("dozen", 12));

  private Fatalities() {}

  static @Nullable Integer find(Sentence s) {
    List<Token> toks = s.tokens();
    for (int i = 0; i < toks.size(); i++) {
      if (!DEATH_WORDS.contains(toks.get(i).lower())) {
        continue;
      }
      // "12 people were killed", "five dead": a number up to 4 tokens before.
      for (int k = i - 1; k >= Math.max(0, i - 4); k--) {
        Integer n = number(toks.get(k));
        if (n != null) {
          return n;
        }
      }
      // "killing 12 people", "killed at least five".
      for (int k = i + 1; k < Math.min(toks.size(), i + 4); k++) {
        Integer n = number(toks.get(k));
        if (n != null) {
          return n;
        }
      }
    }
    return null;
  }

  private static @Nullable Integer number(Token t) {
    String w = t.lower().replace(",", "");
    if (w.matches("\\d{1,6}")) {
      int n = Integer.parseInt(w);
      return n >= 1900 && n <= 2100 ? null : n;
    }
    return NUMBER_WORDS.get(w); // "dozens", "hundreds": no number to report
  }
}
