package org.yantao.workshop;

import java.util.ArrayList;
import java.util.List;

/**
 * A breakout group. {@code submitted} says its facilitator handed its findings in (at
 * {@code submittedAt}, null otherwise); a submitted room is closed, and opening it again withdraws
 * the submission.
 */
public record Room(
    String id,
    String name,
    List<String> themes,
    String question,
    boolean open,
    Integer capacity,
    List<String> facilitators,
    List<String> members,
    long createdAt,
    boolean submitted,
    Long submittedAt) {

  public Room {
    themes = List.copyOf(themes);
    facilitators = List.copyOf(facilitators);
    members = List.copyOf(members);
  }

  /** A room whose findings were never submitted. */
  public Room(String id, String name, List<String> themes, String question, boolean open, Integer capacity,
      List<String> facilitators, List<String> members, long createdAt) {
    this(id, name, themes, question, open, capacity, facilitators, members, createdAt, false, null);
  }

  public boolean full() {
    return capacity != null && members.size() >= capacity;
  }

  Room withMembers(List<String> newMembers) {
    return new Room(id, name, themes, question, open, capacity, facilitators, newMembers, createdAt, submitted, submittedAt);
  }

  Room withFacilitators(List<String> newFacilitators) {
    return new Room(id, name, themes, question, open, capacity, newFacilitators, members, createdAt, submitted, submittedAt);
  }

  /** Submitted and closed at {@code at}. */
  Room submit(long at) {
    return new Room(id, name, themes, question, false, capacity, facilitators, members, createdAt, true, at);
  }

  /** Open again, which withdraws a submission. */
  Room reopened() {
    return new Room(id, name, themes, question, true, capacity, facilitators, members, createdAt, false, null);
  }

  Room without(String participantId) {
    if (!members.contains(participantId)) {
      return this;
    }
    List<String> rest = new ArrayList<>(members);
    rest.remove(participantId);
    return withMembers(rest);
  }
}
