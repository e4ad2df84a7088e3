package org.yantao.security;

import org.yantao.error.DomainException;
import org.yantao.workshop.Role;

/** Who is making a request: the organiser (by key) or a participant (by token). */
public record Caller(Role role, String participantId, String workshopId) {
  public static final Caller ORGANISER = new Caller(Role.ORGANISER, null, null);

  public static Caller of(AccessGrant grant) {
    return new Caller(grant.role(), grant.participantId(), grant.workshopId());
  }

  public boolean organiser() {
    return role == Role.ORGANISER;
  }

  /** Organisers see every workshop; everyone else only the one they joined. */
  public void requireWorkshop(String id) {
    if (!organiser() && !id.equals(workshopId)) {
      throw DomainException.forbidden("auth.forbidden");
    }
  }

  public void requireOrganiser() {
    if (!organiser()) {
      throw DomainException.forbidden("auth.forbidden");
    }
  }

  /** Facilitators (of any room of the workshop) and organisers run rooms. */
  public void requireStaff(String id) {
    requireWorkshop(id);
    if (role != Role.ORGANISER && role != Role.FACILITATOR) {
      throw DomainException.forbidden("auth.forbidden");
    }
  }
}
