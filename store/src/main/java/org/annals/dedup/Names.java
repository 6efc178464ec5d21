package org.annals.dedup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annals.event.CodedEvent;
import org.annals.event.CodedEvent.Evidence;
import org.annals.event.CodedEvent.Location;
import org.annals.lexicon.Country;
import org.annals.lexicon.Lexicon;

/**
 * The distinctive names in a report's evidence: capitalised words of four letters or more that do
 * not open a sentence, end a run of capitalised words, are not a place's words (the reports' own
 * places, any country's names, demonyms and capital) and are not words that are capitalised for
 * other reasons (titles, days, months, institutions every report names).
 */
final class Names {
  private static final Pattern WORD = Pattern.compile("\\p{Lu}[\\p{L}'’-]{3,}");

  private static final Set<String> COMMON =
      Set.of(
          "police",
          "president",
          "minister",
          "prime",
          "government",
          "court",
          "judge",
          "officer",
          "officers",
          "army",
          "mayor",
          "governor",
          "chief",
          "department",
          "ministry",
          "council",
          "national",
          "state",
          "city",
          "county",
          "district",
          "street",
          "road",
          "north",
          "south",
          "east",
          "west",
          "northern",
          "southern",
          "eastern",
          "western",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "reuters",
          "associated",
          "press",
          "news",
          "times",
          "post",
          "daily",
          "tribune",
          "herald",
          "said",
          "says",
          "after",
          "before",
          "when",
          "while",
          "during",
          "their",
          "there",
          "this",
          "that",
          "those",
          "these",
          "they",
          "with",
          "from",
          "into",
          "authorities",
          "officials",
          "mister",
          "superior",
          "supreme",
          "federal",
          "united",
          "states",
          "kingdom",
          "republic",
          "international",
          "security",
          "forces",
          "service",
          "services",
          "party",
          "union",
          "christmas",
          "easter",
          "ramadan",
          // heads of institutions' and places' names ("the Kamau Hotel", "West Coast Bank")
          "hotel",
          "bank",
          "market",
          "school",
          "university",
          "college",
          "hospital",
          "church",
          "mosque",
          "temple",
          "station",
          "airport",
          "avenue",
          "square",
          "park",
          "centre",
          "center",
          "company",
          "group",
          "house",
          "office",
          "building",
          "store",
          "supermarket",
          "mall",
          "club",
          "hall",
          "prison",
          "courthouse",
          "embassy",
          "agency",
          "bureau",
          "committee",
          "commission",
          "association",
          "institute",
          "foundation",
          "corporation",
          // titles that end a run ("the Defence Secretary")
          "agent",
          "deputy",
          "sheriff",
          "sergeant",
          "captain",
          "detective",
          "trooper",
          "attorney",
          "prosecutor",
          "lawyer",
          "senator",
          "general",
          "colonel",
          "commander",
          "spokesman",
          "spokeswoman",
          "secretary",
          "director",
          "leader");

  /** Words of every country's names, demonyms and capitals: places, not participants. */
  private static final Set<String> PLACE_WORDS = placeWords();

  private Names() {}

  /**
   * Every name of {@code e}'s evidence that is not a word of the given places, inside a sentence or
   * opening one. A run of capitalised words ("High Court Judge Mary Wambui", "Peter K. Otieno",
   * "the Kamau Hotel") gives its last word that is a name, the surname or the distinctive word of
   * an organisation's name: a first name ("David"), a title or a generic head ("Hotel") is shared
   * by too many to tell two happenings apart.
   */
  static Set<String> all(CodedEvent e, Location... places) {
    Found f = scan(e, places);
    Set<String> all = new java.util.TreeSet<>(f.names());
    all.addAll(f.openers());
    return all;
  }

  /**
   * Whether the two reports' evidence names someone in common ({@link #all}). A word that opens a
   * sentence ("Otieno was sentenced") counts only where the other report has it inside a sentence,
   * since any word is capitalised there.
   */
  static boolean shared(CodedEvent x, CodedEvent y, Location... places) {
    Found fx = scan(x, places);
    Found fy = scan(y, places);
    return !java.util.Collections.disjoint(fx.names(), fy.names())
        || !java.util.Collections.disjoint(fx.openers(), fy.names())
        || !java.util.Collections.disjoint(fx.names(), fy.openers());
  }

