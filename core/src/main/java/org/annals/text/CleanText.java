package org.annals.text;

import java.util.Objects;

/**
 * Cleaned article text with a map from every cleaned character back to the original text.
 *
 * <p>Spans are end-exclusive. {@link #toOriginalStart} and {@link #toOriginalEnd} map a cleaned
 * span {@code [s, e)} to the original span that produced it, so offsets printed by Annals always
 * point into the text the user gave.
 */
public final class CleanText {
  private final String text;
  private final int[] origStart;
  private final int[] origEnd;
  private final int originalLength;
  private final int droppedLines;

  CleanText(String text, int[] origStart, int[] origEnd, int originalLength, int droppedLines) {
    this.text = Objects.requireNonNull(text);
    if (origStart.length != text.length() || origEnd.length != text.length()) {
      throw new IllegalArgumentException("offset map length does not match the cleaned text");
    }
    this.origStart = origStart;
    this.origEnd = origEnd;
    this.originalLength = originalLength;
    this.droppedLines = droppedLines;
  }

  /** Identity mapping: the text is its own original. */
  public static CleanText identity(String text) {
    int[] s = new int[text.length()];
    int[] e = new int[text.length()];
    for (int i = 0; i < s.length; i++) {
      s[i] = i;
      e[i] = i + 1;
    }
    return new CleanText(text, s, e, text.length(), 0);
  }

  public String text() {
    return text;
  }

  /** How many boilerplate lines were dropped. */
  public int droppedLines() {
    return droppedLines;
  }

  /** Original offset of the character at cleaned offset {@code cleanStart}. */
  public int toOriginalStart(int cleanStart) {
    if (cleanStart >= text.length()) {
      return originalLength;
    }
    return origStart[Math.max(0, cleanStart)];
  }

  /** Original end offset (exclusive) of a cleaned span ending (exclusive) at {@code cleanEnd}. */
  public int toOriginalEnd(int cleanEnd) {
    if (cleanEnd <= 0) {
      return 0;
    }
    return origEnd[Math.min(cleanEnd, text.length()) - 1];
  }
}
