package org.annals.event;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.annals.event.CodedEvent.Location;

/**
 * One place mention as {@code annals places} prints it: the mention, then the place's fields (those
 * of an event's {@code location}, flattened). Offsets point into the original article text.
 * Unresolved mentions (seen by the entity tagger, unknown to the gazetteer) have a place with null
 * fields.
 *
 * @param use {@code place}, {@code actor} ("Washington said") or {@code demonym} ("Iraqi")
 * @param rule how the mention was found and resolved
 */
@JsonPropertyOrder({"article_id", "text", "start", "end", "use"})
public record PlaceMention(
    String articleId,
    String text,
    int start,
    int end,
    String use,
    @JsonUnwrapped Location place,
    String rule) {}
