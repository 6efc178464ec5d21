package org.annals.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Publication dates as web pages, feeds and JSON records write them. The date is the one written
 * (the publisher's local date): {@code 2022-08-29T23:30:00-05:00} is 29 August, not 30 August.
 */
final class Dates {
  private static final String MONTH =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(\\d{4})\\b");
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
  private static final Pattern YEAR_MONTH_DAY =
      Pattern.compile("^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");

  private Dates() {}

  /** See {@link ArticleReader#parseDate(String)}. */
  static @Nullable LocalDate parse(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return null;
    }
    Matcher ymd = YEAR_MONTH_DAY.matcher(t);
    if (ymd.find()) {
      return of(ymd.group(1), ymd.group(2), ymd.group(3));
    }
    try {
      return OffsetDateTime.parse(t).toLocalDate();
    } catch (DateTimeParseException e) {
      // next format
    }
    try {
      return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
    } catch (DateTimeParseException e) {
      // next format
    }
    String lower = t.toLowerCase(Locale.ROOT);
    Matcher dmy = DAY_MONTH_YEAR.matcher(lower);
    if (dmy.find()) {
      return of(dmy.group(3), month(dmy.group(2)), dmy.group(1));
    }
    Matcher mdy = MONTH_DAY_YEAR.matcher(lower);
    if (mdy.find()) {
      return of(mdy.group(3), month(mdy.group(1)), mdy.group(2));
    }
    return null;
  }

  private static String month(String name) {
    int i = "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(name.substring(0, 3));
    return Integer.toString(i / 3 + 1);
  }

  private static @Nullable LocalDate of(String year, String month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
