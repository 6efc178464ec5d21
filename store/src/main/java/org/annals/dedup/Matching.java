package org.annals.dedup;

import java.util.Objects;
import java.util.Set;
import org.annals.event.CodedEvent;
import org.annals.event.CodedEvent.ActorRef;
import org.annals.event.CodedEvent.Evidence;
import org.annals.event.CodedEvent.Location;
import org.annals.place.GeoPlace;
import org.jspecify.annotations.Nullable;

/**
 * When two reports from different articles tell of the same happening. Link strengths, strongest
 * first: near-duplicate copies with a shared evidence sentence (4), near-duplicate copies that
 * agree on dates and background (3), two precise reports (a day, a site or town) of compatible
 * events close in place and time (2), two reports of one day that agree exactly on a vaguer place
 * (1; the day-after slack of {@link #datesNear} is for precise reports only). A report placed only
 * in a region or country never links two precise ones; it attaches to one event afterwards ({@link
 * #contains}). Reports dated only to a month or a year merge only with their own copies. Undated
 * reports (no date in the text, no publication date) link when their evidence names someone in
 * common ({@link Names}) and their places may be one (1); an undated report of a region or country
 * attaches to one undated town's event ({@link #containsUndated}).
 */
final class Matching {
  /** Two precise places this far apart (km, each side's radius) may be one happening. */
  static final double SITE_RADIUS_KM = 5;

  static final double CITY_RADIUS_KM = 20;

  /** A range of at most this many days is as good as a day for merging. */
  static final int MAX_RANGE_DAYS = 6;

  private static final Set<String> VIOLENT = Set.of("PROTEST", "ASSAULT", "FIGHT");
  private static final Set<String> PROTEST_FAMILY = Set.of("Protests", "Riots");
  private static final Set<String> STATE = Set.of("GOV", "MIL", "COP", "JUD", "LEG", "SPY");
  private static final Set<String> ARMED = Set.of("REB", "SEP", "CRM");

  private Matching() {}

  static int link(Report a, Report b) {
    CodedEvent x = a.event();
    CodedEvent y = b.event();
    if (!compatible(x, y)) {
      return 0;
    }
    if (a.family().equals(b.family())) {
      // Copies tell a shared sentence's happening alike, even where a moved paragraph changed
      // the date it inherits from its context.
      if (shareSentence(x, y)) {
        return 4;
      }
      return x.background() == y.background() && sameDates(x, y) ? 3 : 0;
    }
    if (x.date() == null && y.date() == null) {
      // A town's report and a country's attach afterwards ({@link #containsUndated}), so that
      // the country's report never joins two towns' happenings.
      return undatedLinkable(x)
              && undatedLinkable(y)
              && precisePlace(x.location()) == precisePlace(y.location())
              && undatedNamed(x, y)
          ? 1
          : 0;
    }
    boolean fineA = fine(x);
    if (fineA != fine(y)) {
      return 0;
    }
    if ((range(x) || range(y)) && !sameDates(x, y)) {
      // A few days ("last week") link only to the same few days: ranges that merely overlap
      // would chain, day after day, every report of a kind in a country into one cluster.
      return 0;
    }
    if (fineA) {
      return datesNear(x, y) && near(x.location(), y.location()) ? 2 : 0;
    }
    // Vague reports need the same day, for the same reason: no day-after slack.
    return dayLevel(x) && dayLevel(y) && sameDates(x, y) && nested(x.location(), y.location())
        ? 1
        : 0;
  }

  /**
   * True if the dates overlap, or if one side is dated from the text and the other only by an
   * estimate (the publication date, or a date carried over from another sentence) one day later: a
   * story published the day after tells of the day before. Two estimates need to overlap, so
   * estimates a day apart never chain reports across days.
   */
  static boolean datesNear(CodedEvent x, CodedEvent y) {
    if (datesOverlap(x, y)) {
      return true;
    }
    if (estimated(x) == estimated(y)) {
      return false;
    }
    CodedEvent text = estimated(x) ? y : x;
    CodedEvent estimate = estimated(x) ? x : y;
    return java.time.LocalDate.parse(end(text)).plusDays(1).toString().equals(estimate.date());
  }

