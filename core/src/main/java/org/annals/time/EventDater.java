package org.annals.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.annals.coding.EventMention;
import org.annals.lexicon.Modality;
import org.annals.nlp.AnnotatedDocument;
import org.annals.nlp.Dependency;
import org.annals.nlp.Sentence;
import org.annals.nlp.TimeMention;
import org.annals.nlp.Token;
import org.jspecify.annotations.Nullable;

/**
 * Dates each event from the time expressions of its sentence, resolved against the publication
 * date, and recognises background and history. A sentence without a date expression takes the date
 * of the nearest preceding dated sentence, or the article's lead date ({@code context}); with
 * neither, the publication date ({@code publication}). Relative dates without a publication date
 * stay {@code unresolved}. Thread-safe.
 */
public final class EventDater {
  /** Events that ended more than this many days before publication are background. */
  static final int BACKGROUND_DAYS = 7;

  /** How many sentences back a date still carries over. */
  static final int CONTEXT_SENTENCES = 3;

  private final Modality modality;

  public EventDater(Modality modality) {
    this.modality = modality;
  }

  /** Dates {@code events} (from {@code doc}), in the same order. */
  public List<EventDate> date(
      AnnotatedDocument doc, List<EventMention> events, @Nullable LocalDate published) {
    List<EventDate> sentenceDates = new ArrayList<>();
    for (Sentence s : doc.sentences()) {
      sentenceDates.add(sentenceDate(s, published));
    }
    EventDate lead = null;
    for (int i = 0; i < Math.min(4, sentenceDates.size()); i++) {
      EventDate d = sentenceDates.get(i);
      if (d != null && !d.background() && d.date() != null) {
        lead = d;
        break;
      }
    }
    List<EventDate> out = new ArrayList<>(events.size());
    for (EventMention e : events) {
      out.add(dateOne(doc, e, published, sentenceDates, lead));
    }
    return out;
  }

  private EventDate dateOne(
      AnnotatedDocument doc,
      EventMention e,
      @Nullable LocalDate published,
      List<EventDate> sentenceDates,
      @Nullable EventDate lead) {
    Sentence s = doc.sentences().get(e.sentence());
    String cue = cueFor(s, e, "background");
    String ongoingCue = cueFor(s, e, "ongoing");
    boolean pastPerfect = "past-perfect".equals(e.tense());
    boolean ongoing = "progressive-perfect".equals(e.tense()) || ongoingCue != null;

    TimeMention t = chooseTime(s, e, published);
    if (t != null && t.type().equals("DURATION")) {
      if (published != null) {
        LocalDate start = Timex.durationStart(t.value(), published);
        return new EventDate(
            start,
            published,
            "range",
            "text",
            true,
            t.text(),
            "duration '" + t.text() + "' up to publication");
      }
      return EventDate.unknown("unresolved", true, t.text(), "duration without publication date");
    }
    if (t != null) {
      Timex.Period p = Timex.parse(t.value());
      if (p == null && "PRESENT_REF".equals(t.value()) && published != null) {
        p = new Timex.Period(published, published, "day");
      }
      String rule = "time '" + t.text() + "' = " + t.value();
      if (p != null && pastWeekdayAhead(s, e, t, p, published)) {
        LocalDate d = p.start();
        while (d.isAfter(published)) {
          d = d.minusWeeks(1);
        }
        p = new Timex.Period(d, d, "day");
        rule += "; past tense: the " + t.text() + " before publication, " + d;
      }
      if (p != null) {
        boolean background = cue != null || pastPerfect || isOld(p, published) || ongoing;
        if (ongoing && published != null && p.end().isBefore(published)) {
          return new EventDate(
              p.start(), published, "range", "text", true, t.text(), rule + "; ongoing since then");
        }
        return new EventDate(p.start(), p.end(), p.precision(), "text", background, t.text(), rule);
      }
      if (Timex.isUnresolved(t.value()) || published == null) {
        return EventDate.unknown(
            "unresolved",
            cue != null || pastPerfect,
            t.text(),
            "relative date '" + t.text() + "' (" + t.value() + ") needs a publication date");
      }
    }
    if (cue != null || pastPerfect) {
      return EventDate.unknown(
          "none", true, null, cue != null ? "background cue '" + cue + "'" : "past perfect");
    }
    if (ongoing) {
      if (published != null) {
        return new EventDate(
            null,
            published,
            "range",
            "text",
            true,
            ongoingCue,
            "ongoing"
                + (ongoingCue != null ? " '" + ongoingCue + "'" : " (have been …ing)")
                + " up to publication");
      }
      return EventDate.unknown("none", true, ongoingCue, "ongoing, no publication date");
    }
    String prior = priorCue(s, e);
    if (prior != null) {
      // "charged with the murder": the murder came before the charge, on a day this sentence
      // does not give; neither the story's other dates nor the publication date are its date,
      // and it is background to the news (the charge).
      return EventDate.unknown(
          "none", true, prior, "the object of '" + prior + "': happened before, undated");
    }
    // Context: the nearest preceding dated sentence, or the article's lead date.
    for (int k = e.sentence() - 1; k >= Math.max(0, e.sentence() - CONTEXT_SENTENCES); k--) {
      EventDate d = sentenceDates.get(k);
      if (d != null && d.date() != null) {
        if (d.background()) {
          break;
        }
        return new EventDate(
            d.date(),
            d.end(),
            d.precision(),
            "context",
            false,
            d.text(),
            "context: sentence " + (k + 1) + " '" + d.text() + "'");
      }
    }
    if (lead != null) {
      return new EventDate(
          lead.date(),
          lead.end(),
          lead.precision(),
          "context",
          false,
          lead.text(),
          "context: the article's lead date '" + lead.text() + "'");
    }
    if (published != null) {
      return new EventDate(
          published,
          published,
          "day",
          "publication",
          false,
          null,
          "no date in the text: publication date");
    }
    return EventDate.unknown("none", false, null, "no date in the text and no publication date");
  }

