package org.yantao.text;

/** A well-formed delta that cannot be applied to a document; {@link #code()} is machine readable. */
public final class DeltaRejectedException extends RuntimeException {

  private final String code;

  public DeltaRejectedException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
