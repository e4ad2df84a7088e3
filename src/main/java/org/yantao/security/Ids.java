package org.yantao.security;

/**
 * Identifiers for workshops, rooms and participants: a short prefix that says what the id names,
 * then 20 random characters (about 119 bits), so ids can be neither guessed nor enumerated.
 */
public final class Ids {
  private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
  private static final int LENGTH = 20;

  private Ids() {}

  public static String next(String prefix) {
    StringBuilder id = new StringBuilder(prefix.length() + 1 + LENGTH).append(prefix).append('-');
    for (int i = 0; i < LENGTH; i++) {
      id.append(ALPHABET[Secrets.random().nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }
}
