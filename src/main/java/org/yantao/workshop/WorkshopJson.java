package org.yantao.workshop;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The wire form of workshops, rooms and participants, kept apart from what is stored. */
public final class WorkshopJson {
  private WorkshopJson() {}

  public static JsonObject workshop(Workshop w) {
    JsonArray rooms = new JsonArray();
    w.rooms().forEach(r -> rooms.add(room(w, r)));
    return summary(w).put("rooms", rooms);
  }

  public static JsonObject summary(Workshop w) {
    JsonArray themes = new JsonArray();
    w.themes().forEach(t -> themes.add(theme(t)));
    return new JsonObject()
        .put("id", w.id())
        .put("title", w.title())
        .put("description", w.description())
        .put("themes", themes)
        .put("joinCode", w.joinCode())
        .put("status", w.open() ? "open" : "closed")
        .put("roomCount", w.rooms().size())
        .put("participantCount", w.participants().size())
        .put("createdAt", w.createdAt())
        .put("updatedAt", w.updatedAt());
  }

  public static JsonObject theme(Theme t) {
    JsonObject json = new JsonObject().put("id", t.id()).put("name", t.name());
    return t.nameEn() == null ? json : json.put("nameEn", t.nameEn());
  }

  public static JsonObject room(Workshop w, Room r) {
    return new JsonObject()
        .put("id", r.id())
        .put("name", r.name())
        .put("themes", new JsonArray(r.themes()))
        .put("question", r.question() == null ? "" : r.question())
        .put("status", r.open() ? "open" : "closed")
        .put("capacity", r.capacity())
        .put("facilitators", new JsonArray(r.facilitators()))
        .put("members", new JsonArray(r.members()))
        .put("submitted", r.submitted())
        .put("submittedAt", r.submittedAt())
        .put("findingsDoc", DocumentIds.findings(w.id(), r.id()));
  }

  public static JsonObject participant(Participant p, Workshop w) {
    return new JsonObject()
        .put("id", p.id())
        .put("name", p.name())
        .put("organisation", p.organisation())
        .put("role", p.role().wireName())
        .put("room", w.roomOf(p.id()).map(Room::id).orElse(null));
  }
}
