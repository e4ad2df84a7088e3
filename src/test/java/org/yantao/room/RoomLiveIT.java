package org.yantao.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yantao.testing.ApiClient;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.RawSocket;

/** A room while it runs, as the people in it see it: who is here, raised hands, and the room's own errors. */
class RoomLiveIT {
  @RegisterExtension
  static final LiveFixture fixture = LiveFixture.withMembers(3);

  static JsonObject join(String roomId) {
    return new JsonObject().put("type", "room.join").put("room", roomId);
  }

  static RawSocket joined(LiveFixture fixture, String token, String roomId) {
    RawSocket ws = RawSocket.hello(fixture.vertx, fixture.node.port(), token);
    ws.send(join(roomId));
    ws.next("room.state");
    return ws;
  }

  static List<String> ids(JsonArray people) {
    return people.stream().map(p -> ((JsonObject) p).getString("id")).toList();
  }

  /** A facilitator or observer of the given rooms, by invitation; answers the join response. */
  static JsonObject invited(LiveFixture fixture, String workshopId, String role, String... roomIds) {
    JsonObject invitation = fixture.organiser.post("/api/workshops/" + workshopId + "/invitations",
        new JsonObject().put("role", role).put("rooms", new JsonArray(List.of(roomIds)))).expect(201);
    return fixture.node.client(fixture.vertx).post("/api/join", new JsonObject()
        .put("invitation", invitation.getString("code")).put("name", role + "-" + UUID.randomUUID().toString().substring(0, 4))
        .put("organisation", "测试党校")).expect(201);
  }

  static String newRoom(LiveFixture fixture, String workshopId, String name) {
    return fixture.organiser.post("/api/workshops/" + workshopId + "/rooms", new JsonObject().put("name", name))
        .expect(201).getString("id");
  }

  @Test
  void stateDescribesTheRoomAndWhoIsHere() {
    try (RawSocket ws = RawSocket.hello(fixture.vertx, fixture.node.port(), fixture.tokens.get(0))) {
      long before = System.currentTimeMillis();
      ws.send(join(fixture.roomId).put("id", "j1"));
      JsonObject state = ws.next("room.state");
      assertThat(state.getString("room")).isEqualTo(fixture.roomId);
      assertThat(state.getString("workshop")).isEqualTo(fixture.workshopId);
      assertThat(state.getString("name")).isEqualTo("第一组");
      assertThat(state.getBoolean("open")).isTrue();
      assertThat(state.getJsonArray("themes").stream().map(t -> ((JsonObject) t).getString("name")))
          .containsExactly("教学", "科研", "决策咨询");
      JsonObject me = state.getJsonArray("present").getJsonObject(0);
      assertThat(me.fieldNames()).containsExactlyInAnyOrder("id", "name", "organisation", "role", "colour");
      assertThat(me.getString("id")).isEqualTo(fixture.participantIds.get(0));
      assertThat(state.getJsonArray("hands")).isEmpty();
      assertThat(state.containsKey("timer")).isTrue();
      assertThat(state.containsKey("broadcast")).isTrue();
      assertThat(state.getLong("serverTime")).isBetween(before - 5_000, System.currentTimeMillis() + 5_000);
    }
  }

  /** Waits for a push saying the room's people are exactly these. */
  static void awaitPresent(RawSocket ws, String... people) {
    ws.next(m -> m.getString("type").equals("room.presence") && ids(m.getJsonArray("present")).equals(List.of(people)),
        "room.presence with " + List.of(people));
  }

  static void awaitHands(RawSocket ws, String... people) {
    ws.next(m -> m.getString("type").equals("room.hands") && ids(m.getJsonArray("hands")).equals(List.of(people)),
        "room.hands with " + List.of(people));
  }

  static List<List<String>> presenceSeen(RawSocket ws) {
    return ws.all().stream().filter(m -> m.getString("type").equals("room.presence"))
        .map(m -> ids(m.getJsonArray("present"))).toList();
  }

