package org.yantao.workshop;

import java.util.Map;
import org.yantao.text.Delta;

/** A new findings document: one heading per theme of the room, each followed by an empty line. */
public final class FindingsTemplate {
  private FindingsTemplate() {}

  public static Delta of(Workshop workshop, Room room) {
    Delta.Builder doc = Delta.builder();
    for (Theme theme : workshop.themes()) {
      if (room.themes().contains(theme.id())) {
        doc.insert(theme.name()).insert("\n", Map.of("header", 2)).insert("\n");
      }
    }
    return room.themes().isEmpty() ? Delta.insert("\n") : doc.build();
  }
}
