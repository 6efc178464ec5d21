package org.annals.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Parses TIMEX3 values (as SUTime writes them) into a first day, last day and precision. */
public final class Timex {
  private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(T.*)?");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})(-WE)?");
  private static final Pattern SEASON = Pattern.compile("(\\d{4})-(SP|SU|FA|WI)");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern DECADE = Pattern.compile("(\\d{3})X");
  private static final Pattern DURATION = Pattern.compile("P(\\d+|X)(D|W|M|Y|DE|CE)");

  private Timex() {}

  /** A resolved period; {@code start} may be null for open ranges. */
  public record Period(@Nullable LocalDate start, LocalDate end, String precision) {}

  /** The period a DATE/TIME value denotes, or null if it is relative or not a date. */
  public static @Nullable Period parse(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      Matcher m = DAY.matcher(value);
      if (m.matches()) {
        LocalDate d = LocalDate.of(i(m, 1), i(m, 2), i(m, 3));
        return new Period(d, d, "day");
      }
      m = MONTH.matcher(value);
      if (m.matches()) {
        YearMonth ym = YearMonth.of(i(m, 1), i(m, 2));
        return new Period(ym.atDay(1), ym.atEndOfMonth(), "month");
      }
      m = YEAR.matcher(value);
      if (m.matches()) {
        int y = i(m, 1);
        return new Period(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), "year");
      }
      m = WEEK.matcher(value);
      if (m.matches()) {
        LocalDate monday =
            LocalDate.of(i(m, 1), 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, i(m, 2))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (m.group(3) != null) {
          return new Period(monday.plusDays(5), monday.plusDays(6), "range");
        }
        return new Period(monday, monday.plusDays(6), "range");
      }
      m = QUARTER.matcher(value);
      if (m.matches()) {
        int q = i(m, 2);
        LocalDate start = LocalDate.of(i(m, 1), (q - 1) * 3 + 1, 1);
        return new Period(start, start.plusMonths(3).minusDays(1), "range");
      }
      m = SEASON.matcher(value);
      if (m.matches()) {
        int y = i(m, 1);
        return switch (m.group(2)) {
          case "SP" -> new Period(LocalDate.of(y, 3, 1), LocalDate.of(y, 5, 31), "range");
          case "SU" -> new Period(LocalDate.of(y, 6, 1), LocalDate.of(y, 8, 31), "range");
          case "FA" -> new Period(LocalDate.of(y, 9, 1), LocalDate.of(y, 11, 30), "range");
          default -> new Period(LocalDate.of(y, 12, 1), LocalDate.of(y + 1, 2, 28), "range");
        };
      }
      m = DECADE.matcher(value);
      if (m.matches()) {
        int y = i(m, 1) * 10;
        return new Period(LocalDate.of(y, 1, 1), LocalDate.of(y + 9, 12, 31), "range");
      }
    } catch (java.time.DateTimeException e) {
      return null;
    }
    return null;
  }

  /** True for values that still contain unknown parts ("XXXX-WXX-1", "XXXX-07-30"). */
  public static boolean isUnresolved(@Nullable String value) {
    return value != null
        && value.contains("X")
        && !DECADE.matcher(value).matches()
        && !value.startsWith("P");
  }

  /** A duration's start before {@code end} ("P3W" → three weeks earlier), or null if vague. */
  public static @Nullable LocalDate durationStart(@Nullable String value, LocalDate end) {
    if (value == null) {
      return null;
    }
    Matcher m = DURATION.matcher(value);
    if (!m.matches() || m.group(1).equals("X")) {
      return null;
    }
    int n = Integer.parseInt(m.group(1));
    return switch (m.group(2)) {
      case "D" -> end.minusDays(n);
      case "W" -> end.minusWeeks(n);
      case "M" -> end.minusMonths(n);
      case "Y" -> end.minusYears(n);
      case "DE" -> end.minusYears(10L * n);
      default -> end.minusYears(100L * n);
    };
  }

  private static int i(Matcher m, int g) {
    return Integer.parseInt(m.group(g));
  }
}
