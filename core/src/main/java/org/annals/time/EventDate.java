package org.annals.time;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * When an event happened, as far as the text says.
 *
 * @param date first day (null if unknown, or if a range has an open start)
 * @param end last day (same as {@code date} for day precision)
 * @param precision {@code day}, {@code month}, {@code year}, {@code range} or {@code unknown}
 * @param basis {@code text} (a date expression in the event's sentence), {@code context} (from a
 *     nearby sentence of the article), {@code publication} (no date in the text: the publication
 *     date), {@code unresolved} (a relative date such as "Monday" with no publication date to
 *     resolve it), or {@code none}
 * @param background true for history and background, not the news of the day
 * @param text the date expression that was used, if any
 * @param rule how the date was chosen
 */
public record EventDate(
    @Nullable LocalDate date,
    @Nullable LocalDate end,
    String precision,
    String basis,
    boolean background,
    @Nullable String text,
    String rule) {

  public static EventDate unknown(
      String basis, boolean background, @Nullable String text, String rule) {
    return new EventDate(null, null, "unknown", basis, background, text, rule);
  }
}
