package org.yantao.workshop;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Join codes are read aloud in a hall and typed on laptops: six characters from an alphabet with
 * no look-alikes (no 0/O, 1/I/L), compared without regard to case, spaces or dashes.
 */
public final class JoinCodes {
  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  static final int LENGTH = 6;
  private static final SecureRandom RANDOM = new SecureRandom();

  private JoinCodes() {}

  public static String next() {
    char[] code = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
    }
    return new String(code);
  }

  /** The canonical form of what someone typed, or null when it cannot be a join code. */
  public static String normalise(String typed) {
    if (typed == null) {
      return null;
    }
    String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (code.length() != LENGTH) {
      return null;
    }
    for (int i = 0; i < code.length(); i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return null;
      }
    }
    return code;
  }
}
