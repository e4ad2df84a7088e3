package org.yantao.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire form of boards (docs/protocol.md, "Idea board"), always for one viewer: their own votes
 * and votes left, never who else voted, and no author for an anonymous idea whoever looks.
 */
public final class BoardJson {
  private BoardJson() {}

  public static JsonObject settings(BoardSettings s) {
    return new JsonObject()
        .put("votesPerParticipant", s.votesPerParticipant())
        .put("stacking", s.stacking())
        .put("anonymous", s.anonymous());
  }

  public static JsonObject person(Person p) {
    return new JsonObject()
        .put("id", p.id())
        .put("name", p.name())
        .put("organisation", p.organisation())
        .put("role", p.role().wireName())
        .put("colour", p.colour());
  }

  public static JsonObject idea(Idea idea, String viewerId) {
    return new JsonObject()
        .put("id", idea.id())
        .put("text", idea.text())
        .put("theme", idea.theme())
        .put("author", idea.anonymous() ? null : person(idea.author()))
        .put("votes", idea.totalVotes())
        .put("myVotes", idea.votesOf(viewerId))
        .put("createdAt", idea.createdAt())
        .put("updatedAt", idea.updatedAt());
  }

  /** What {@code board.snapshot} and {@code GET …/rooms/{roomId}/ideas} carry. */
  public static JsonObject board(String roomId, Board board, String viewerId) {
    JsonArray ideas = new JsonArray();
    board.ideas().forEach(i -> ideas.add(idea(i, viewerId)));
    return new JsonObject()
        .put("room", roomId)
        .put("rev", board.rev())
        .put("settings", settings(board.settings()))
        .put("ideas", ideas)
        .put("votesLeft", board.votesLeft(viewerId));
  }

  public static String snapshot(String roomId, Board board, String viewerId) {
    return typed("board.snapshot").mergeIn(board(roomId, board, viewerId)).encode();
  }

  /**
   * The messages one viewer receives for a change. {@code ref} (the client's id of an added idea)
   * goes only to the connection that sent it: others could otherwise tie an anonymous idea to the
   * client that wrote it.
   */
  public static List<String> frames(String roomId, BoardEvent event, String viewerId, boolean sentByViewer) {
    List<String> frames = new ArrayList<>(2);
    switch (event.kind()) {
      case ADDED, ALREADY_ADDED -> {
        JsonObject frame = typed("idea.added").put("room", roomId).put("rev", event.rev())
            .put("idea", idea(event.idea(), viewerId));
        frames.add((sentByViewer ? frame.put("ref", event.clientId()) : frame).encode());
      }
      case UPDATED -> frames.add(typed("idea.updated").put("room", roomId).put("rev", event.rev())
          .put("idea", idea(event.idea(), viewerId)).encode());
      case DELETED -> frames.add(typed("idea.deleted").put("room", roomId).put("rev", event.rev())
          .put("idea", event.ideaId()).encode());
      case SETTINGS -> {
        Integer left = event.votesLeftOf(viewerId);
        frames.add(typed("board.settings").put("room", roomId).put("rev", event.rev())
            .put("settings", settings(event.settings()))
            .put("votesLeft", left == null ? event.settings().votesPerParticipant() : left).encode());
        return frames;
      }
    }
    Integer left = event.votesLeftOf(viewerId);
    if (left != null) {
      frames.add(typed("board.votes").put("room", roomId).put("votesLeft", left).encode());
    }
    return frames;
  }

  private static JsonObject typed(String type) {
    return new JsonObject().put("type", type);
  }
}
