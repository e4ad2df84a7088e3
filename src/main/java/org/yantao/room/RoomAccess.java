package org.yantao.room;

import java.util.List;
import org.yantao.error.DomainException;
import org.yantao.security.Caller;
import org.yantao.workshop.Role;
import org.yantao.workshop.Room;
import org.yantao.workshop.Workshop;

/** Who may watch a room live and who runs it. */
public final class RoomAccess {
  private RoomAccess() {}

  /**
   * Members and facilitators of the room, observers, organisers, and any facilitator of the
   * workshop: a facilitator's console may look into every room of its workshop.
   */
  public static boolean mayJoin(Caller caller, Workshop workshop, Room room) {
    if (caller.organiser()) {
      return true;
    }
    if (!workshop.id().equals(caller.workshopId())) {
      return false;
    }
    return caller.role() == Role.OBSERVER || caller.role() == Role.FACILITATOR
        || room.members().contains(caller.participantId()) || room.facilitators().contains(caller.participantId());
  }

  /** Organisers run every room; a facilitator the rooms they facilitate. */
  public static boolean runs(Caller caller, Workshop workshop, Room room) {
    return caller.organiser()
        || workshop.id().equals(caller.workshopId()) && room.facilitators().contains(caller.participantId());
  }

  public static void requireRuns(Caller caller, Workshop workshop, Room room) {
    if (!runs(caller, workshop, room)) {
      throw DomainException.forbidden("room.not_run", room.name());
    }
  }

  /** The rooms a timer or broadcast for "all rooms" reaches; refused when the caller runs none. */
  public static List<Room> runBy(Caller caller, Workshop workshop) {
    List<Room> rooms = workshop.rooms().stream().filter(r -> runs(caller, workshop, r)).toList();
    if (rooms.isEmpty()) {
      throw DomainException.forbidden("room.none_run");
    }
    return rooms;
  }
}
