package org.annals.nlp;

import org.jspecify.annotations.Nullable;

/**
 * A temporal expression of one sentence, as TIMEX3 type and value.
 *
 * @param tokenStart first token (inclusive)
 * @param tokenEnd last token (exclusive)
 * @param text the expression as written
 * @param type TIMEX3 type: DATE, TIME, DURATION or SET
 * @param value TIMEX3 value, e.g. {@code 2022-08-29}, {@code 2021-10}, {@code XXXX-WXX-1}, {@code
 *     P1W}, {@code PAST_REF}; null if the annotator gave none
 */
public record TimeMention(
    int tokenStart, int tokenEnd, String text, String type, @Nullable String value) {}
