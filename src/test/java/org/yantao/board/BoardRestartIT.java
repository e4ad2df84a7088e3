package org.yantao.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yantao.board.BoardMessages.add;
import static org.yantao.board.BoardMessages.onIdea;
import static org.yantao.board.BoardMessages.open;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yantao.testing.ApiClient;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.RawSocket;
import org.yantao.testing.TestNode;

/** A board is in the database: after a full stop and start it is back as it was, and carries on. */
class BoardRestartIT {
  @TempDir
  Path dataDir;

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() {
    LiveFixture.await(vertx.close());
  }

  @Test
  void aBoardSurvivesARestart() throws Exception {
    String workshopId;
    String roomId;
    String token;
    String ideasPath;
    JsonObject before;
    try (TestNode first = TestNode.start(dataDir)) {
      ApiClient organiser = first.organiser(vertx);
      JsonObject workshop = organiser.post("/api/workshops", new JsonObject().put("title", "重启研讨")
          .put("rooms", new JsonArray().add(new JsonObject().put("name", "第一组")))).expect(201);
      workshopId = workshop.getString("id");
      roomId = workshop.getJsonArray("rooms").getJsonObject(0).getString("id");
      JsonObject joined = first.client(vertx).post("/api/join", new JsonObject().put("joinCode", workshop.getString("joinCode"))
          .put("name", "张").put("organisation", "党校")).expect(201);
      token = joined.getString("token");
      organiser.post("/api/workshops/" + workshopId + "/rooms/" + roomId + "/members",
          new JsonObject().put("participantId", joined.getString("participantId"))).expect(200);
      organiser.put("/api/workshops/" + workshopId + "/rooms/" + roomId + "/board/settings",
          new JsonObject().put("votesPerParticipant", 2)).expect(200);
      try (RawSocket ws = RawSocket.hello(vertx, first.port(), token)) {
        ws.send(open(roomId));
        ws.next("board.snapshot");
        ws.send(add(roomId, "a", "重启前的观点").put("theme", "科研").put("anonymous", false));
        String ideaId = ws.next("idea.added").getJsonObject("idea").getString("id");
        ws.send(add(roomId, "b", "匿名观点"));
        ws.next("idea.added");
        ws.send(onIdea("idea.vote", roomId, ideaId, null));
        ws.next("board.votes");
      }
      ideasPath = "/api/workshops/" + workshopId + "/rooms/" + roomId + "/ideas";
      before = first.client(vertx).withToken(token).get(ideasPath).expect(200);
      assertThat(before.getLong("rev")).isEqualTo(4);
    }

    try (TestNode second = TestNode.start(dataDir)) {
      assertThat(second.client(vertx).withToken(token).get(ideasPath).expect(200)).isEqualTo(before);
      try (RawSocket ws = RawSocket.hello(vertx, second.port(), token)) {
        ws.send(open(roomId));
        JsonObject snapshot = ws.next("board.snapshot");
        assertThat(snapshot.getInteger("votesLeft")).isEqualTo(1);
        ws.send(add(roomId, "a", "同一个客户端编号"));
        JsonObject again = ws.next("idea.added");
        assertThat(again.getLong("rev")).as("an add sent again after the restart is still known").isEqualTo(2);
        ws.send(add(roomId, "c", "重启后的观点"));
        assertThat(ws.next(m -> "c".equals(m.getString("ref")), "the new idea").getLong("rev")).isEqualTo(5);
      }
    }
  }
}
