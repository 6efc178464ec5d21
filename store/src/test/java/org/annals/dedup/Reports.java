package org.annals.dedup;

import java.time.LocalDate;
import java.util.List;
import org.annals.event.CodedEvent;
import org.annals.event.CodedEvent.Acled;
import org.annals.event.CodedEvent.ActorRef;
import org.annals.event.CodedEvent.Evidence;
import org.annals.event.CodedEvent.Location;
import org.annals.event.CodedEvent.Plover;
import org.jspecify.annotations.Nullable;

/** Builds reports for tests: a riot in a town on a day, with knobs for what a test varies. */
final class Reports {
  static final Location NAIROBI =
      new Location("Nairobi", "KEN", "Nairobi Area", -1.283, 36.817, "city", 184745L);
  static final Location MOMBASA =
      new Location("Mombasa", "KEN", "Mombasa", -4.055, 39.664, "city", 186301L);
  static final Location KENYA = new Location("Kenya", "KEN", null, 0.5, 37.9, "country", null);

  String id = "r1";
  String article = "a1";
  String family = "a1";
  @Nullable String outlet;
  @Nullable LocalDate published = LocalDate.of(2024, 6, 26);
  String type = "PROTEST";
  @Nullable String acledType = "Riots";
  @Nullable String acledSub = "Violent demonstration";
  @Nullable String mode = "riot";
  @Nullable String date = "2024-06-25";
  String precision = "day";
  String basis = "text";
  Location location = NAIROBI;
  String sentence = "Rioters set fire to part of the parliament building.";
  double confidence = 0.6;
  @Nullable ActorRef source = new ActorRef("rioters", null, "KEN", "CVL", null, 0, 7);
  boolean background;

  static Reports riot(String id, String article) {
    Reports r = new Reports();
    r.id = id;
    r.article = article;
    r.family = article;
    return r;
  }

  Reports in(Location l) {
    location = l;
    return this;
  }

  Reports on(@Nullable String day, String precision) {
    this.date = day;
    this.precision = precision;
    return this;
  }

  /** Dated on {@code day} by the publication date (no date in the text). */
  Reports byPublication(String day) {
    this.date = day;
    this.precision = "day";
    this.basis = "publication";
    return this;
  }

  /** Background to its article's news ("once fought", "charged with the murder"). */
  Reports background() {
    this.background = true;
    return this;
  }

  Reports family(String family) {
    this.family = family;
    return this;
  }

  Reports said(String sentence) {
    this.sentence = sentence;
    return this;
  }

  /** Another PLOVER type, with no ACLED type unless {@link #acled} gives one. */
  Reports type(String type, @Nullable String mode) {
    this.type = type;
    this.mode = mode;
    this.acledType = null;
    this.acledSub = null;
    return this;
  }

  Reports acled(String eventType, String subEventType) {
    this.acledType = eventType;
    this.acledSub = subEventType;
    return this;
  }

  Report build() {
    String end =
        "month".equals(precision) && date != null
            ? LocalDate.parse(date).withDayOfMonth(LocalDate.parse(date).lengthOfMonth()).toString()
            : null;
    var event =
        new CodedEvent(
            id,
            article,
            date,
            end,
            precision,
            basis,
            null,
            background,
            new Plover(type, mode, List.of()),
            "145",
            new Acled(acledType, acledSub),
            source,
            null,
            location,
            null,
            confidence,
            List.of(new Evidence(article, sentence, 0, sentence.length(), "set fire", 8, 16, "t")),
            "test");
    return new Report(event, family, outlet, published);
  }
}
