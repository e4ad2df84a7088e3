package org.yantao.store;

/** The database refused or could not be reached; the change it carried was not applied. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
