package org.annals.coding;

import java.util.List;
import java.util.Set;
import org.annals.lexicon.Refinement;
import org.annals.lexicon.TriggerEntry;
import org.jspecify.annotations.Nullable;

/**
 * The codes of one clause in the three vocabularies, and how modality, actor refinements and
 * sentence cues change them. Each step appends what it did to the rules.
 *
 * @param statement true when the clause is coded as what an actor said (an intention, threat,
 *     demand or refusal) rather than as the act
 */
record Codes(
    String type,
    @Nullable String mode,
    @Nullable String cameo,
    @Nullable String acledEvent,
    @Nullable String acledSub,
    boolean statement) {

  static final Set<String> COOPERATIVE =
      Set.of(
          "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE");
  static final Set<String> HOSTILE =
      Set.of("PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT");
  private static final Set<String> THREAT_MODES =
      Set.of(
          "restrict", "ban", "arrest", "relations", "expel", "territory", "curfew", "martial-law");

  static Codes of(TriggerEntry e) {
    return new Codes(e.plover(), e.mode(), e.cameo(), e.acledEvent(), e.acledSubEvent(), false);
  }

  private static Codes statement(String type, @Nullable String mode, String cameo) {
    return new Codes(type, mode, cameo, null, null, true);
  }

  /**
   * The codes after the clause's modality: a negated cooperative act is a refusal (REJECT), an
   * intention to cooperate is AGREE, an intended hostile act a THREATEN, an obligation a DEMAND.
   * Null when the clause is not coded at all (negated hostile acts, dropped clauses).
   */
  @Nullable Codes afterModality(ClauseModality.Modal modal, List<String> rules) {
    switch (modal.kind()) {
      case "drop":
        return null;
      case "negated":
        if (!COOPERATIVE.contains(type)) {
          return null;
        }
        rules.add("negated '" + modal.why() + "': a refusal (REJECT)");
        return statement("REJECT", null, "120");
      case "future":
        if (COOPERATIVE.contains(type)) {
          rules.add("intention '" + modal.why() + "': AGREE (express intent to cooperate)");
          return statement("AGREE", null, "030");
        }
        if (HOSTILE.contains(type)) {
          rules.add("intention '" + modal.why() + "': THREATEN");
          return statement("THREATEN", threatMode(type, mode), "130");
        }
        rules.add("intention '" + modal.why() + "'");
        return statement(type, mode, cameo);
      case "obligation":
        rules.add("obligation '" + modal.why() + "': DEMAND");
        return statement("DEMAND", null, "100");
      default:
        return this;
    }
  }

  /** The PLOVER THREATEN mode for a threatened act of {@code type} and {@code mode}. */
  private static @Nullable String threatMode(String type, @Nullable String mode) {
    if (mode != null && THREAT_MODES.contains(mode)) {
      return mode;
    }
    return type.equals("ASSAULT") || type.equals("FIGHT") ? "violence" : null;
  }

  /** The codes with a matching row of refinements.tsv applied (null: none matched). */
  Codes refined(@Nullable Refinement r, List<String> rules) {
    if (r == null) {
      return this;
    }
    rules.add("refined " + r.origin());
    return new Codes(
        type,
        mode,
        r.cameo() != null ? r.cameo() : cameo,
        r.acledEvent() != null ? r.acledEvent() : acledEvent,
        r.acledSubEvent() != null ? r.acledSubEvent() : acledSub,
        statement);
  }

  /**
   * A protest in a sentence with a violent cue ("threw stones") is a riot; an intervention against
   * protesters with a lethal cue ("live ammunition") is excessive force.
   */
  Codes withCues(@Nullable String violent, @Nullable String lethal, List<String> rules) {
    Codes c = this;
    if (c.type.equals("PROTEST") && !c.statement && !"riot".equals(c.mode) && violent != null) {
      rules.add("violent protest: '" + violent + "'");
      boolean peaceful = c.acledSub == null || c.acledSub.equals("Peaceful protest");
      c =
          new Codes(
              c.type,
              "riot",
              "145",
              peaceful ? "Riots" : c.acledEvent,
              peaceful ? "Violent demonstration" : c.acledSub,
              false);
    }
    if ("Protest with intervention".equals(c.acledSub) && lethal != null) {
      rules.add("lethal force: '" + lethal + "'");
      c =
          new Codes(
              c.type,
              c.mode,
              c.cameo,
              "Protests",
              "Excessive force against protesters",
              c.statement);
    }
    return c;
  }
}
