package org.annals.classify;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.annals.lexicon.Lexicon;
import org.annals.lexicon.Refinement;
import org.annals.lexicon.TriggerEntry;
import org.jspecify.annotations.Nullable;

/**
 * Which codes go together, read off the lexicon: the ACLED sub-events and CAMEO roots that rows of
 * {@code triggers.tsv} and {@code refinements.tsv} give each PLOVER type, and the ACLED event type
 * of each sub-event. A model decision picks codes that some rule could also have given together, so
 * a PLOVER CONSULT never carries an ACLED air strike.
 */
public final class Compat {
  private final Map<String, Set<String>> acledByPlover;
  private final Map<String, Set<String>> cameoByPlover;
  private final Map<String, String> eventBySub;

  private Compat(
      Map<String, Set<String>> acledByPlover,
      Map<String, Set<String>> cameoByPlover,
      Map<String, String> eventBySub) {
    this.acledByPlover = acledByPlover;
    this.cameoByPlover = cameoByPlover;
    this.eventBySub = eventBySub;
  }

  /** The tables of {@code lexicon}. */
  public static Compat of(Lexicon lexicon) {
    Map<String, Set<String>> acled = new TreeMap<>();
    Map<String, Set<String>> cameo = new TreeMap<>();
    Map<String, String> events = new HashMap<>();
    for (TriggerEntry t : lexicon.triggers()) {
      add(acled, t.plover(), t.acledSubEvent());
      add(cameo, t.plover(), root(t.cameo()));
      if (t.acledSubEvent() != null && t.acledEvent() != null) {
        events.putIfAbsent(t.acledSubEvent(), t.acledEvent());
      }
    }
    for (Refinement r : lexicon.refinements()) {
      if (r.plover().equals("*")) {
        continue;
      }
      add(acled, r.plover(), r.acledSubEvent());
      add(cameo, r.plover(), root(r.cameo()));
      if (r.acledSubEvent() != null && r.acledEvent() != null) {
        events.putIfAbsent(r.acledSubEvent(), r.acledEvent());
      }
    }
    return new Compat(freeze(acled), freeze(cameo), Map.copyOf(events));
  }

  private static void add(Map<String, Set<String>> m, String key, @Nullable String value) {
    if (value != null) {
      m.computeIfAbsent(key, k -> new TreeSet<>()).add(value);
    }
  }

  private static Map<String, Set<String>> freeze(Map<String, Set<String>> m) {
    Map<String, Set<String>> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, Collections.unmodifiableSet(v)));
    return Collections.unmodifiableMap(out);
  }

  /** The CAMEO root of a code ("145" → "14", "057" → "05"), or null. */
  public static @Nullable String root(@Nullable String cameo) {
    return cameo == null || cameo.length() < 2 ? null : cameo.substring(0, 2);
  }

  /** ACLED sub-event names (ACLED's spelling) some rule gives PLOVER {@code type}. */
  public Set<String> acledSubEvents(String type) {
    return acledByPlover.getOrDefault(type, Set.of());
  }

  /** Whether PLOVER {@code type} may carry ACLED sub-event {@code sub} (null: none; always). */
  public boolean compatible(String type, @Nullable String sub) {
    return sub == null || acledSubEvents(type).contains(sub);
  }

  /** CAMEO roots some rule gives PLOVER {@code type}. */
  public Set<String> cameoRoots(String type) {
    return cameoByPlover.getOrDefault(type, Set.of());
  }

  /** The ACLED event type of sub-event {@code sub} ("Attack" → "Violence against civilians"). */
  public @Nullable String acledEvent(String sub) {
    return eventBySub.get(sub);
  }

  /** PLOVER types that may carry ACLED sub-event {@code sub}. */
  public Set<String> ploverTypes(String sub) {
    Set<String> out = new TreeSet<>();
    acledByPlover.forEach(
        (type, subs) -> {
          if (subs.contains(sub)) {
            out.add(type);
          }
        });
    return out;
  }
}
