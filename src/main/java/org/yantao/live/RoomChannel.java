package org.yantao.live;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.yantao.error.DomainException;
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

  /**
   * Pushes that arrive while the state is being read are held back and sent after it: each carries
   * a whole value (everyone present, the whole timer ...), so replaying one the state already
   * reflects changes nothing, and none is lost.
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
              .map(live -> RoomFrames.state(w, w.requireRoom(roomId), present, live, rooms.now())));
        })
        .onSuccess(state -> {
          if (current(room)) {
            send.accept(state);
            room.live = true;
            room.held.forEach(send);
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

  void onRoom(String roomId, String frame) {
    Joined room = joined.get(roomId);
    if (room == null) {
      return;
    }
    if (room.live) {
      send.accept(frame);
    } else {
      room.held.add(frame);
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
    final List<String> held = new ArrayList<>();
    boolean arrived;
    boolean live;

    Joined(String workshopId, String roomId) {
      this.workshopId = workshopId;
      this.roomId = roomId;
    }
  }
}
