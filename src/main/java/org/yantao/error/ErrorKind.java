package org.yantao.error;

/** What went wrong, in terms a transport can map: HTTP statuses, WebSocket error messages. */
public enum ErrorKind {
  INVALID(400),
  UNAUTHORIZED(401),
  FORBIDDEN(403),
  NOT_FOUND(404),
  CONFLICT(409),
  TOO_LARGE(413),
  UNAVAILABLE(503);

  private final int httpStatus;

  ErrorKind(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
