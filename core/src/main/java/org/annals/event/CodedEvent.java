package org.annals.event;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One event: who did what to whom, where and when, in PLOVER, CAMEO and ACLED, with its evidence.
 * This is the record of {@code annals code} output and of every later store and export. Offsets in
 * {@link Evidence} and {@link ActorRef} point into the article's original text.
 *
 * @param date first day (ISO), null if unknown
 * @param dateEnd last day (ISO)
 * @param datePrecision day, month, year, range or unknown
 * @param dateBasis text, context, publication, unresolved or none (see docs/output.md)
 * @param confidence 0-1, grows with the evidence and how completely the clause was coded
 * @param coder coder and lexicon version
 */
@JsonPropertyOrder({
  "id",
  "article_id",
  "date",
  "date_end",
  "date_precision",
  "date_basis",
  "date_text",
  "background",
  "plover",
  "cameo",
  "acled",
  "source",
  "target",
  "location",
  "fatalities",
  "confidence",
  "evidence",
  "coder"
})
public record CodedEvent(
    String id,
    String articleId,
    @Nullable String date,
    @Nullable String dateEnd,
    String datePrecision,
    String dateBasis,
    @Nullable String dateText,
    boolean background,
    Plover plover,
    @Nullable String cameo,
    Acled acled,
    @Nullable ActorRef source,
    @Nullable ActorRef target,
    Location location,
    @Nullable Integer fatalities,
    double confidence,
    List<Evidence> evidence,
    String coder) {

  public CodedEvent {
    evidence = List.copyOf(evidence);
    if (evidence.isEmpty()) {
      throw new IllegalArgumentException("event " + id + " has no evidence");
    }
  }

  /** PLOVER type, mode and contexts. */
  @JsonPropertyOrder({"type", "mode", "context"})
  public record Plover(String type, @Nullable String mode, List<String> context) {
    public Plover {
      context = List.copyOf(context);
    }
  }

  /** ACLED event type and sub-event type (null for events outside ACLED's scope). */
  @JsonPropertyOrder({"event_type", "sub_event_type"})
  public record Acled(@Nullable String eventType, @Nullable String subEventType) {}

  /** An actor; {@code start}/{@code end} are null when it was inferred rather than written. */
  @JsonPropertyOrder({"text", "name", "country", "sector", "role", "start", "end"})
  public record ActorRef(
      String text,
      @Nullable String name,
      @Nullable String country,
      @Nullable String sector,
      @Nullable String role,
      @Nullable Integer start,
      @Nullable Integer end) {}

  /** Where the event happened, as precisely as the text supports. */
  @JsonPropertyOrder({"name", "country", "admin1", "lat", "lon", "precision", "geonames_id"})
  public record Location(
      @Nullable String name,
      @Nullable String country,
      @Nullable String admin1,
      @Nullable Double lat,
      @Nullable Double lon,
      @Nullable String precision,
      @Nullable Long geonamesId) {

    public static Location unknown() {
      return new Location(null, null, null, null, null, null, null);
    }
  }

  /** One sentence that reports the event, with the rules that coded it. */
  @JsonPropertyOrder({
    "article_id",
    "sentence",
    "start",
    "end",
    "trigger",
    "trigger_start",
    "trigger_end",
    "rule"
  })
  public record Evidence(
      String articleId,
      String sentence,
      int start,
      int end,
      String trigger,
      int triggerStart,
      int triggerEnd,
      String rule) {}
}
