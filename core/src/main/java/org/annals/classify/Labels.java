package org.annals.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The label spaces of the classifier's heads, in the order of its outputs. A trained model file
 * names its labels, and loading checks them against these.
 */
public final class Labels {
  /** No event (PLOVER head), no ACLED-relevant event (ACLED head), no CAMEO event. */
  public static final String NONE = "NONE";

  /** PLOVER event types, then NONE. */
  public static final List<String> PLOVER =
      List.of(
          "AGREE",
          "CONSULT",
          "SUPPORT",
          "CONCEDE",
          "COOPERATE",
          "AID",
          "RETREAT",
          "INVESTIGATE",
          "DEMAND",
          "DISAPPROVE",
          "REJECT",
          "THREATEN",
          "PROTEST",
          "MOBILIZE",
          "SANCTION",
          "COERCE",
          "ASSAULT",
          "FIGHT",
          NONE);

  /** PLOVER's event types without {@link #NONE}: what users filter on. */
  public static final List<String> PLOVER_TYPES = PLOVER.subList(0, PLOVER.size() - 1);

  /** The 25 ACLED sub-event types as CASE 2021 codes, mapped to ACLED's names. */
  public static final Map<String, String> CASE_TO_ACLED = caseToAcled();

  /** The five CASE 2021 types outside ACLED. */
  public static final List<String> NON_ACLED =
      List.of("DIPLO", "ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "ATTRIB");

  /** PLOVER types that are diplomatic acts (CASE 2021's DIPLO). */
  public static final Set<String> DIPLOMATIC =
      Set.of(
          "CONSULT",
          "SUPPORT",
          "COOPERATE",
          "AID",
          "DEMAND",
          "DISAPPROVE",
          "REJECT",
          "CONCEDE",
          "SANCTION",
          "INVESTIGATE",
          "AGREE");

  /** ACLED head: the 25 ACLED sub-events, the five CASE types outside ACLED, then NONE. */
  public static final List<String> ACLED = acled();

  /** CAMEO roots "01" … "20", then NONE. */
  public static final List<String> CAMEO =
      List.of(
          "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15",
          "16", "17", "18", "19", "20", NONE);

  /**
   * Zero-Shot-PLOVER's older type names and the current types each stands for: its ASSAULT includes
   * fighting, and it has no INVESTIGATE, filing investigations under ACCUSE.
   */
  public static final Map<String, Set<String>> ZSP_NAMES =
      Map.of(
          "YIELD", Set.of("CONCEDE", "RETREAT"),
          "ACCUSE", Set.of("DISAPPROVE", "INVESTIGATE"),
          "REQUEST", Set.of("DEMAND"),
          "ASSAULT", Set.of("ASSAULT", "FIGHT"));

  private Labels() {}

  /**
   * The Zero-Shot-PLOVER name of a current PLOVER type (CONCEDE → YIELD, FIGHT → ASSAULT,
   * INVESTIGATE → ACCUSE).
   */
  public static String zspName(String type) {
    for (Map.Entry<String, Set<String>> e : ZSP_NAMES.entrySet()) {
      if (e.getValue().contains(type)) {
        return e.getKey();
      }
    }
    return type;
  }

  private static Map<String, String> caseToAcled() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("PEACE_PROTEST", "Peaceful protest");
    m.put("PROTEST_WITH_INTER", "Protest with intervention");
    m.put("FORCE_AGAINST_PROTEST", "Excessive force against protesters");
    m.put("VIOL_DEMONSTR", "Violent demonstration");
    m.put("MOB_VIOL", "Mob violence");
    m.put("ARMED_CLASH", "Armed clash");
    m.put("GOV_REGAINS_TERIT", "Government regains territory");
    m.put("NON_STATE_ACTOR_OVERTAKES_TER", "Non-state actor overtakes territory");
    m.put("AIR_STRIKE", "Air/drone strike");
    m.put("ART_MISS_ATTACK", "Shelling/artillery/missile attack");
    m.put("REM_EXPLOS", "Remote explosive/landmine/IED");
    m.put("GRENADE", "Grenade");
    m.put("SUIC_BOMB", "Suicide bomb");
    m.put("CHEM_WEAP", "Chemical weapon");
    m.put("SEX_VIOL", "Sexual violence");
    m.put("ATTACK", "Attack");
    m.put("ABDUCT_DISSAP", "Abduction/forced disappearance");
    m.put("AGREEMENT", "Agreement");
    m.put("ARREST", "Arrests");
    m.put("CHANGE_TO_GROUP_ACT", "Change to group/activity");
    m.put("DISR_WEAP", "Disrupted weapons use");
    m.put("HQ_ESTABLISHED", "Headquarters or base established");
    m.put("PROPERTY_DISTRUCT", "Looting/property destruction");
    m.put("NON_VIOL_TERRIT_TRANSFER", "Non-violent transfer of territory");
    m.put("OTHER", "Other");
    return java.util.Collections.unmodifiableMap(m);
  }

  private static List<String> acled() {
    List<String> l = new java.util.ArrayList<>(CASE_TO_ACLED.keySet());
    l.addAll(NON_ACLED);
    l.add(NONE);
    return List.copyOf(l);
  }

  /** The CASE code of an ACLED sub-event name, or null. */
  public static @org.jspecify.annotations.Nullable String caseCode(String acledSubEvent) {
    for (Map.Entry<String, String> e : CASE_TO_ACLED.entrySet()) {
      if (e.getValue().equals(acledSubEvent)) {
        return e.getKey();
      }
    }
    return null;
  }
}