  /** The first resolved DATE/TIME of a sentence (for context), with its background status. */
  private @Nullable EventDate sentenceDate(Sentence s, @Nullable LocalDate published) {
    for (TimeMention t : times(s, published)) {
      if (t.type().equals("DURATION") || t.type().equals("SET")) {
        continue;
      }
      Timex.Period p = Timex.parse(t.value());
      if (p != null && p.start() != null) {
        boolean background = cue(s, "background") != null || isOld(p, published);
        return new EventDate(p.start(), p.end(), p.precision(), "text", background, t.text(), "");
      }
    }
    return null;
  }

  /**
   * The time expression that applies to an event: one attached to its predicate, else the only date
   * of the sentence, else the nearest date not attached to another clause.
   */
  private @Nullable TimeMention chooseTime(
      Sentence s, EventMention e, @Nullable LocalDate published) {
    List<TimeMention> candidates = new ArrayList<>();
    for (TimeMention t : times(s, published)) {
      if (t.type().equals("SET")) {
        continue;
      }
      if (t.type().equals("DURATION")
          && (!precededBy(s, t, "for", "over", "past", "last") || !perfect(e))) {
        continue; // "occupied the chamber for several hours" (in 2019) says nothing about now
      }
      if (t.value() != null && (t.value().equals("FUTURE_REF") || t.value().equals("PAST_REF"))) {
        continue;
      }
      candidates.add(t);
    }
    if (!s.dependencies().isEmpty()) {
      candidates.removeIf(t -> !belongs(s, t, e));
    }
    if (candidates.isEmpty()) {
      return null;
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    TimeMention best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (TimeMention t : candidates) {
      int attached = attachment(s, t);
      if (attached == e.predicate() || attached == e.anchor()) {
        return t;
      }
      int distance =
          Math.min(Math.abs(t.tokenStart() - e.anchor()), Math.abs(t.tokenEnd() - 1 - e.anchor()));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = t;
      }
    }
    return best;
  }

  private static boolean perfect(EventMention e) {
    return e.tense() != null
        && (e.tense().equals("progressive-perfect") || e.tense().equals("present-perfect"));
  }

  /**
   * True if a time expression can date this event: it hangs from the event's clause (without
   * crossing another verb), or from a clause above it ("said on Monday that ...").
   */
  private static boolean belongs(Sentence s, TimeMention t, EventMention e) {
    int a = attachment(s, t);
    if (a < 0) {
      return true;
    }
    int k = a;
    for (int steps = 0; k >= 0 && steps < 12; steps++) {
      if (k == e.predicate() || k == e.anchor()) {
        return true;
      }
      if (s.tokens().get(k).isVerb()) {
        break; // the expression dates another clause ("villages the rebels seized in March")
      }
      List<Dependency> up = s.parents(k);
      k = up.isEmpty() ? -1 : up.get(0).governor();
    }
    return dominates(s, a, e.predicate());
  }

  /** The token a time expression's head is attached to (its governor outside the expression). */
  private static int attachment(Sentence s, TimeMention t) {
    for (int k = t.tokenStart(); k < t.tokenEnd(); k++) {
      for (Dependency d : s.parents(k)) {
        if (d.governor() >= 0 && (d.governor() < t.tokenStart() || d.governor() >= t.tokenEnd())) {
          return d.governor();
        }
      }
    }
    return -1;
  }

