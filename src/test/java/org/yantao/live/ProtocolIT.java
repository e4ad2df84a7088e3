package org.yantao.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.RawSocket;
import org.yantao.text.Delta;
import org.yantao.text.DeltaJson;

/** The WebSocket conversation a browser has with the server, message by message. */
class ProtocolIT {
  /** Sent back to back, the copies reach the document before the first is stored. */
  private static final int SENDS = 5;
  @RegisterExtension
  static final LiveFixture fixture = LiveFixture.withMembers(2);

  private RawSocket connect() {
    return RawSocket.connect(fixture.vertx, fixture.node.port());
  }

  @Test
  void participantIsWelcomedWithWhoTheyAre() {
    try (RawSocket ws = connect()) {
      long before = System.currentTimeMillis();
      ws.send(new JsonObject().put("type", "hello").put("token", fixture.tokens.get(0)));
      JsonObject welcome = ws.next("welcome");
      JsonObject me = welcome.getJsonObject("participant");
      assertThat(me.getString("id")).isEqualTo(fixture.participantIds.get(0));
      assertThat(me.getString("name")).isEqualTo("成员0");
      assertThat(me.getString("organisation")).isEqualTo("测试党校");
      assertThat(me.getString("role")).isEqualTo("participant");
      assertThat(me.getString("colour")).matches("#[0-9a-f]{6}");
      assertThat(welcome.getLong("serverTime")).isBetween(before - 5_000, System.currentTimeMillis() + 5_000);
    }
  }

  @Test
  void organiserKeyWorksAsToken() {
    try (RawSocket ws = connect()) {
      ws.send(new JsonObject().put("type", "hello").put("token", fixture.node.organiserKey()));
      JsonObject me = ws.next("welcome").getJsonObject("participant");
      assertThat(me.getString("role")).isEqualTo("organiser");
      ws.send(open(fixture.docId));
      assertThat(ws.next("doc.snapshot").getBoolean("writable")).isTrue();
    }
  }

  @Test
  void cookieOnTheUpgradeSignsIn() {
    try (RawSocket ws = RawSocket.connect(fixture.vertx, fixture.node.port(), fixture.tokens.get(1))) {
      assertThat(ws.next("welcome").getJsonObject("participant").getString("id")).isEqualTo(fixture.participantIds.get(1));
      ws.send(open(fixture.docId));
      assertThat(ws.next("doc.snapshot").getString("doc")).isEqualTo(fixture.docId);
      assertThat(ws.all()).noneMatch(m -> m.getString("type").equals("error"));
    }
  }

  @Test
  void badTokenIsRefusedAndTheConnectionStaysUsable() {
    try (RawSocket ws = connect()) {
      ws.send(new JsonObject().put("type", "hello").put("token", "not-a-token").put("id", "h1"));
      JsonObject error = ws.nextError();
      assertThat(error.getString("code")).isEqualTo("auth.invalid");
      assertThat(error.getString("ref")).isEqualTo("h1");
      assertThat(error.getString("message")).isNotBlank();

      ws.send(open(fixture.docId).put("id", "o1"));
      JsonObject missing = ws.nextError();
      assertThat(missing.getString("code")).as("still signed out").isEqualTo("auth.missing");
      assertThat(missing.getString("ref")).isEqualTo("o1");

      ws.send(new JsonObject().put("type", "hello").put("token", fixture.tokens.get(0)));
      assertThat(ws.next("welcome").getJsonObject("participant").getString("id")).isEqualTo(fixture.participantIds.get(0));
      ws.send(open(fixture.docId));
      assertThat(ws.next("doc.snapshot").getBoolean("writable")).isTrue();
    }
  }

  @Test
  void messagesBeforeHelloAreRefusedWithAuthMissing() {
    try (RawSocket ws = connect()) {
      ws.send(open(fixture.docId).put("id", "o1"));
      ws.send(op(fixture.docId, 0, "op-before-hello", Delta.insert("〔未登录〕")));
      ws.send(new JsonObject().put("type", "doc.cursor").put("doc", fixture.docId).put("index", 0).put("id", "c1"));
      JsonObject open = ws.nextError();
      JsonObject op = ws.nextError();
      JsonObject cursor = ws.nextError();
      assertThat(open.getString("code")).isEqualTo("auth.missing");
      assertThat(open.getString("ref")).isEqualTo("o1");
      assertThat(op.getString("code")).isEqualTo("auth.missing");
      assertThat(op.getString("ref")).isEqualTo("op-before-hello");
      assertThat(cursor.getString("code")).isEqualTo("auth.missing");
      assertThat(ws.all()).noneMatch(m -> m.getString("type").startsWith("doc."));
    }
    assertThat(fixture.serverText()).doesNotContain("〔未登录〕");
  }

