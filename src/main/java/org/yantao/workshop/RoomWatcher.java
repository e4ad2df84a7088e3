package org.yantao.workshop;

import io.vertx.core.Future;
import java.util.Collection;

/** What else happens when a room is edited or people are seated: the live side of a room (see the room package). */
public interface RoomWatcher {
  /** Called after a room was edited and before the edit is answered. */
  Future<Void> roomChanged(Workshop workshop, Room room);

  /** Called after participants were put in a room (or moved). */
  void assigned(Workshop workshop, Collection<String> participantIds);
}
