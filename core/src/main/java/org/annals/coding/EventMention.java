package org.annals.coding;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One coded clause of one sentence, before dating, placing and merging. Offsets are into the
 * cleaned text.
 *
 * @param sentence sentence index in the annotated document
 * @param predicate token index of the clause's predicate (the anchor, or the verb governing a noun
 *     anchor)
 * @param anchor token index of the trigger's anchor word
 * @param triggerStart start offset of the matched trigger words
 * @param triggerEnd end offset (exclusive) of the matched trigger words
 * @param priority the trigger's priority (1 generic … 9 specific)
 * @param tense {@code past-perfect}, {@code progressive-perfect}, or null
 * @param depth how far the predicate is below the sentence root (0 for the main clause)
 * @param statement true when the clause was coded as what an actor said (an intention, a threat, a
 *     demand, a refusal) rather than as the act itself
 * @param rules provenance: the lexicon lines and relations that produced each field
 * @param probability the classifier's probability that the clause's PLOVER type is right, or null
 *     when the rules alone coded it
 */
public record EventMention(
    int sentence,
    int predicate,
    int anchor,
    int triggerStart,
    int triggerEnd,
    String trigger,
    String plover,
    @Nullable String mode,
    List<String> context,
    @Nullable String cameo,
    @Nullable String acledEvent,
    @Nullable String acledSubEvent,
    @Nullable Actor source,
    @Nullable Actor target,
    int priority,
    @Nullable String tense,
    @Nullable Integer fatalities,
    int depth,
    boolean statement,
    List<String> rules,
    @Nullable Double probability) {

  public EventMention {
    context = List.copyOf(context);
    rules = List.copyOf(rules);
  }

  /** A clause the rules alone coded. */
  public EventMention(
      int sentence,
      int predicate,
      int anchor,
      int triggerStart,
      int triggerEnd,
      String trigger,
      String plover,
      @Nullable String mode,
      List<String> context,
      @Nullable String cameo,
      @Nullable String acledEvent,
      @Nullable String acledSubEvent,
      @Nullable Actor source,
      @Nullable Actor target,
      int priority,
      @Nullable String tense,
      @Nullable Integer fatalities,
      int depth,
      boolean statement,
      List<String> rules) {
    this(
        sentence,
        predicate,
        anchor,
        triggerStart,
        triggerEnd,
        trigger,
        plover,
        mode,
        context,
        cameo,
        acledEvent,
        acledSubEvent,
        source,
        target,
        priority,
        tense,
        fatalities,
        depth,
        statement,
        rules,
        null);
  }

  /** This clause with the classifier's probability {@code p} and a note for its provenance. */
  public EventMention withProbability(double p, String note) {
    List<String> r = new java.util.ArrayList<>(rules);
    r.add(note);
    return new EventMention(
        sentence,
        predicate,
        anchor,
        triggerStart,
        triggerEnd,
        trigger,
        plover,
        mode,
        context,
        cameo,
        acledEvent,
        acledSubEvent,
        source,
        target,
        priority,
        tense,
        fatalities,
        depth,
        statement,
        r,
        p);
  }

  /** This clause with its ACLED codes replaced (a classifier's choice) and a note. */
  public EventMention withAcled(
      @Nullable String event, @Nullable String subEvent, double p, String note) {
    List<String> r = new java.util.ArrayList<>(rules);
    r.add(note);
    return new EventMention(
        sentence,
        predicate,
        anchor,
        triggerStart,
        triggerEnd,
        trigger,
        plover,
        mode,
        context,
        cameo,
        event,
        subEvent,
        source,
        target,
        priority,
        tense,
        fatalities,
        depth,
        statement,
        r,
        p);
  }
}
