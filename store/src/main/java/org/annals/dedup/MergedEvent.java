package org.annals.dedup;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.annals.event.CodedEvent;
import org.jspecify.annotations.Nullable;

/**
 * One happening: the merged event in the {@code annals code} schema (its {@code evidence} holds
 * every report's sentences), plus how many reports, articles and independent sources back it.
 *
 * @param numSources independent sources: articles are one source when they are near-duplicates of
 *     each other or come from the same outlet
 * @param firstSeen earliest publication date among its articles (ISO), null if none is known
 * @param lastSeen latest publication date among its articles (ISO)
 * @param reportIds ids of the merged reports, sorted
 */
@JsonPropertyOrder({
  "num_reports",
  "num_articles",
  "num_sources",
  "first_seen",
  "last_seen",
  "report_ids"
})
public record MergedEvent(
    @JsonUnwrapped CodedEvent event,
    int numReports,
    int numArticles,
    int numSources,
    @Nullable String firstSeen,
    @Nullable String lastSeen,
    List<String> reportIds) {

  public MergedEvent {
    reportIds = List.copyOf(reportIds);
  }

  public String id() {
    return event.id();
  }
}
