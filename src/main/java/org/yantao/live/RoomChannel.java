package org.yantao.live;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.yantao.error.DomainException;
import org.yantao.room.RoomEvents;
import org.yantao.room.RoomFrames;
import org.yantao.room.RoomService;
import org.yantao.security.Caller;

/**
 * The rooms one connection has joined (docs/protocol.md, "Rooms"): presence while joined, the
 * room's pushes, and the hand messages. Runs on its session's event loop.
 */
final class RoomChannel {
  private final RoomHub hub;
  private final RoomService rooms;
  private final String connectionId;
  private final Consumer<String> send;
  private final BiConsumer<Throwable, String> fail;
  private final Map<String, Joined> joined = new HashMap<>();
  private Caller caller;
  private Identity identity;

  RoomChannel(RoomHub hub, String connectionId, Consumer<String> send, BiConsumer<Throwable, String> fail) {
    this.hub = hub;
    this.rooms = hub.rooms();
    this.connectionId = connectionId;
    this.send = send;
    this.fail = fail;
  }

  /** A (new) identity on the connection: it leaves every room it was in as someone else. */
  void identify(Caller who, Identity id) {
    close();
    caller = who;
    identity = id;
    hub.identified(id.id(), this);
  }

  /** A push to a room: its frame and, for a versioned value, which one and its version. */
  record Push(String frame, RoomEvents.Kind kind, long version) {}

  /**
   * Pushes that arrive while the state is being read are held back and sent after it, unless the
   * state already shows a newer version of their value: pushes from different nodes can overtake
   * each other, and an older one would show, say, someone as gone who has just arrived.
   */
  void join(String roomId, String workshopHint, String ref) {
    String workshopId = workshopHint != null ? workshopHint : caller.workshopId();
    if (workshopId == null) {
      throw DomainException.invalid("message.invalid", "\"workshop\" is required for the organiser");
    }
    Joined previous = joined.remove(roomId);
    if (previous != null) {
      hub.leave(previous.workshopId, roomId, this);
    }
    Joined room = new Joined(workshopId, roomId);
    room.arrived = previous != null && previous.arrived;
    joined.put(roomId, room);
    rooms.joinable(caller, workshopId, roomId)
        .compose(w -> hub.join(workshopId, roomId, this))
        .compose(subscribed -> rooms.arrive(workshopId, roomId, connectionId, identity))
        .compose(present -> {
          room.arrived = true;
          if (!current(room)) {
            return rooms.leave(workshopId, roomId, connectionId).<String>mapEmpty();
          }
          return rooms.joinable(caller, workshopId, roomId).compose(w -> rooms.live(workshopId, roomId)
              .map(live -> {
                room.shown(RoomEvents.Kind.PRESENCE, present.version());
                for (RoomEvents.Kind kind : List.of(RoomEvents.Kind.TIMER, RoomEvents.Kind.HANDS, RoomEvents.Kind.BROADCAST)) {
                  room.shown(kind, live.version());
                }
                return RoomFrames.state(w, w.requireRoom(roomId), present.present(), live, rooms.now());
              }));
        })
        .onSuccess(state -> {
          if (current(room)) {
            send.accept(state);
            room.live = true;
            room.held.forEach(push -> deliver(room, push));
            room.held.clear();
          }
        })
        .onFailure(e -> {
          if (current(room)) {
            drop(room);
          }
          fail.accept(e, ref);
        });
  }

  void leave(String roomId) {
    Joined room = joined.get(roomId);
    if (room == null) {
      throw DomainException.invalid("room.not_joined", roomId);
    }
    drop(room);
  }

  void raiseHand(String roomId, String ref) {
    Joined room = requireJoined(roomId);
    rooms.raiseHand(identity, room.workshopId, roomId).onFailure(e -> fail.accept(e, ref));
  }

  void lowerHand(String roomId, String participantId, String ref) {
    Joined room = requireJoined(roomId);
    rooms.lowerHand(caller, identity, room.workshopId, roomId, participantId).onFailure(e -> fail.accept(e, ref));
  }

  /** The connection closed (or changes identity): it is no longer present anywhere. */
  void close() {
    new ArrayList<>(joined.values()).forEach(this::drop);
    if (identity != null) {
      hub.forget(identity.id(), this);
    }
  }

  void onRoom(String roomId, Push push) {
    Joined room = joined.get(roomId);
    if (room == null) {
      return;
    }
    if (room.live) {
      deliver(room, push);
    } else {
      room.held.add(push);
    }
  }

  private void deliver(Joined room, Push push) {
    if (push.kind() == null || room.shown(push.kind(), push.version())) {
      send.accept(push.frame());
    }
  }

  void onPersonal(String frame) {
    send.accept(frame);
  }

  private Joined requireJoined(String roomId) {
    Joined room = joined.get(roomId);
    if (room == null || !room.live) {
      throw DomainException.invalid("room.not_joined", roomId);
    }
    return room;
  }

  private boolean current(Joined room) {
    return joined.get(room.roomId) == room;
  }

  private void drop(Joined room) {
    joined.remove(room.roomId);
    hub.leave(room.workshopId, room.roomId, this);
    if (room.arrived) {
      rooms.leave(room.workshopId, room.roomId, connectionId);
    }
  }

  private static final class Joined {
    final String workshopId;
    final String roomId;
    final List<Push> held = new ArrayList<>();
    /** The version of each value this connection was last shown. */
    final Map<RoomEvents.Kind, Long> versions = new EnumMap<>(RoomEvents.Kind.class);
    boolean arrived;
    boolean live;

    Joined(String workshopId, String roomId) {
      this.workshopId = workshopId;
      this.roomId = roomId;
    }

    /** Records that {@code kind} is shown at {@code version}; false if a newer one was shown already. */
    boolean shown(RoomEvents.Kind kind, long version) {
      if (versions.getOrDefault(kind, -1L) >= version) {
        return false;
      }
      versions.put(kind, version);
      return true;
    }
  }
}
