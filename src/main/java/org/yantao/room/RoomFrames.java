package org.yantao.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.yantao.live.Identity;
import org.yantao.workshop.Room;
import org.yantao.workshop.Theme;
import org.yantao.workshop.Workshop;

/** The room messages of docs/protocol.md ("Rooms"), and the JSON values they share with the REST API. */
public final class RoomFrames {
  private RoomFrames() {}

  public static JsonObject person(Identity who) {
    return new JsonObject()
        .put("id", who.id())
        .put("name", who.name())
        .put("organisation", who.organisation())
        .put("role", who.role().wireName())
        .put("colour", who.colour());
  }

  public static JsonArray people(List<Identity> people) {
    JsonArray all = new JsonArray();
    people.forEach(p -> all.add(person(p)));
    return all;
  }

  public static JsonArray hands(List<RaisedHand> hands) {
    JsonArray all = new JsonArray();
    hands.forEach(h -> all.add(person(h.person()).put("raisedAt", h.at())));
    return all;
  }

  /** The timer as the server's clock sees it at {@code now}; null when there is none. */
  public static JsonObject timer(Timer timer, long now) {
    if (timer == null) {
      return null;
    }
    Timer.State state = timer.state(now);
    return new JsonObject()
        .put("state", state.name().toLowerCase(java.util.Locale.ROOT))
        .put("durationMs", timer.durationMs())
        .put("endsAt", state == Timer.State.PAUSED ? null : timer.endsAt())
        .put("remainingMs", timer.remainingMs(now));
  }

  public static JsonObject broadcast(Broadcast broadcast) {
    if (broadcast == null) {
      return null;
    }
    return new JsonObject()
        .put("id", broadcast.id())
        .put("text", broadcast.text())
        .put("from", person(broadcast.from()))
        .put("at", broadcast.at());
  }

  static JsonArray themes(Workshop workshop, Room room) {
    JsonArray themes = new JsonArray();
    for (Theme theme : workshop.themes()) {
      if (room.themes().contains(theme.id())) {
        JsonObject t = new JsonObject().put("id", theme.id()).put("name", theme.name());
        themes.add(theme.nameEn() == null ? t : t.put("nameEn", theme.nameEn()));
      }
    }
    return themes;
  }

  public static String state(Workshop workshop, Room room, List<Identity> present, RoomLive live, long now) {
    return new JsonObject()
        .put("type", "room.state")
        .put("room", room.id())
        .put("workshop", workshop.id())
        .put("name", room.name())
        .put("question", room.question() == null ? "" : room.question())
        .put("themes", themes(workshop, room))
        .put("open", room.open())
        .put("present", people(present))
        .put("hands", hands(live.hands()))
        .put("timer", timer(live.timer(), now))
        .put("broadcast", broadcast(live.broadcast()))
        .put("serverTime", now)
        .encode();
  }

  static String presence(String roomId, List<Identity> present) {
    return new JsonObject().put("type", "room.presence").put("room", roomId).put("present", people(present)).encode();
  }

  static String timerChanged(String roomId, Timer timer, long now) {
    return new JsonObject().put("type", "room.timer").put("room", roomId).put("timer", timer(timer, now))
        .put("serverTime", now).encode();
  }

  static String broadcastSent(String roomId, Broadcast broadcast) {
    return new JsonObject().put("type", "room.broadcast").put("room", roomId).put("broadcast", broadcast(broadcast)).encode();
  }

  static String handsChanged(String roomId, List<RaisedHand> hands) {
    return new JsonObject().put("type", "room.hands").put("room", roomId).put("hands", hands(hands)).encode();
  }

  static String updated(Workshop workshop, Room room) {
    return new JsonObject()
        .put("type", "room.updated")
        .put("room", room.id())
        .put("open", room.open())
        .put("name", room.name())
        .put("question", room.question() == null ? "" : room.question())
        .put("themes", themes(workshop, room))
        .encode();
  }

  static String assigned(String workshopId, String roomId) {
    return new JsonObject().put("type", "me.assigned").put("room", roomId).put("workshop", workshopId).encode();
  }
}