  @Test
  void presenceFollowsJoiningLeavingAndDisconnecting() {
    String a = fixture.participantIds.get(0);
    String b = fixture.participantIds.get(1);
    try (RawSocket first = joined(fixture, fixture.tokens.get(0), fixture.roomId)) {
      RawSocket second = RawSocket.hello(fixture.vertx, fixture.node.port(), fixture.tokens.get(1));
      second.send(join(fixture.roomId));
      assertThat(ids(second.next("room.state").getJsonArray("present"))).containsExactly(a, b);
      awaitPresent(first, a, b);

      // A second tab of the same person: present once, and nobody is told anything changed.
      RawSocket tab = RawSocket.hello(fixture.vertx, fixture.node.port(), fixture.tokens.get(1));
      tab.send(join(fixture.roomId));
      assertThat(ids(tab.next("room.state").getJsonArray("present"))).containsExactly(a, b);
      tab.send(new JsonObject().put("type", "room.leave").put("room", fixture.roomId));
      tab.close();
      second.send(new JsonObject().put("type", "room.leave").put("room", fixture.roomId));
      awaitPresent(first, a);
      // Its own arrival is in the state it got: no push repeats it, nor shows an older presence later.
      assertThat(presenceSeen(first)).containsExactly(List.of(a, b), List.of(a));

      second.send(join(fixture.roomId));
      second.next("room.state");
      awaitPresent(first, a, b);
      second.close();
      awaitPresent(first, a);
    }
  }

  @Test
  void whoMayJoin() {
    String other = newRoom(fixture, fixture.workshopId, "旁听组-" + UUID.randomUUID().toString().substring(0, 4));
    String stranger = fixture.join("别组成员").getString("token");
    try (RawSocket ws = RawSocket.hello(fixture.vertx, fixture.node.port(), stranger)) {
      ws.send(join(fixture.roomId).put("id", "nope"));
      JsonObject error = ws.nextError();
      assertThat(error.getString("code")).isEqualTo("room.forbidden");
      assertThat(error.getString("ref")).isEqualTo("nope");
      ws.send(join("r-missing").put("id", "missing"));
      assertThat(ws.nextError().getString("code")).isEqualTo("room.not_found");
      ws.send(new JsonObject().put("type", "hand.raise").put("room", fixture.roomId));
      assertThat(ws.nextError().getString("code")).isEqualTo("room.not_joined");
      assertThat(ws.all()).noneMatch(m -> m.getString("type").startsWith("room."));
    }
    String facilitatorOfOther = invited(fixture, fixture.workshopId, "facilitator", other).getString("token");
    String observer = invited(fixture, fixture.workshopId, "observer", other).getString("token");
    for (String token : List.of(facilitatorOfOther, observer)) {
      try (RawSocket ws = joined(fixture, token, fixture.roomId)) {
        assertThat(ws.all()).noneMatch(m -> m.getString("type").equals("error"));
      }
    }
    try (RawSocket organiser = RawSocket.hello(fixture.vertx, fixture.node.port(), fixture.node.organiserKey())) {
      organiser.send(join(fixture.roomId));
      assertThat(organiser.nextError().getString("code")).isEqualTo("message.invalid");
      organiser.send(join(fixture.roomId).put("workshop", fixture.workshopId));
      assertThat(organiser.next("room.state").getString("room")).isEqualTo(fixture.roomId);
    }
  }

