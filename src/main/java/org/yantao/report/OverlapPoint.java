package org.yantao.report;

/**
 * A point a room made on a theme: a line of its findings ({@code provenance} {@code <roomId>@<rev>})
 * or one of its ideas ({@code <roomId>@idea:<ideaId>}).
 */
public record OverlapPoint(String roomId, String text, String provenance) {

  boolean isIdea() {
    return Provenance.parse(provenance).orElse(null) instanceof Provenance.IdeaLine;
  }

  /**
   * What identifies the point across regenerations: an idea by its id, a line by its room and
   * normalised text. The revision is left out because it moves with every keystroke in the room.
   */
  String stableKey() {
    return isIdea() ? provenance : roomId + "\n" + Similarity.normalise(text);
  }
}
