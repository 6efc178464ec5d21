package org.annals.spark;

import java.io.Serializable;
import org.annals.ingest.InputProblem;

/** An input or article that was skipped (or, for {@code bad-date}, warned about), and why. */
record Problem(String origin, String reason, String message) implements Serializable {
  private static final long serialVersionUID = 1L;

  static Problem of(InputProblem p) {
    return new Problem(p.origin(), p.reason(), p.message());
  }

  /** A warning: the article was still read and coded. */
  boolean warning() {
    return reason.equals("bad-date");
  }
}
