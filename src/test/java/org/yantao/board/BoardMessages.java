package org.yantao.board;

import io.vertx.core.json.JsonObject;

/** The board's client messages, as a client would send them. */
final class BoardMessages {
  private BoardMessages() {}

  static JsonObject open(String roomId) {
    return new JsonObject().put("type", "board.open").put("room", roomId);
  }

  static JsonObject add(String roomId, String clientId, String text) {
    return new JsonObject().put("type", "idea.add").put("room", roomId).put("id", clientId).put("text", text);
  }

  static JsonObject edit(String roomId, String ideaId, String text) {
    return new JsonObject().put("type", "idea.edit").put("room", roomId).put("idea", ideaId).put("text", text);
  }

  static JsonObject onIdea(String type, String roomId, String ideaId, String id) {
    JsonObject message = new JsonObject().put("type", type).put("room", roomId).put("idea", ideaId);
    return id == null ? message : message.put("id", id);
  }
}
