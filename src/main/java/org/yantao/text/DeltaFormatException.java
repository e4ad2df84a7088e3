package org.yantao.text;

/** A delta in JSON form that is not well formed; {@link #code()} is machine readable. */
public final class DeltaFormatException extends RuntimeException {

  private final String code;

  public DeltaFormatException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