  private static boolean estimated(CodedEvent e) {
    return "publication".equals(e.dateBasis()) || "context".equals(e.dateBasis());
  }

  /**
   * Two vague places that may be one: the same place, or one inside the other (a region and its
   * country, a town and its region).
   */
  static boolean nested(Location a, Location b) {
    if (samePlace(a, b)) {
      return true;
    }
    if (a.country() == null || !a.country().equals(b.country())) {
      return false;
    }
    if ("country".equals(a.precision()) || "country".equals(b.precision())) {
      return true;
    }
    return a.admin1() != null && a.admin1().equals(b.admin1());
  }

  /**
   * An undated report that may link to other articles' undated reports by names: not background.
   * Background ("the militia once fought", "charged with the murder": acts before the news, on a
   * day the text does not give) is undated even in a dated article, and names alone would chain
   * every such mention of one person in a country, across the years, into one event.
   */
  public static boolean undatedLinkable(CodedEvent e) {
    return e.date() == null && !e.background();
  }

  /**
   * Two undated reports (no date in the text, no publication date) can only be told apart by who
   * and where: one happening if their places may be one ({@link #placesCompatible}) and their
   * evidence names the same person or organisation (a capitalised name that is not a place's).
   */
  static boolean undatedNamed(CodedEvent x, CodedEvent y) {
    if (!placesCompatible(x.location(), y.location())) {
      return false;
    }
    return Names.shared(x, y, x.location(), y.location());
  }

  /**
   * True if the undated report {@code coarse}, placed only in a region or country, could be telling
   * of the undated report {@code precise} at a town or site inside it: they name someone in common
   * ({@link #undatedNamed}).
   */
  static boolean containsUndated(CodedEvent coarse, CodedEvent precise) {
    return undatedLinkable(coarse)
        && undatedLinkable(precise)
        && !precisePlace(coarse.location())
        && precisePlace(precise.location())
        && compatible(coarse, precise)
        && undatedNamed(coarse, precise);
  }

  /**
   * Two places of one country that may be one happening's: two towns or sites within reach, or one
   * inside the other (a town and its region, anything and the country). Two towns, or two regions,
   * that differ are two places.
   */
  static boolean placesCompatible(Location a, Location b) {
    if (a.country() == null || !a.country().equals(b.country())) {
      return false;
    }
    if (precisePlace(a) && precisePlace(b)) {
      return near(a, b);
    }
    if ("country".equals(a.precision()) || "country".equals(b.precision())) {
      return true;
    }
    return a.admin1() != null && a.admin1().equals(b.admin1());
  }

  /** Placed at a site or a town. */
  static boolean precisePlace(Location l) {
    return "site".equals(l.precision()) || "city".equals(l.precision());
  }

  /** Dated to a few days rather than one. */
  private static boolean range(CodedEvent e) {
    return !"day".equals(e.datePrecision());
  }

  /** A precise report: dated to the day (or a few days) and placed at a site or town. */
  static boolean fine(CodedEvent e) {
    return dayLevel(e) && precisePlace(e.location());
  }

  /**
   * Dated to a day, or a range of at most a week. Reports dated only to a month or a year ("the
   * protests in 2019") never merge across articles: nothing says which happening they mean.
   */
  static boolean dayLevel(CodedEvent e) {
    if (e.date() == null) {
      return false;
    }
    if ("day".equals(e.datePrecision())) {
      return true;
    }
    return "range".equals(e.datePrecision())
        && e.dateEnd() != null
        && java.time.LocalDate.parse(e.date())
                .plusDays(MAX_RANGE_DAYS)
                .compareTo(java.time.LocalDate.parse(e.dateEnd()))
            >= 0;
  }

  /**
   * True if the vague report {@code coarse} (a day, but only a region or country) could be telling
   * of the precise one. A vague range of days contains nothing: two overlapping ranges would chain
   * through the reports they both contain.
   */
  static boolean contains(CodedEvent coarse, CodedEvent precise) {
    if (!"day".equals(coarse.datePrecision())
        || coarse.date() == null
        || !compatible(coarse, precise)) {
      return false;
    }
    if (precise.date() == null
        || precise.date().compareTo(coarse.date()) < 0
        || end(precise).compareTo(end(coarse)) > 0) {
      return false;
    }
    Location c = coarse.location();
    Location p = precise.location();
    if (!Objects.equals(c.country(), p.country())) {
      return false; // a place contains only places of its own country
    }
    if (c.precision() == null) {
      return c.country() == null;
    }
    return switch (c.precision()) {
      case "continent", "country" -> true;
      case "region" -> Objects.equals(c.admin1(), p.admin1());
      default -> near(c, p);
    };
  }

