package org.yantao.report;

import java.util.List;
import org.yantao.text.Delta;

/**
 * What undoing an accepted overlap group needs, whatever happened to the report since: the
 * annotation appended to the kept point (found again by its {@link ReportAttributes#OVERLAP}
 * attribute) and each removed line with the line it followed.
 */
public record AcceptedMerge(String groupId, String themeId, String annotation, List<RemovedLine> removed) {

  public AcceptedMerge {
    removed = List.copyOf(removed);
  }

  /**
   * A line the merge removed, whole (text, formatting, provenance), and the line it came after:
   * that line's provenance attribute (null if it had none) and normalised text.
   */
  public record RemovedLine(Delta line, String anchorProvenance, String anchorText) {}
}