  /** A report's names inside sentences and at their openings. */
  private record Found(Set<String> names, Set<String> openers) {}

  private static Found scan(CodedEvent e, Location... places) {
    Set<String> placeWords = new HashSet<>();
    for (Location place : places) {
      if (place.name() != null) {
        for (String w : place.name().split("[\\s,-]+")) {
          placeWords.add(fold(w));
        }
      }
    }
    Found out = new Found(new HashSet<>(), new HashSet<>());
    for (Evidence ev : e.evidence()) {
      String s = ev.sentence();
      String[] tokens = s.split("\\s+");
      int[] at = new int[tokens.length];
      int offset = 0;
      for (int t = 0; t < tokens.length; t++) {
        at[t] = s.indexOf(tokens[t], offset);
        offset = at[t] + tokens[t].length();
      }
      int runStart = 0;
      for (int t = 0; t < tokens.length; t++) {
        boolean cap = capitalised(tokens[t]);
        if (cap && t + 1 < tokens.length && capitalised(tokens[t + 1]) && !endsClause(tokens[t])) {
          continue; // the run of capitalised words goes on
        }
        if (cap) {
          runName(s, tokens, at, runStart, t, placeWords, out);
        }
        runStart = t + 1;
      }
    }
    return out;
  }

  /**
   * Adds the name a run of capitalised words gives, its last word that is a name (not a common
   * word, not a place's), to {@code out}'s openers if it opens the sentence, else to its names.
   * "Kamau Hotel" gives "kamau", "High Court Judge Mary Wambui" gives "wambui".
   */
  private static void runName(
      String s, String[] tokens, int[] at, int from, int to, Set<String> placeWords, Found out) {
    for (int k = to; k >= from; k--) {
      String token = tokens[k];
      int lead = 0;
      while (lead < token.length() && !Character.isLetter(token.charAt(lead))) {
        lead++;
      }
      Matcher m = WORD.matcher(token).region(lead, token.length());
      if (!m.lookingAt()) {
        continue;
      }
      String w = fold(m.group().replaceAll("['’]s?$", ""));
      if (w.length() >= 4
          && !COMMON.contains(w)
          && !PLACE_WORDS.contains(w)
          && !placeWords.contains(w)) {
        (opensSentence(s, at[k] + lead) ? out.openers() : out.names()).add(w);
        return;
      }
    }
  }

  private static boolean capitalised(String token) {
    int i = 0;
    while (i < token.length() && "\"'“‘(".indexOf(token.charAt(i)) >= 0) {
      i++;
    }
    return i < token.length() && Character.isUpperCase(token.charAt(i));
  }

  private static boolean endsClause(String token) {
    return !token.isEmpty()
        && ",;:.!?)\"”".indexOf(token.charAt(token.length() - 1)) >= 0
        && !token.matches("\\p{Lu}\\.|\\p{Lu}[a-z]{1,3}\\.");
  }

  /** Lower case without accents: "Thessaloníki" and "Thessaloniki" are one word. */
  static String fold(String w) {
    return java.text.Normalizer.normalize(w, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }

  private static Set<String> placeWords() {
    Set<String> words = new HashSet<>();
    for (Country c : Lexicon.builtIn().countries()) {
      List<String> all = new ArrayList<>();
      all.add(c.name());
      all.addAll(c.alternates());
      all.addAll(c.demonyms());
      all.addAll(c.capitals());
      for (String name : all) {
        for (String w : name.split("[\\s,-]+")) {
          words.add(fold(w));
        }
      }
    }
    return words;
  }

  private static boolean opensSentence(String s, int i) {
    int k = i - 1;
    while (k >= 0 && (s.charAt(k) == ' ' || s.charAt(k) == '"' || s.charAt(k) == '\'')) {
      k--;
    }
    return k < 0 || ".!?:".indexOf(s.charAt(k)) >= 0;
  }
}
