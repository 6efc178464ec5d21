package org.annals.server;

import org.jspecify.annotations.Nullable;

/** A request the API refuses: its status, a sentence that says what is wrong, and a detail. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final transient @Nullable Object detail;

  ApiError(int status, String message, @Nullable Object detail) {
    super(message, null, false, false);
    this.status = status;
    this.detail = detail;
  }

  static ApiError badRequest(String message, @Nullable Object detail) {
    return new ApiError(400, message, detail);
  }
}
