package org.yantao.report;

import java.util.Objects;

/**
 * An idea from a room's board as the report sees it. {@code themeId} is null for an idea posted
 * without a theme; it then counts for its room's theme when the room has exactly one.
 */
public record ReportIdea(String id, String roomId, String themeId, String text, int votes, long createdAt) {
  public ReportIdea {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(text, "text");
  }
}
