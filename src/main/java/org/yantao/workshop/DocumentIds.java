package org.yantao.workshop;

import java.util.Optional;

/**
 * Names of co-edited documents. The name says whose document it is, so access can be checked
 * from the name and the workshop alone: {@code findings.<workshopId>.<roomId>} for a room's
 * findings, {@code report.<workshopId>} for the workshop's consolidated report.
 */
public final class DocumentIds {
  private static final String FINDINGS = "findings";
  private static final String REPORT = "report";

  private DocumentIds() {}

  /** A document's owner: a room's findings, or (with a null {@code roomId}) the workshop's report. */
  public record DocumentRef(String workshopId, String roomId) {
    public boolean report() {
      return roomId == null;
    }
  }

  public static String findings(String workshopId, String roomId) {
    return FINDINGS + "." + workshopId + "." + roomId;
  }

  public static String report(String workshopId) {
    return REPORT + "." + workshopId;
  }

  public static Optional<DocumentRef> parse(String docId) {
    if (docId == null) {
      return Optional.empty();
    }
    String[] parts = docId.split("\\.", -1);
    if (parts.length == 2 && parts[0].equals(REPORT) && !parts[1].isEmpty()) {
      return Optional.of(new DocumentRef(parts[1], null));
    }
    if (parts.length != 3 || !parts[0].equals(FINDINGS) || parts[1].isEmpty() || parts[2].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DocumentRef(parts[1], parts[2]));
  }
}
