package org.yantao.report;

import java.util.Objects;
import org.yantao.text.Delta;

/** A room's findings document as of one revision. */
public record RoomFindings(String roomId, Delta content, long revision) {
  public RoomFindings {
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(content, "content");
  }
}
