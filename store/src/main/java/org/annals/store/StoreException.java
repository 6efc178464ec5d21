package org.annals.store;

import org.annals.EventDataException;

/** The store cannot be opened, read or written; the message says which file and what to do. */
public final class StoreException extends EventDataException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
