package org.yantao.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.RawSocket;
import org.yantao.text.Delta;

/** Who may read and who may write a room's findings. */
class AccessIT {
  @RegisterExtension
  static final LiveFixture fixture = LiveFixture.withMembers(1);

  @Test
  void memberWrites() {
    assertWrites(fixture.tokens.get(0), fixture.docId);
  }

  @Test
  void facilitatorWrites() {
    assertWrites(invited("facilitator", fixture.roomId), fixture.docId);
  }

  @Test
  void facilitatorOfAnotherRoomOfTheWorkshopWrites() {
    String other = fixture.organiser.post("/api/workshops/" + fixture.workshopId + "/rooms",
        new JsonObject().put("name", "别的组")).expect(201).getString("id");
    assertWrites(invited("facilitator", other), fixture.docId);
  }

  @Test
  void organiserWrites() {
    assertWrites(fixture.node.organiserKey(), fixture.docId);
  }

  @Test
  void observerReadsButCannotWrite() {
    String observer = invited("observer", fixture.roomId);
    try (RawSocket watching = RawSocket.hello(fixture.vertx, fixture.node.port(), observer)) {
      watching.send(ProtocolIT.open(fixture.docId));
      JsonObject snapshot = watching.next("doc.snapshot");
      assertThat(snapshot.getBoolean("writable")).isFalse();
      String before = fixture.serverText();
      long rev = snapshot.getLong("rev");

      watching.send(ProtocolIT.op(fixture.docId, rev, "observer-op", Delta.insert("旁观")));
      JsonObject error = watching.nextError();
      assertThat(error.getString("code")).isEqualTo("doc.read_only");
      assertThat(error.getString("ref")).isEqualTo("observer-op");
      assertThat(fixture.serverText()).isEqualTo(before);

      String id = "member-" + UUID.randomUUID();
      try (RawSocket member = RawSocket.opened(fixture.vertx, fixture.node.port(), fixture.tokens.get(0), fixture.docId)) {
        member.send(ProtocolIT.op(fixture.docId, fixture.serverRev(), id, Delta.insert("成员写")));
        member.next("doc.ack");
      }
      assertThat(watching.next("doc.op").getString("id")).as("the observer sees the members write").isEqualTo(id);
    }
  }

  @Test
  void participantOfAnotherRoomIsForbidden() {
    String outsider = fixture.join("别组成员").getString("token");
    assertForbidden(outsider, fixture.docId);
  }

  @Test
  void participantOfAnotherWorkshopIsForbidden() {
    JsonObject other = fixture.organiser.post("/api/workshops", new JsonObject().put("title", "另一场研讨")
        .put("rooms", new JsonArray().add(new JsonObject().put("name", "甲组")))).expect(201);
    JsonObject joined = fixture.node.client(fixture.vertx).post("/api/join", new JsonObject()
        .put("joinCode", other.getString("joinCode")).put("name", "外人").put("organisation", "别处")).expect(201);
    fixture.organiser.post("/api/workshops/" + other.getString("id") + "/rooms/"
        + other.getJsonArray("rooms").getJsonObject(0).getString("id") + "/members",
        new JsonObject().put("participantId", joined.getString("participantId"))).expect(200);
    assertForbidden(joined.getString("token"), fixture.docId);
  }

  @Test
  void closedRoomIsReadOnlyForEveryone() {
    JsonObject room = fixture.organiser.post("/api/workshops/" + fixture.workshopId + "/rooms",
        new JsonObject().put("name", "已结束组")).expect(201);
    String roomId = room.getString("id");
    String docId = room.getString("findingsDoc");
    JsonObject member = fixture.join("已结束组成员");
    fixture.organiser.post("/api/workshops/" + fixture.workshopId + "/rooms/" + roomId + "/members",
        new JsonObject().put("participantId", member.getString("participantId"))).expect(200);
    assertWrites(member.getString("token"), docId);
    fixture.organiser.patch("/api/workshops/" + fixture.workshopId + "/rooms/" + roomId,
        new JsonObject().put("status", "closed")).expect(200);

    for (String token : new String[] {member.getString("token"), fixture.node.organiserKey()}) {
      try (RawSocket ws = RawSocket.hello(fixture.vertx, fixture.node.port(), token)) {
        ws.send(ProtocolIT.open(docId));
        JsonObject snapshot = ws.next("doc.snapshot");
        assertThat(snapshot.getBoolean("writable")).isFalse();
        ws.send(ProtocolIT.op(docId, snapshot.getLong("rev"), "late-" + UUID.randomUUID(), Delta.insert("迟到")));
        assertThat(ws.nextError().getString("code")).isEqualTo("doc.read_only");
      }
    }
  }

  private static String invited(String role, String roomId) {
    JsonObject invitation = fixture.organiser.post("/api/workshops/" + fixture.workshopId + "/invitations",
        new JsonObject().put("role", role).put("rooms", new JsonArray().add(roomId))).expect(201);
    JsonObject joined = fixture.node.client(fixture.vertx).post("/api/join", new JsonObject()
        .put("invitation", invitation.getString("code")).put("name", role + "-" + UUID.randomUUID().toString().substring(0, 4))
        .put("organisation", "测试党校")).expect(201);
    assertThat(joined.getString("role")).isEqualTo(role);
    return joined.getString("token");
  }

  private static void assertWrites(String token, String docId) {
    String marker = "〔" + UUID.randomUUID() + "〕";
    try (RawSocket ws = RawSocket.hello(fixture.vertx, fixture.node.port(), token)) {
      ws.send(ProtocolIT.open(docId));
      JsonObject snapshot = ws.next("doc.snapshot");
      assertThat(snapshot.getBoolean("writable")).isTrue();
      long rev = snapshot.getLong("rev");
      ws.send(ProtocolIT.op(docId, rev, "w-" + UUID.randomUUID(), Delta.insert(marker)));
      assertThat(ws.next("doc.ack").getLong("rev")).isEqualTo(rev + 1);
    }
    try (RawSocket reader = RawSocket.opened(fixture.vertx, fixture.node.port(), fixture.node.organiserKey(), docId)) {
      assertThat(reader.all().get(1).getJsonObject("delta").encode()).contains(marker);
    }
  }

  private static void assertForbidden(String token, String docId) {
    try (RawSocket ws = RawSocket.hello(fixture.vertx, fixture.node.port(), token)) {
      ws.send(ProtocolIT.open(docId).put("id", "open-1"));
      JsonObject error = ws.nextError();
      assertThat(error.getString("code")).isEqualTo("doc.forbidden");
      assertThat(error.getString("ref")).isEqualTo("open-1");
      assertThat(error.getString("doc")).isEqualTo(docId);
      ws.send(ProtocolIT.op(docId, 0, "sneaky", Delta.insert("偷写")));
      assertThat(ws.nextError().getString("code")).isEqualTo("doc.not_open");
      assertThat(ws.all()).noneMatch(m -> m.getString("type").startsWith("doc."));
    }
  }
}
