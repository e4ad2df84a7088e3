package org.yantao.report.export;

import java.util.Objects;

/** One idea as a row of {@code ideas.csv} and {@code ideas.xlsx}; author is null when anonymous. */
public record IdeaExportRow(
    String room, String theme, String text, String author, String organisation, int votes, long createdAt) {

  public IdeaExportRow {
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(text, "text");
  }
}
