package org.annals.ingest;

import java.util.Objects;

/**
 * Why one input (a file, a JSON Lines record) was skipped, and what to do about it.
 *
 * @param origin the input, e.g. {@code articles.jsonl:12}, {@code story.txt}, {@code feed.rss#3} or
 *     {@code crawl.warc.gz#1234} (the record's byte offset)
 * @param reason a short machine-friendly reason ({@code empty}, {@code binary}, {@code not-utf8},
 *     {@code too-large}, {@code not-english}, {@code bad-json}, {@code missing-field}, {@code
 *     bad-field}, {@code bad-date}, {@code not-a-feed}, {@code bad-record}, {@code corrupt}, {@code
 *     unreadable}, {@code failed})
 * @param message one human line naming the input and the fix
 */
public record InputProblem(String origin, String reason, String message) {
  public InputProblem {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The line printed to standard error; control characters in file names and quoted input are
   * escaped ({@code \x1b}), so a hostile file name cannot drive the terminal.
   */
  @Override
  public String toString() {
    return escape(origin + ": skipped (" + reason + "): " + message);
  }

  /** {@code s} with C0 and C1 control characters (line breaks too) written as {@code \xNN}. */
  public static String escape(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
      if (control && b == null) {
        b = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (b != null) {
        if (control) {
          b.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? s : b.toString();
  }
}
