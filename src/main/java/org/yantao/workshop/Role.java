package org.yantao.workshop;

/** What a person may do at a workshop. */
public enum Role {
  ORGANISER,
  FACILITATOR,
  PARTICIPANT,
  OBSERVER;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
