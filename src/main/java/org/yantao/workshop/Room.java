package org.yantao.workshop;

import java.util.ArrayList;
import java.util.List;

/** A breakout group. */
public record Room(
    String id,
    String name,
    List<String> themes,
    String question,
    boolean open,
    Integer capacity,
    List<String> facilitators,
    List<String> members,
    long createdAt) {

  public Room {
    themes = List.copyOf(themes);
    facilitators = List.copyOf(facilitators);
    members = List.copyOf(members);
  }

  public boolean full() {
    return capacity != null && members.size() >= capacity;
  }

  Room withMembers(List<String> newMembers) {
    return new Room(id, name, themes, question, open, capacity, facilitators, newMembers, createdAt);
  }

  Room withFacilitators(List<String> newFacilitators) {
    return new Room(id, name, themes, question, open, capacity, newFacilitators, members, createdAt);
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
