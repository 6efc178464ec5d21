package org.annals.lexicon;

import org.annals.EventDataException;

/** A lexicon file is missing or malformed; the message names the file and line. */
public final class LexiconException extends EventDataException {
  private static final long serialVersionUID = 1L;

  public LexiconException(String message) {
    super(message);
  }
}
