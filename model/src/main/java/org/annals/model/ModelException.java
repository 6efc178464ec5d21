package org.annals.model;

import org.annals.EventDataException;

/** A model file that is missing, corrupt or made for another version, or a failed training. */
public final class ModelException extends EventDataException {
  private static final long serialVersionUID = 1L;

  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