  /**
   * Compatible types ({@link #typesCompatible}), sources and targets ({@link #actorsCompatible}).
   */
  static boolean compatible(CodedEvent x, CodedEvent y) {
    return typesCompatible(x, y)
        && actorsCompatible(x.source(), y.source())
        && actorsCompatible(x.target(), y.target());
  }

  /**
   * Same PLOVER type with ACLED sub-events that agree or refine each other, or the same ACLED
   * sub-event ("rioted" coded PROTEST and "torched cars" coded ASSAULT are both a violent
   * demonstration).
   */
  static boolean typesCompatible(CodedEvent x, CodedEvent y) {
    String subX = x.acled().subEventType();
    String subY = y.acled().subEventType();
    if (!x.plover().type().equals(y.plover().type())) {
      return subX != null && subX.equals(subY);
    }
    String modeX = x.plover().mode();
    String modeY = y.plover().mode();
    if (!VIOLENT.contains(x.plover().type())
        && modeX != null
        && modeY != null
        && !modeX.equals(modeY)) {
      return false; // a curfew and a ban are two measures
    }
    return subX == null
        || subY == null
        || subX.equals(subY)
        || (PROTEST_FAMILY.contains(x.acled().eventType())
            && PROTEST_FAMILY.contains(y.acled().eventType()));
  }

  static boolean actorsCompatible(@Nullable ActorRef x, @Nullable ActorRef y) {
    if (x == null || y == null) {
      return true;
    }
    if (x.name() != null
        && y.name() != null
        && !x.name().equalsIgnoreCase(y.name())
        && (x.sector() == null || y.sector() == null)) {
      return false; // two different named actors of unknown sides; with sectors, the sides decide
    }
    if (x.country() != null && y.country() != null && !x.country().equals(y.country())) {
      return false;
    }
    return x.sector() == null || y.sector() == null || group(x.sector()).equals(group(y.sector()));
  }

  /** Sectors differ often between reports ("protesters", "opposition supporters"); sides do not. */
  private static String group(String sector) {
    return STATE.contains(sector) ? "state" : ARMED.contains(sector) ? "armed" : "civil";
  }

  static boolean sameDates(CodedEvent x, CodedEvent y) {
    return Objects.equals(x.date(), y.date()) && Objects.equals(x.dateEnd(), y.dateEnd());
  }

  static boolean datesOverlap(CodedEvent x, CodedEvent y) {
    return x.date() != null
        && y.date() != null
        && x.date().compareTo(end(y)) <= 0
        && y.date().compareTo(end(x)) <= 0;
  }

  static String end(CodedEvent e) {
    return e.dateEnd() != null ? e.dateEnd() : Objects.requireNonNull(e.date());
  }

  /**
   * Two placed reports within each side's radius of each other, in one country or across a border
   * (a town and its neighbour on the other side of a frontier may be one happening's site).
   */
  static boolean near(Location a, Location b) {
    if (a.lat() == null || a.lon() == null || b.lat() == null || b.lon() == null) {
      return false;
    }
    return GeoPlace.km(a.lat(), a.lon(), b.lat(), b.lon()) <= radius(a) + radius(b);
  }

  private static double radius(Location l) {
    return "site".equals(l.precision()) ? SITE_RADIUS_KM : CITY_RADIUS_KM;
  }

  static boolean samePlace(Location a, Location b) {
    return Objects.equals(a.country(), b.country())
        && Objects.equals(a.precision(), b.precision())
        && Objects.equals(a.admin1(), b.admin1())
        && Objects.equals(a.name(), b.name());
  }

  private static boolean shareSentence(CodedEvent x, CodedEvent y) {
    for (Evidence a : x.evidence()) {
      for (Evidence b : y.evidence()) {
        if (a.sentence().equals(b.sentence())) {
          return true;
        }
      }
    }
    return false;
  }
}
