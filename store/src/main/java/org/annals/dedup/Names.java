package org.annals.dedup;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annals.event.CodedEvent;
import org.annals.event.CodedEvent.Evidence;
import org.annals.event.CodedEvent.Location;

/**
 * The distinctive names in a report's evidence: capitalised words of four letters or more that do
 * not open a sentence, are not the report's place and are not words that are capitalised for other
 * reasons (titles, days, months, institutions every report names).
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
          "ramadan");

  private Names() {}

  static Set<String> of(CodedEvent e, Location place) {
    Set<String> placeWords = new HashSet<>();
    if (place.name() != null) {
      for (String w : place.name().split("[\\s,-]+")) {
        placeWords.add(w.toLowerCase(Locale.ROOT));
      }
    }
    Set<String> out = new HashSet<>();
    for (Evidence ev : e.evidence()) {
      String s = ev.sentence();
      Matcher m = WORD.matcher(s);
      while (m.find()) {
        if (opensSentence(s, m.start())) {
          continue;
        }
        String w = m.group().replaceAll("['’]s$", "").toLowerCase(Locale.ROOT);
        if (w.length() >= 4 && !COMMON.contains(w) && !placeWords.contains(w)) {
          out.add(w);
        }
      }
    }
    return out;
  }

  private static boolean opensSentence(String s, int i) {
    int k = i - 1;
    while (k >= 0 && (s.charAt(k) == ' ' || s.charAt(k) == '"' || s.charAt(k) == '\'')) {
      k--;
    }
    return k < 0 || ".!?:".indexOf(s.charAt(k)) >= 0;
  }
}