  @Test
  void pingIsAnsweredWithPongBeforeAndAfterHello() {
    try (RawSocket ws = connect()) {
      long before = System.currentTimeMillis();
      ws.send(new JsonObject().put("type", "ping"));
      JsonObject pong = ws.next("pong");
      assertThat(pong.getLong("serverTime")).isBetween(before - 5_000, System.currentTimeMillis() + 5_000);
      ws.send(new JsonObject().put("type", "hello").put("token", fixture.tokens.get(0)));
      ws.next("welcome");
      ws.send(new JsonObject().put("type", "ping").put("id", "p7"));
      assertThat(ws.next("pong").getString("id")).isEqualTo("p7");
    }
  }

  @Test
  void newFindingsDocumentHasOneHeadingPerTheme() {
    JsonObject room = fixture.organiser.post("/api/workshops/" + fixture.workshopId + "/rooms",
        new JsonObject().put("name", "第二组")).expect(201);
    String docId = room.getString("findingsDoc");
    try (RawSocket ws = RawSocket.hello(fixture.vertx, fixture.node.port(), fixture.node.organiserKey())) {
      ws.send(open(docId));
      JsonObject snapshot = ws.next("doc.snapshot");
      assertThat(snapshot.getString("doc")).isEqualTo(docId);
      assertThat(snapshot.getLong("rev")).isZero();
      assertThat(snapshot.getBoolean("writable")).isTrue();
      Delta heading = Delta.builder()
          .insert("教学").insert("\n", Map.of("header", 2)).insert("\n")
          .insert("科研").insert("\n", Map.of("header", 2)).insert("\n")
          .insert("决策咨询").insert("\n", Map.of("header", 2)).insert("\n")
          .build();
      Delta received = DeltaJson.parse(snapshot.getJsonObject("delta").encode());
      assertThat(received).isEqualTo(heading);
      assertThat(snapshot.getJsonObject("delta").getJsonArray("ops").getJsonObject(1).getJsonObject("attributes"))
          .isEqualTo(new JsonObject().put("header", 2));
    }
  }

  @Test
  void authorIsAckedWithTheNewRevisionAndOthersReceiveTheOpWithItsAuthor() {
    try (RawSocket a = RawSocket.opened(fixture.vertx, fixture.node.port(), fixture.tokens.get(0), fixture.docId);
         RawSocket b = RawSocket.opened(fixture.vertx, fixture.node.port(), fixture.tokens.get(1), fixture.docId)) {
      long rev = fixture.serverRev();
      String id = "op-" + UUID.randomUUID();
      a.send(op(fixture.docId, rev, id, Delta.insert("【甲】")));
      JsonObject ack = a.next("doc.ack");
      assertThat(ack.getString("id")).isEqualTo(id);
      assertThat(ack.getString("doc")).isEqualTo(fixture.docId);
      assertThat(ack.getLong("rev")).isEqualTo(rev + 1);

      JsonObject seen = b.next("doc.op");
      assertThat(seen.getString("id")).isEqualTo(id);
      assertThat(seen.getLong("rev")).isEqualTo(rev + 1);
      assertThat(seen.getString("author")).isEqualTo(fixture.participantIds.get(0));
      assertThat(seen.getJsonObject("delta")).isEqualTo(new JsonObject().put("ops",
          new JsonArray().add(new JsonObject().put("insert", "【甲】"))));
      assertThat(a.all()).as("the author gets an ack, not its own op back")
          .noneMatch(m -> m.getString("type").equals("doc.op"));
      assertThat(fixture.serverText()).startsWith("【甲】");
    }
  }

