package org.yantao.board;

import org.yantao.error.DomainException;
import org.yantao.security.Caller;
import org.yantao.workshop.Role;
import org.yantao.workshop.Room;
import org.yantao.workshop.Theme;
import org.yantao.workshop.Workshop;

/**
 * Who may do what on a room's board. Reading: the room's members and facilitators, any facilitator
 * or observer of the workshop, and organisers. Writing: the same minus observers, and nobody while
 * the room is closed. Changing someone else's idea: staff (facilitators and organisers) only.
 */
public final class BoardAccess {
  /** How the organiser is named on boards (their votes, their ideas); the same id live sessions use. */
  public static final String ORGANISER_ID = "organiser";

  private BoardAccess() {}

  /** The room, if the caller may read its board; a room of another workshop does not exist for them. */
  public static Room readable(Caller caller, Workshop workshop, String roomId) {
    if (!caller.organiser() && !workshop.id().equals(caller.workshopId())) {
      throw DomainException.notFound("room.not_found", roomId);
    }
    Room room = workshop.room(roomId).orElseThrow(() -> DomainException.notFound("room.not_found", roomId));
    boolean allowed = caller.organiser() || caller.role() == Role.FACILITATOR || caller.role() == Role.OBSERVER
        || room.members().contains(caller.participantId()) || room.facilitators().contains(caller.participantId());
    if (!allowed) {
      throw DomainException.forbidden("room.forbidden", roomId);
    }
    return room;
  }

  /** The room, if the caller may add ideas and vote on its board now. */
  public static Room writable(Caller caller, Workshop workshop, String roomId) {
    Room room = readable(caller, workshop, roomId);
    if (caller.role() == Role.OBSERVER) {
      throw DomainException.forbidden("board.read_only", roomId);
    }
    if (!room.open()) {
      throw DomainException.forbidden("room.closed", roomId);
    }
    return room;
  }

  /** Facilitators and organisers change any idea and the board's settings. */
  public static boolean staff(Caller caller) {
    return caller.organiser() || caller.role() == Role.FACILITATOR;
  }

  public static String participantId(Caller caller) {
    return caller.organiser() ? ORGANISER_ID : caller.participantId();
  }

  /** Resolves a theme reference (id or name) to one of the room's themes; null stays null. */
  public static String themeOf(Workshop workshop, Room room, String reference) {
    if (reference == null) {
      return null;
    }
    return workshop.themes().stream()
        .filter(t -> room.themes().contains(t.id()) && t.answersTo(reference))
        .map(Theme::id).findFirst()
        .orElseThrow(() -> DomainException.invalid("idea.theme_unknown", reference));
  }
}