  @Test
  void handsAreRaisedAndLoweredByTheRightPeople() {
    String facilitator = invited(fixture, fixture.workshopId, "facilitator", fixture.roomId).getString("token");
    String observer = invited(fixture, fixture.workshopId, "observer", fixture.roomId).getString("token");
    String raiser = fixture.participantIds.get(2);
    try (RawSocket member = joined(fixture, fixture.tokens.get(2), fixture.roomId);
         RawSocket neighbour = joined(fixture, fixture.tokens.get(1), fixture.roomId);
         RawSocket running = joined(fixture, facilitator, fixture.roomId);
         RawSocket watching = joined(fixture, observer, fixture.roomId)) {
      member.send(new JsonObject().put("type", "hand.raise").put("room", fixture.roomId));
      JsonObject hands = running.next("room.hands");
      assertThat(ids(hands.getJsonArray("hands"))).containsExactly(raiser);
      assertThat(hands.getJsonArray("hands").getJsonObject(0).getString("name")).isEqualTo("成员2");

      try (RawSocket late = joined(fixture, fixture.tokens.get(0), fixture.roomId)) {
        late.send(join(fixture.roomId));
        assertThat(ids(late.next("room.state").getJsonArray("hands"))).containsExactly(raiser);
      }

      neighbour.send(new JsonObject().put("type", "hand.lower").put("room", fixture.roomId)
          .put("participant", raiser).put("id", "not-yours"));
      JsonObject refused = neighbour.nextError();
      assertThat(refused.getString("code")).isEqualTo("hand.forbidden");
      assertThat(refused.getString("ref")).isEqualTo("not-yours");
      watching.send(new JsonObject().put("type", "hand.raise").put("room", fixture.roomId).put("id", "watcher"));
      assertThat(watching.nextError().getString("code")).isEqualTo("hand.forbidden");

      assertThat(ids(member.next("room.hands").getJsonArray("hands"))).containsExactly(raiser);
      running.send(new JsonObject().put("type", "hand.lower").put("room", fixture.roomId).put("participant", raiser));
      assertThat(member.next("room.hands").getJsonArray("hands")).isEmpty();
      assertThat(member.all()).filteredOn(m -> m.getString("type").equals("room.hands")).hasSize(2);

      awaitHands(running);
      member.send(new JsonObject().put("type", "hand.raise").put("room", fixture.roomId));
      awaitHands(running, raiser);
      member.send(new JsonObject().put("type", "hand.lower").put("room", fixture.roomId));
      awaitHands(running);
    }
  }

  @Test
  void badRoomMessagesAreRefused() {
    try (RawSocket ws = RawSocket.hello(fixture.vertx, fixture.node.port(), fixture.tokens.get(0))) {
      ws.send(new JsonObject().put("type", "room.join").put("id", "no-room"));
      assertThat(ws.nextError().getString("code")).isEqualTo("message.invalid");
      ws.send(new JsonObject().put("type", "room.leave").put("room", fixture.roomId));
      assertThat(ws.nextError().getString("code")).isEqualTo("room.not_joined");
      ws.send(new JsonObject().put("type", "room.join").put("room", 7));
      assertThat(ws.nextError().getString("code")).isEqualTo("message.invalid");
    }
    try (RawSocket anonymous = RawSocket.connect(fixture.vertx, fixture.node.port())) {
      anonymous.send(join(fixture.roomId));
      assertThat(anonymous.nextError().getString("code")).isEqualTo("auth.missing");
    }
  }

  @Test
  void assigningSomeoneTellsTheirBrowserWhereTheyNowSit() {
    JsonObject newcomer = fixture.join("新来的");
    String target = newRoom(fixture, fixture.workshopId, "新组-" + UUID.randomUUID().toString().substring(0, 4));
    try (RawSocket ws = RawSocket.hello(fixture.vertx, fixture.node.port(), newcomer.getString("token"))) {
      ApiClient organiser = fixture.organiser;
      organiser.post("/api/workshops/" + fixture.workshopId + "/rooms/" + target + "/members",
          new JsonObject().put("participantId", newcomer.getString("participantId"))).expect(200);
      JsonObject assigned = ws.next("me.assigned");
      assertThat(assigned.getString("room")).isEqualTo(target);
      ws.send(join(target));
      assertThat(ws.next("room.state").getString("room")).isEqualTo(target);
    }
  }
}
