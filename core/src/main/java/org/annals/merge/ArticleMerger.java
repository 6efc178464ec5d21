package org.annals.merge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.annals.coding.Actor;
import org.jspecify.annotations.Nullable;

/**
 * Groups the mentions of one article that report the same happening: same PLOVER type, same dates,
 * same background status, compatible actors (same sector and country, or one unknown) and
 * compatible places. The storming told in three sentences becomes one group with three pieces of
 * evidence. Deterministic: groups and their members keep document order.
 */
public final class ArticleMerger {

  public List<List<Draft>> group(List<Draft> drafts) {
    List<List<Draft>> groups = new ArrayList<>();
    for (Draft d : drafts) {
      List<Draft> home = null;
      for (List<Draft> g : groups) {
        if (g.stream().allMatch(other -> compatible(d, other))) {
          home = g;
          break;
        }
      }
      if (home == null) {
        home = new ArrayList<>();
        groups.add(home);
      }
      home.add(d);
    }
    groups.sort(Comparator.comparingInt(g -> g.get(0).mention().triggerStart()));
    return groups;
  }

  static boolean compatible(Draft a, Draft b) {
    if (!a.mention().plover().equals(b.mention().plover())) {
      return false;
    }
    if (!VIOLENT.contains(a.mention().plover())) {
      // Two different measures (a curfew and a ban) are two events even on one day.
      if (a.mention().mode() != null
          && b.mention().mode() != null
          && !a.mention().mode().equals(b.mention().mode())) {
        return false;
      }
      if (!cameoRoot(a.mention().cameo()).equals(cameoRoot(b.mention().cameo()))) {
        return false;
      }
    }
    String subA = a.mention().acledSubEvent();
    String subB = b.mention().acledSubEvent();
    if (subA != null
        && subB != null
        && !subA.equals(subB)
        && !anonymous(a)
        && !anonymous(b)
        && !(PROTEST_FAMILY.contains(a.mention().acledEvent())
            && PROTEST_FAMILY.contains(b.mention().acledEvent()))) {
      return false; // a clash and a later air strike are two events
    }
    if (a.date().background() != b.date().background()) {
      return false;
    }
    if (!Objects.equals(a.date().date(), b.date().date())
        || !Objects.equals(a.date().end(), b.date().end())) {
      // "the fighting this year" is the clash on Saturday: an anonymous mention joins an event
      // whose date lies within its own.
      if (!(anonymous(a) && contains(a, b)) && !(anonymous(b) && contains(b, a))) {
        return false;
      }
    }
    if (a.place().location().country() != null
        && b.place().location().country() != null
        && !a.place().location().country().equals(b.place().location().country())) {
      return false;
    }
    if (a.date().date() == null
        && a.date().end() == null
        && a.mention().sentence() != b.mention().sentence()) {
      // Undated mentions merge only within one sentence: nothing else says they are one event.
      return false;
    }
    // Sources must agree; targets are often described differently ("the palace", "its gates").
    return actorsCompatible(a.mention().source(), b.mention().source())
        && namesCompatible(a.mention().target(), b.mention().target());
  }

  private static final java.util.Set<String> PROTEST_FAMILY = java.util.Set.of("Protests", "Riots");
  private static final java.util.Set<String> VIOLENT =
      java.util.Set.of("PROTEST", "ASSAULT", "FIGHT");

  private static String cameoRoot(@Nullable String cameo) {
    return cameo == null ? "" : cameo.substring(0, Math.min(3, cameo.length()));
  }

  private static boolean anonymous(Draft d) {
    return d.mention().source() == null && d.mention().target() == null;
  }

  /** True if {@code outer}'s dates contain {@code inner}'s. */
  private static boolean contains(Draft outer, Draft inner) {
    var o = outer.date();
    var i = inner.date();
    return o.date() != null
        && o.end() != null
        && i.date() != null
        && i.end() != null
        && !i.date().isBefore(o.date())
        && !i.end().isAfter(o.end());
  }

  static boolean namesCompatible(@Nullable Actor x, @Nullable Actor y) {
    return x == null
        || y == null
        || x.name() == null
        || y.name() == null
        || x.name().equalsIgnoreCase(y.name());
  }

  static boolean actorsCompatible(@Nullable Actor x, @Nullable Actor y) {
    if (x == null || y == null) {
      return true;
    }
    if (x.name() != null && y.name() != null && !x.name().equalsIgnoreCase(y.name())) {
      return false;
    }
    if (x.sector() != null && y.sector() != null && !x.sector().equals(y.sector())) {
      return false;
    }
    return x.country() == null || y.country() == null || x.country().equals(y.country());
  }
}
