package org.yantao.error;

import java.util.List;

/**
 * A request that cannot be carried out, with a stable machine code (documented, used by clients to
 * pick their own wording) and arguments for the server's Chinese and English messages.
 * No stack trace is captured: these are expected outcomes, not bugs.
 */
public class DomainException extends RuntimeException {
  private final ErrorKind kind;
  private final String code;
  private final List<String> args;

  public DomainException(ErrorKind kind, String code, Object... args) {
    super(code, null, false, false);
    this.kind = kind;
    this.code = code;
    this.args = java.util.Arrays.stream(args).map(String::valueOf).toList();
  }

  public ErrorKind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public List<String> args() {
    return args;
  }

  public static DomainException notFound(String code, Object... args) {
    return new DomainException(ErrorKind.NOT_FOUND, code, args);
  }

  public static DomainException forbidden(String code, Object... args) {
    return new DomainException(ErrorKind.FORBIDDEN, code, args);
  }

  public static DomainException conflict(String code, Object... args) {
    return new DomainException(ErrorKind.CONFLICT, code, args);
  }

  public static DomainException invalid(String code, Object... args) {
    return new DomainException(ErrorKind.INVALID, code, args);
  }

  public static DomainException unauthorized(String code, Object... args) {
    return new DomainException(ErrorKind.UNAUTHORIZED, code, args);
  }
}
