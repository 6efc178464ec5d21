package org.annals.coding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.annals.lexicon.Lexicon;
import org.annals.lexicon.TriggerEntry;
import org.annals.nlp.Sentence;
import org.annals.nlp.Token;

/**
 * Finds trigger patterns in an analysed sentence. Where matches overlap, the one with more pattern
 * words wins, then the higher priority. Thread-safe.
 */
final class TriggerMatcher {
  private static final int MAX_GAP = 3;
  private static final int WINDOW = 6;

  private final Lexicon lexicon;

  TriggerMatcher(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  List<TriggerMatch> match(Sentence s) {
    List<Token> toks = s.tokens();
    List<TriggerMatch> all = new ArrayList<>();
    for (int i = 0; i < toks.size(); i++) {
      Token t = toks.get(i);
      Set<TriggerEntry> seen = new HashSet<>();
      for (String key : new String[] {t.key(), t.lower()}) {
        for (TriggerEntry e : lexicon.triggersStartingWith(key)) {
          if (!seen.add(e)) {
            continue;
          }
          List<Integer> matched = new ArrayList<>();
          int startPattern = e.tokens().get(0).equals("_") ? 1 : 0;
          if (!matchFrom(e.tokens(), startPattern, toks, i, matched)) {
            continue;
          }
          int anchorWord = wordIndex(e.tokens(), e.anchor());
          int anchor = matched.get(anchorWord - wordIndex(e.tokens(), startPattern));
          if (!posOk(e.pos(), toks.get(anchor)) || !windowOk(e, toks, anchor)) {
            continue;
          }
          if (isNamePart(toks.get(anchor)) || isProperOrDate(toks.get(anchor), anchor)) {
            continue;
          }
          all.add(new TriggerMatch(e, matched, anchor));
        }
      }
    }
    all.sort(
        Comparator.comparingInt((TriggerMatch m) -> -m.entry().words())
            .thenComparingInt(m -> -m.entry().priority())
            .thenComparingInt(TriggerMatch::first));
    List<TriggerMatch> kept = new ArrayList<>();
    Set<Integer> used = new HashSet<>();
    for (TriggerMatch m : all) {
      if (m.tokens().stream().noneMatch(used::contains)) {
        kept.add(m);
        used.addAll(m.tokens());
      }
    }
    kept.sort(Comparator.comparingInt(TriggerMatch::anchor));
    return kept;
  }

  /** Index among the pattern's words (gaps not counted) of pattern position {@code p}. */
  private static int wordIndex(List<String> pattern, int p) {
    int n = 0;
    for (int k = 0; k < p; k++) {
      if (!pattern.get(k).equals("_")) {
        n++;
      }
    }
    return n;
  }

  private static boolean matchFrom(
      List<String> pattern, int p, List<Token> toks, int t, List<Integer> matched) {
    if (p == pattern.size()) {
      return true;
    }
    String w = pattern.get(p);
    if (w.equals("_")) {
      for (int skip = 0; skip <= MAX_GAP && t + skip <= toks.size(); skip++) {
        int before = matched.size();
        if (matchFrom(pattern, p + 1, toks, t + skip, matched)) {
          return true;
        }
        while (matched.size() > before) {
          matched.remove(matched.size() - 1);
        }
      }
      return false;
    }
    if (t >= toks.size()) {
      return false;
    }
    Token tok = toks.get(t);
    if (!w.equals(tok.key()) && !w.equals(tok.lower())) {
      return false;
    }
    matched.add(t);
    if (matchFrom(pattern, p + 1, toks, t + 1, matched)) {
      return true;
    }
    matched.remove(matched.size() - 1);
    return false;
  }

  private static boolean posOk(char pos, Token t) {
    return switch (pos) {
      case 'V' -> t.isVerb();
      case 'N' -> t.pos() != null && t.pos().startsWith("NN");
      case 'A' -> t.isAdjective() || (t.pos() != null && t.pos().equals("VBN"));
      default -> true;
    };
  }

  private static boolean windowOk(TriggerEntry e, List<Token> toks, int anchor) {
    if (e.requires().isEmpty() && e.excludes().isEmpty()) {
      return true;
    }
    boolean required = e.requires().isEmpty();
    int from = Math.max(0, anchor - WINDOW);
    int to = Math.min(toks.size(), anchor + WINDOW + 1);
    for (int k = from; k < to; k++) {
      Token t = toks.get(k);
      if (k != anchor && (e.requires().contains(t.key()) || e.requires().contains(t.lower()))) {
        required = true;
      }
      if (k != anchor && (e.excludes().contains(t.key()) || e.excludes().contains(t.lower()))) {
        return false;
      }
    }
    return required;
  }

  /** "March 2019", "Strike Force": a month, a date or a proper noun is not a trigger. */
  private static boolean isProperOrDate(Token t, int index) {
    String ner = t.ner();
    if (ner != null
        && (ner.equals("DATE")
            || ner.equals("TIME")
            || ner.equals("DURATION")
            || ner.equals("SET"))) {
      return true;
    }
    String pos = t.pos();
    return index > 0 && pos != null && pos.startsWith("NNP");
  }

  /** Words inside a person or organisation name ("Attack Records", "Protest Party"). */
  private static boolean isNamePart(Token t) {
    String ner = t.ner();
    return ner != null
        && (ner.equals("PERSON") || ner.equals("ORGANIZATION") || ner.equals("LOCATION"))
        && Character.isUpperCase(t.word().charAt(0));
  }
}
