package org.annals;

/** Base of Annals' unchecked exceptions; messages name the bad input and say what to do next. */
public class EventDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EventDataException(String message) {
    super(message);
  }

  public EventDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