  private static boolean precededBy(Sentence s, TimeMention t, String... words) {
    if (t.tokenStart() == 0) {
      return false;
    }
    String prev = s.tokens().get(t.tokenStart() - 1).lower();
    String first = s.tokens().get(t.tokenStart()).lower();
    for (String w : words) {
      if (w.equals(prev) || w.equals(first)) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern WEEKDAY =
      java.util.regex.Pattern.compile(
          "(?i)((on|last|this|past) )?(mon|tues|wednes|thurs|fri|satur|sun)day"
              + "( (morning|afternoon|evening|night))?");

  /**
   * True if a bare weekday ("on Friday") was resolved to a day after publication while its clause
   * is in the past tense ("police arrested … on Friday"): SUTime resolves some weekdays forward,
   * and a past act happened on the weekday before publication.
   */
  private static boolean pastWeekdayAhead(
      Sentence s, EventMention e, TimeMention t, Timex.Period p, @Nullable LocalDate published) {
    if (published == null
        || p.start() == null
        || !p.start().isAfter(published)
        || e.statement()
        || !WEEKDAY.matcher(t.text()).matches()
        || e.predicate() < 0
        || e.predicate() >= s.tokens().size()) {
      return false;
    }
    String pos = s.tokens().get(e.predicate()).pos();
    return "VBD".equals(pos) || "VBN".equals(pos);
  }

  /** The sentence's time expressions without bare numbers that are not years. */
  static List<TimeMention> times(Sentence s, @Nullable LocalDate published) {
    List<TimeMention> out = new ArrayList<>(s.times().size());
    for (TimeMention t : s.times()) {
      if (!notAYear(s, t, published)) {
        out.add(t);
      }
    }
    return out;
  }

  private static final java.util.regex.Pattern BARE_NUMBER =
      java.util.regex.Pattern.compile("\\d{4}");

  /** Words after a number that make it part of an address ("the 2500 block", "2088 Oak Street"). */
  private static final java.util.Set<String> ADDRESS_WORDS =
      java.util.Set.of(
          "block",
          "street",
          "st",
          "st.",
          "road",
          "rd",
          "rd.",
          "avenue",
          "ave",
          "ave.",
          "boulevard",
          "blvd",
          "lane",
          "ln",
          "drive",
          "dr",
          "dr.",
          "highway",
          "hwy",
          "route",
          "court",
          "ct",
          "place",
          "terrace",
          "parkway",
          "pike",
          "way",
          "suite",
          "apartment",
          "unit",
          "building",
          "floor");

  /** Words before a number that make it a year ("in 1999", "since 2004", "May 2021"). */
  private static final java.util.Set<String> YEAR_WORDS =
      java.util.Set.of(
          "in",
          "since",
          "of",
          "by",
          "until",
          "till",
          "from",
          "during",
          "before",
          "after",
          "around",
          "circa",
          "early",
          "late",
          "mid",
          "mid-",
          "year",
          "through",
          "to",
          "and",
          "or",
          "between",
          "spring",
          "summer",
          "autumn",
          "fall",
          "winter",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "jan",
          "feb",
          "mar",
          "apr",
          "jun",
          "jul",
          "aug",
          "sep",
          "sept",
          "oct",
          "nov",
          "dec",
          ",",
          "the",
          "'s",
          "fiscal",
          "election",
          "season");

  /**
   * True if {@code t} is a bare four-digit number that the text does not make a year: one after the
   * publication year + 1 (or this year + 1 without a publication date), one followed by an address
   * word ("the 2500 block", "2088 Philip Street") or by a name it does not date.
   */
  static boolean notAYear(Sentence s, TimeMention t, @Nullable LocalDate published) {
    if (!BARE_NUMBER.matcher(t.text()).matches()) {
      return false;
    }
    int year = Integer.parseInt(t.text());
    int latest =
        (published != null
                ? published.getYear()
                : LocalDate.now(java.time.ZoneOffset.UTC).getYear())
            + 1;
    if (year > latest) {
      return true;
    }
    List<org.annals.nlp.Token> tokens = s.tokens();
    String prev = t.tokenStart() > 0 ? tokens.get(t.tokenStart() - 1).lower() : "";
    for (int k = t.tokenEnd(); k < Math.min(tokens.size(), t.tokenEnd() + 3); k++) {
      if (ADDRESS_WORDS.contains(tokens.get(k).lower())) {
        return true; // "2500 block", "2088 Philip Street", "1600 Pennsylvania Avenue"
      }
      String w = tokens.get(k).word();
      if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) {
        break;
      }
    }
    if (t.tokenEnd() < tokens.size() && !YEAR_WORDS.contains(prev)) {
      String next = tokens.get(t.tokenEnd()).word();
      boolean name = !next.isEmpty() && Character.isUpperCase(next.charAt(0));
      return name && !YEAR_WORDS.contains(next.toLowerCase(java.util.Locale.ROOT));
    }
    return false;
  }

  private static boolean isOld(Timex.Period p, @Nullable LocalDate published) {
    return published != null && p.end().isBefore(published.minusDays(BACKGROUND_DAYS));
  }

  private static final java.util.Set<String> REFERENCE_WORDS =
      java.util.Set.of("after", "following", "amid", "before", "despite", "since", "ending");

  /**
   * The first phrase of {@code kind} that bears on this event: "weeks of protests" bears on the
   * noun it introduces; "for weeks", "once" bear on the clause whose verb they modify and the
   * clauses below it. A phrase after "after"/"amid" ("after months of unrest") sets a reference
   * point and bears on nothing. Without dependencies, any phrase in the sentence counts.
   */
  private @Nullable String cueFor(Sentence s, EventMention e, String kind) {
    List<Token> toks = s.tokens();
    for (int i = 0; i < toks.size(); i++) {
      var m =
          modality
              .phrases()
              .longest(i, toks.size(), k -> toks.get(k).lower(), k -> toks.get(k).lower());
      if (m == null || !m.value().equals(kind)) {
        continue;
      }
      int j = i + m.length();
      String text = words(toks, i, j);
      if (s.dependencies().isEmpty()) {
        return text;
      }
      if (i > 0 && REFERENCE_WORDS.contains(toks.get(i - 1).lower())) {
        i = j - 1;
        continue;
      }
      if (toks.get(j - 1).lower().equals("of")) {
        if (e.anchor() >= j && e.anchor() <= j + 4) {
          return text;
        }
        i = j - 1;
        continue;
      }
      int verb = governingVerb(s, i, j);
      if (verb >= 0 && dominates(s, verb, e.predicate())) {
        return text;
      }
      i = j - 1;
    }
    return null;
  }

  /**
   * The legal step (modality.tsv kind {@code prior}: "charged with", "accused of") whose object the
   * event is: the event's anchor within four tokens after the phrase. Null if none.
   */
  private @Nullable String priorCue(Sentence s, EventMention e) {
    List<Token> toks = s.tokens();
    for (int i = 0; i < toks.size() && i < e.anchor(); i++) {
      var m =
          modality
              .phrases()
              .longest(i, toks.size(), k -> toks.get(k).lower(), k -> toks.get(k).lower());
      if (m != null && m.value().equals("prior")) {
        int j = i + m.length();
        if (e.anchor() >= j && e.anchor() <= j + 4) {
          return words(toks, i, j);
        }
      }
    }
    return null;
  }

  /** The first verb above the phrase {@code [from, to)}, or -1. */
  private static int governingVerb(Sentence s, int from, int to) {
    int k = -1;
    for (int t = from; t < to && k < 0; t++) {
      for (Dependency d : s.parents(t)) {
        if (d.governor() < from || d.governor() >= to) {
          k = d.governor();
          break;
        }
      }
    }
    for (int steps = 0; k >= 0 && steps < 6; steps++) {
      if (s.tokens().get(k).isVerb()) {
        return k;
      }
      List<Dependency> up = s.parents(k);
      k = up.isEmpty() ? -1 : up.get(0).governor();
    }
    return -1;
  }

  /** True if {@code node} is {@code top} or lies below it in the dependency tree. */
  private static boolean dominates(Sentence s, int top, int node) {
    int k = node;
    for (int steps = 0; k >= 0 && steps < 12; steps++) {
      if (k == top) {
        return true;
      }
      List<Dependency> up = s.parents(k);
      k = up.isEmpty() ? -1 : up.get(0).governor();
    }
    return false;
  }

  private static String words(List<Token> toks, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int k = from; k < to; k++) {
      b.append(k > from ? " " : "").append(toks.get(k).word());
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /** The first phrase of {@code kind} in the sentence, or null. */
  private @Nullable String cue(Sentence s, String kind) {
    List<Token> toks = s.tokens();
    for (int i = 0; i < toks.size(); i++) {
      var m =
          modality
              .phrases()
              .longest(i, toks.size(), k -> toks.get(k).lower(), k -> toks.get(k).lower());
      if (m != null && m.value().equals(kind)) {
        return words(toks, i, i + m.length());
      }
    }
    return null;
  }
}
