package org.yantao.security;

import java.util.List;
import org.yantao.workshop.Role;

/** A link the organiser hands to a facilitator (or observer), scoped to some rooms. */
public record Invitation(String workshopId, Role role, List<String> roomIds, long createdAt) {
  public Invitation {
    roomIds = List.copyOf(roomIds);
  }
}
