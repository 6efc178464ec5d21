package org.annals.ingest;

import java.util.Objects;

/**
 * Why one input (a file, a JSON Lines record) was skipped, and what to do about it.
 *
 * @param origin the input, e.g. {@code articles.jsonl:12}, {@code story.txt}, {@code feed.rss#3} or
 *     {@code crawl.warc.gz#1234} (the record's byte offset)
 * @param reason a short machine-friendly reason ({@code empty}, {@code binary}, {@code not-utf8},
 *     {@code too-large}, {@code not-english}, {@code bad-json}, {@code missing-field}, {@code
 *     bad-date}, {@code not-a-feed}, {@code bad-record}, {@code corrupt}, {@code unreadable},
 *     {@code failed})
 * @param message one human line naming the input and the fix
 */
public record InputProblem(String origin, String reason, String message) {
  public InputProblem {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /** The line printed to standard error. */
  @Override
  public String toString() {
    return origin + ": skipped (" + reason + "): " + message;
  }
}