  @Test
  void opSentAgainAfterALostAckIsAckedWithTheSameRevisionAndAppliedOnce() {
    String marker = "「" + UUID.randomUUID() + "」";
    String id = "op-" + UUID.randomUUID();
    long rev;
    long applied;
    try (RawSocket a = RawSocket.opened(fixture.vertx, fixture.node.port(), fixture.tokens.get(0), fixture.docId)) {
      rev = fixture.serverRev();
      for (int i = 0; i < SENDS; i++) {
        a.send(op(fixture.docId, rev, id, Delta.insert(marker)));
      }
      applied = a.next("doc.ack").getLong("rev");
      assertThat(applied).isEqualTo(rev + 1);
      for (int i = 1; i < SENDS; i++) {
        JsonObject again = a.next("doc.ack");
        assertThat(again.getString("id")).isEqualTo(id);
        assertThat(again.getLong("rev")).as("send %d is acked with the same revision", i + 1).isEqualTo(applied);
      }
    }
    try (RawSocket fresh = RawSocket.opened(fixture.vertx, fixture.node.port(), fixture.tokens.get(0), fixture.docId)) {
      fresh.send(op(fixture.docId, rev, id, Delta.insert(marker)));
      JsonObject ack = fresh.next("doc.ack");
      assertThat(ack.getString("id")).isEqualTo(id);
      assertThat(ack.getLong("rev")).isEqualTo(applied);
    }
    String text = fixture.serverText();
    assertThat(text.indexOf(marker)).isGreaterThanOrEqualTo(0);
    assertThat(text.indexOf(marker)).as("applied once").isEqualTo(text.lastIndexOf(marker));
    assertThat(fixture.serverRev()).isEqualTo(applied);
  }

  @Test
  void reconnectingClientResumesWithTheOpsItMissed() {
    long rev = fixture.serverRev();
    try (RawSocket a = RawSocket.opened(fixture.vertx, fixture.node.port(), fixture.tokens.get(0), fixture.docId)) {
      a.send(op(fixture.docId, rev, "resume-1", Delta.insert("一")));
      a.next("doc.ack");
      a.send(op(fixture.docId, rev + 1, "resume-2", Delta.insert("二")));
      a.next("doc.ack");
    }
    try (RawSocket b = RawSocket.hello(fixture.vertx, fixture.node.port(), fixture.tokens.get(1))) {
      b.send(open(fixture.docId).put("rev", rev));
      JsonObject resumed = b.next("doc.resumed");
      assertThat(resumed.getLong("rev")).isEqualTo(rev);
      assertThat(resumed.getBoolean("writable")).isTrue();
      JsonObject first = b.next("doc.op");
      JsonObject second = b.next("doc.op");
      assertThat(first.getString("id")).isEqualTo("resume-1");
      assertThat(first.getLong("rev")).isEqualTo(rev + 1);
      assertThat(second.getString("id")).isEqualTo("resume-2");
      assertThat(second.getLong("rev")).isEqualTo(rev + 2);
      assertThat(b.all()).noneMatch(m -> m.getString("type").equals("doc.snapshot"));
    }
  }

  @Test
  void secondHelloWithDocumentsOpenSwitchesWhoIsSpeaking() {
    try (RawSocket ws = RawSocket.opened(fixture.vertx, fixture.node.port(), fixture.tokens.get(0), fixture.docId)) {
      ws.send(new JsonObject().put("type", "hello").put("token", fixture.tokens.get(1)).put("id", "h2"));
      JsonObject welcome = ws.next(m -> m.getString("type").equals("welcome") || m.getString("type").equals("error"),
          "a welcome or an error");
      assertThat(welcome.getString("type")).as("answer %s", welcome).isEqualTo("welcome");
      assertThat(welcome.getJsonObject("participant").getString("id")).isEqualTo(fixture.participantIds.get(1));
      ws.send(op(fixture.docId, 0, "after-rehello", Delta.insert("x")));
      assertThat(ws.nextError().getString("code")).as("documents are closed by a new hello").isEqualTo("doc.not_open");
    }
  }

  static JsonObject open(String docId) {
    return new JsonObject().put("type", "doc.open").put("doc", docId);
  }

  static JsonObject op(String docId, long rev, String id, Delta delta) {
    return new JsonObject().put("type", "doc.op").put("doc", docId).put("rev", rev).put("id", id)
        .put("delta", new JsonObject(DeltaJson.toJsonString(delta)));
  }
}
