package org.annals.store;

import java.util.Locale;

/** What a recode did so far: articles re-coded, skipped (already current, no text), failed. */
public final class RecodeSummary {
  private final String coder;
  int inRange;
  int current;
  int withoutText;
  int recoded;
  int failed;
  int oldReports;
  int newReports;
  int eventsBefore;
  int eventsAfter;
  private final long startNanos = System.nanoTime();

  RecodeSummary(String coder) {
    this.coder = coder;
  }

  /** The coder the articles were re-coded with. */
  public String coder() {
    return coder;
  }

  /** Stored articles in the run's date range. */
  public int inRange() {
    return inRange;
  }

  /** Articles re-coded by this run. */
  public int recoded() {
    return recoded;
  }

  /** Articles already coded by this coder when the run began (by an earlier, killed run). */
  public int alreadyCurrent() {
    return current;
  }

  /** Articles stored before schema version 3, without their text: their reports stay. */
  public int withoutText() {
    return withoutText;
  }

  /** Articles the coder failed on: their reports stay. */
  public int failed() {
    return failed;
  }

  /** Articles left to re-code when the run began. */
  public int toRecode() {
    return inRange - current - withoutText;
  }

  public int eventsBefore() {
    return eventsBefore;
  }

  public int eventsAfter() {
    return eventsAfter;
  }

  public double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** One progress line. */
  public String progressLine() {
    return String.format(
        Locale.ROOT,
        "%,d of %,d article(s) re-coded, %,d events, %.1f articles/s",
        recoded + failed,
        toRecode(),
        eventsAfter,
        (recoded + failed) / Math.max(seconds(), 1e-9));
  }

  /** The closing summary, several lines. */
  public String report(String db) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "annals: re-coded %,d of %,d stored article(s) in %.1f s with %s%n",
            recoded,
            inRange,
            seconds(),
            coder));
    b.append(
        String.format(
            Locale.ROOT,
            "annals: skipped %,d already coded by this coder, %,d without stored text (stored"
                + " before schema version 3: could not be re-coded, their reports are kept)%s%n",
            current,
            withoutText,
            failed > 0
                ? String.format(
                    Locale.ROOT,
                    "; %,d failed (their reports are kept; run recode again to retry)",
                    failed)
                : ""));
    b.append(
        String.format(
            Locale.ROOT,
            "annals: %,d report(s) replaced by %,d; events %,d before, %,d after in %s%n",
            oldReports,
            newReports,
            eventsBefore,
            eventsAfter,
            db));
    return b.toString();
  }
}
