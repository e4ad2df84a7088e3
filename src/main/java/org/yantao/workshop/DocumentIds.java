package org.yantao.workshop;

import java.util.Optional;

/**
 * Names of co-edited documents. The name says whose document it is, so access can be checked
 * from the name and the workshop alone: {@code findings.<workshopId>.<roomId>}.
 */
public final class DocumentIds {
  private static final String FINDINGS = "findings";

  private DocumentIds() {}

  public record DocumentRef(String workshopId, String roomId) {}

  public static String findings(String workshopId, String roomId) {
    return FINDINGS + "." + workshopId + "." + roomId;
  }

  public static Optional<DocumentRef> parse(String docId) {
    if (docId == null) {
      return Optional.empty();
    }
    String[] parts = docId.split("\\.", -1);
    if (parts.length != 3 || !parts[0].equals(FINDINGS) || parts[1].isEmpty() || parts[2].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DocumentRef(parts[1], parts[2]));
  }
}
