package org.annals.output;

import org.annals.EventDataException;

/** An output that could not be written (disk full, a closed pipe): the run fails loudly. */
public final class OutputException extends EventDataException {
  private static final long serialVersionUID = 1L;

  public OutputException(String message) {
    super(message);
  }

  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Throws if {@code out} failed to write (a {@link java.io.PrintStream} hides the error until
   * asked); {@code what} names the output, e.g. "standard output".
   */
  public static void check(java.io.PrintStream out, String what) {
    if (out.checkError()) {
      throw new OutputException(
          "could not write to "
              + what
              + " (is the disk full, or did the reading program stop?); the output is incomplete");
    }
  }
}
