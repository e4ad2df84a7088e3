package org.yantao.room;

import java.util.Locale;

/** What a facilitator does to a room's timer. */
public enum TimerAction {
  START,
  PAUSE,
  RESUME,
  EXTEND,
  STOP;

  public static TimerAction of(String wireName) {
    return valueOf(wireName.toUpperCase(Locale.ROOT));
  }

  /** Start and extend say by how much; the others need no number. */
  public boolean needsSeconds() {
    return this == START || this == EXTEND;
  }
}
