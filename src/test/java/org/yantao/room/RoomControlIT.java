package org.yantao.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yantao.room.RoomLiveIT.invited;
import static org.yantao.room.RoomLiveIT.joined;
import static org.yantao.room.RoomLiveIT.newRoom;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yantao.testing.ApiClient;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.Poll;
import org.yantao.testing.RawSocket;
import org.yantao.text.Delta;
import org.yantao.text.DeltaJson;

/** What facilitators do to running rooms through the REST API, and what the rooms see of it. */
class RoomControlIT {
  @RegisterExtension
  static final LiveFixture fixture = LiveFixture.withMembers(2);

  private static String base() {
    return "/api/workshops/" + fixture.workshopId;
  }

  private static JsonObject timer(String action, Integer seconds) {
    JsonObject body = new JsonObject().put("action", action);
    return seconds == null ? body : body.put("seconds", seconds);
  }

  private static ApiClient as(String token) {
    return fixture.node.client(fixture.vertx).withToken(token);
  }

  @Test
  void timerLifecycleOnTheServersClock() {
    String room = newRoom(fixture, fixture.workshopId, "计时组");
    String path = base() + "/rooms/" + room + "/timer";
    String facilitator = invited(fixture, fixture.workshopId, "facilitator", room).getString("token");
    ApiClient running = as(facilitator);
    try (RawSocket member = joined(fixture, fixture.tokens.get(0), fixture.roomId);
         RawSocket watcher = RawSocket.hello(fixture.vertx, fixture.node.port(), facilitator)) {
      watcher.send(RoomLiveIT.join(room));
      assertThat(watcher.next("room.state").getValue("timer")).isNull();

      long before = System.currentTimeMillis();
      JsonObject started = running.post(path, timer("start", 600)).expect(200);
      long after = System.currentTimeMillis();
      JsonObject t = started.getJsonObject("timer");
      assertThat(started.getString("room")).isEqualTo(room);
      assertThat(t.getString("state")).isEqualTo("running");
      assertThat(t.getLong("durationMs")).isEqualTo(600_000);
      assertThat(t.getLong("endsAt")).isBetween(before + 600_000, after + 600_000);
      assertThat(t.getLong("remainingMs")).isEqualTo(t.getLong("endsAt") - started.getLong("serverTime"));
      JsonObject pushed = watcher.next("room.timer");
      assertThat(pushed.getString("room")).isEqualTo(room);
      assertThat(pushed.getJsonObject("timer").getLong("endsAt")).isEqualTo(t.getLong("endsAt"));
      assertThat(pushed.getJsonObject("timer").getLong("remainingMs"))
          .isEqualTo(t.getLong("endsAt") - pushed.getLong("serverTime"));

      running.post(path, timer("start", 60)).expectError(409, "timer.running");
      running.post(path, timer("resume", null)).expectError(409, "timer.not_paused");

      JsonObject paused = running.post(path, timer("pause", null)).expect(200).getJsonObject("timer");
      assertThat(paused.getString("state")).isEqualTo("paused");
      assertThat(paused.getValue("endsAt")).isNull();
      assertThat(paused.getLong("remainingMs")).isBetween(590_000L, 600_000L);
      running.post(path, timer("pause", null)).expectError(409, "timer.not_running");

      JsonObject extended = running.post(path, timer("extend", 60)).expect(200).getJsonObject("timer");
      assertThat(extended.getLong("durationMs")).isEqualTo(660_000);
      assertThat(extended.getLong("remainingMs")).isEqualTo(paused.getLong("remainingMs") + 60_000);

      long beforeResume = System.currentTimeMillis();
      JsonObject resumed = running.post(path, timer("resume", null)).expect(200);
      assertThat(resumed.getJsonObject("timer").getString("state")).isEqualTo("running");
      assertThat(resumed.getJsonObject("timer").getLong("endsAt")).as("the time left when paused, from the moment it resumed")
          .isBetween(beforeResume + extended.getLong("remainingMs"), System.currentTimeMillis() + extended.getLong("remainingMs"));

      // A late joiner sees the timer as it runs.
      watcher.send(RoomLiveIT.join(room));
      JsonObject state = watcher.next(m -> m.getString("type").equals("room.state"), "room.state again");
      assertThat(state.getJsonObject("timer").getLong("endsAt")).isEqualTo(resumed.getJsonObject("timer").getLong("endsAt"));

      assertThat(running.post(path, timer("stop", null)).expect(200).getValue("timer")).isNull();
      running.post(path, timer("stop", null)).expectError(409, "timer.none");
      running.post(path, timer("extend", 10)).expectError(409, "timer.none");

      running.post(path, timer("start", 1)).expect(200);
      Poll.until(() -> "finished".equals(console(running, room).getJsonObject("timer").getString("state")), 10);
      JsonObject finished = console(running, room).getJsonObject("timer");
      assertThat(finished.getLong("remainingMs")).isZero();
      assertThat(running.post(path, timer("start", 120)).expect(200).getJsonObject("timer").getString("state"))
          .isEqualTo("running");
      assertThat(member.all()).noneMatch(m -> m.getString("type").equals("room.timer"));
    }
  }

  @Test
  void badTimerRequestsChangeNothing() {
    String room = newRoom(fixture, fixture.workshopId, "拒绝组");
    String other = newRoom(fixture, fixture.workshopId, "别人的组");
    String path = base() + "/rooms/" + room + "/timer";
    fixture.organiser.post(path, timer("start", 300)).expect(200);
    JsonObject before = console(fixture.organiser, room).getJsonObject("timer");

    fixture.organiser.post(path, timer("start", null)).expectError(400, "timer.seconds_required");
    fixture.organiser.post(path, timer("extend", 0)).expectError(400, "request.invalid");
    fixture.organiser.post(path, timer("extend", 86_401)).expectError(400, "request.invalid");
    fixture.organiser.post(path, new JsonObject().put("action", "rewind")).expectError(400, "request.invalid");
    as(fixture.tokens.get(0)).post(path, timer("stop", null)).expectError(403, "auth.forbidden");
    String facilitatorOfOther = invited(fixture, fixture.workshopId, "facilitator", other).getString("token");
    as(facilitatorOfOther).post(path, timer("stop", null)).expectError(403, "room.not_run");
    fixture.organiser.post(base() + "/rooms/r-nothing/timer", timer("stop", null)).expectError(404, "room.not_found");
    fixture.node.client(fixture.vertx).post(path, timer("stop", null)).expectError(401, "auth.missing");

    JsonObject foreign = fixture.organiser.post("/api/workshops", new JsonObject().put("title", "别的研讨")
        .put("rooms", new JsonArray().add(new JsonObject().put("name", "甲组")))).expect(201);
    JsonObject outsider = invited(fixture, foreign.getString("id"), "facilitator",
        foreign.getJsonArray("rooms").getJsonObject(0).getString("id"));
    as(outsider.getString("token")).post(path, timer("stop", null)).expectError(403, "auth.forbidden");
    as(outsider.getString("token")).post(base() + "/timer", timer("stop", null)).expectError(403, "auth.forbidden");

    JsonObject after = console(fixture.organiser, room).getJsonObject("timer");
    assertThat(after.getLong("endsAt")).isEqualTo(before.getLong("endsAt"));
    assertThat(after.getString("state")).isEqualTo("running");
  }

  @Test
  void aTimerForAllRoomsReachesTheRoomsTheCallerRuns() {
    JsonObject workshop = fixture.organiser.post("/api/workshops", new JsonObject().put("title", "全体计时")
        .put("rooms", new JsonArray().add(new JsonObject().put("name", "一组")).add(new JsonObject().put("name", "二组"))
            .add(new JsonObject().put("name", "三组")))).expect(201);
    String id = workshop.getString("id");
    JsonArray rooms = workshop.getJsonArray("rooms");
    String one = rooms.getJsonObject(0).getString("id");
    String two = rooms.getJsonObject(1).getString("id");
    String three = rooms.getJsonObject(2).getString("id");
    ApiClient facilitator = as(invited(fixture, id, "facilitator", one, two).getString("token"));

    JsonObject mine = facilitator.post("/api/workshops/" + id + "/timer", timer("start", 900)).expect(200);
    assertThat(mine.getJsonArray("timers").stream().map(t -> ((JsonObject) t).getString("room"))).containsExactly(one, two);
    assertThat(console(fixture.organiser, id, three).getValue("timer")).isNull();

    facilitator.post("/api/workshops/" + id + "/rooms/" + one + "/timer", timer("pause", null)).expect(200);
    JsonObject pauseAll = fixture.organiser.post("/api/workshops/" + id + "/timer", timer("pause", null)).expect(200);
    assertThat(pauseAll.getJsonArray("timers").stream().map(t -> ((JsonObject) t).getBoolean("applied")))
        .containsExactly(false, true, false);
    assertThat(console(fixture.organiser, id, two).getJsonObject("timer").getString("state")).isEqualTo("paused");
    fixture.organiser.post("/api/workshops/" + id + "/timer", timer("pause", null)).expectError(409, "timer.not_running");
    as(fixture.tokens.get(0)).post("/api/workshops/" + id + "/timer", timer("stop", null)).expectError(403, "auth.forbidden");
  }

  @Test
  void broadcastsReachOneRoomOrAllRooms() {
    String second = newRoom(fixture, fixture.workshopId, "广播二组");
    String facilitator = invited(fixture, fixture.workshopId, "facilitator", fixture.roomId, second).getString("token");
    try (RawSocket inFirst = joined(fixture, fixture.tokens.get(0), fixture.roomId);
         RawSocket inSecond = joined(fixture, facilitator, second)) {
      JsonObject one = as(facilitator).post(base() + "/broadcasts",
          new JsonObject().put("text", "  请各组十分钟后汇报  ").put("room", fixture.roomId)).expect(201);
      assertThat(one.getJsonArray("rooms")).containsExactly(fixture.roomId);
      JsonObject sent = inFirst.next("room.broadcast").getJsonObject("broadcast");
      assertThat(sent.getString("text")).isEqualTo("请各组十分钟后汇报");
      assertThat(sent.getString("id")).isEqualTo(one.getJsonObject("broadcast").getString("id"));
      assertThat(sent.getJsonObject("from").getString("role")).isEqualTo("facilitator");

      JsonObject all = as(facilitator).post(base() + "/broadcasts", new JsonObject().put("text", "Back in plenary at 3pm"))
          .expect(201);
      assertThat(all.getJsonArray("rooms").getList()).contains(fixture.roomId, second);
      assertThat(inFirst.next("room.broadcast").getJsonObject("broadcast").getString("text")).isEqualTo("Back in plenary at 3pm");
      assertThat(inSecond.next("room.broadcast").getJsonObject("broadcast").getString("text")).isEqualTo("Back in plenary at 3pm");
      assertThat(inSecond.all()).filteredOn(m -> m.getString("type").equals("room.broadcast")).hasSize(1);

      inSecond.send(RoomLiveIT.join(second));
      JsonObject state = inSecond.next(m -> m.getString("type").equals("room.state"), "room.state again");
      assertThat(state.getJsonObject("broadcast").getString("text")).isEqualTo("Back in plenary at 3pm");

      as(facilitator).post(base() + "/broadcasts", new JsonObject().put("text", "   ")).expectError(400, "request.invalid");
      as(facilitator).post(base() + "/broadcasts", new JsonObject().put("text", "长".repeat(1001))).expectError(400, "request.invalid");
      as(fixture.tokens.get(0)).post(base() + "/broadcasts", new JsonObject().put("text", "我也要广播")).expectError(403, "auth.forbidden");
      String notHis = newRoom(fixture, fixture.workshopId, "无关组");
      as(facilitator).post(base() + "/broadcasts", new JsonObject().put("text", "越权").put("room", notHis))
          .expectError(403, "room.not_run");
      assertThat(console(fixture.organiser, notHis).getJsonArray("hands")).isEmpty();
      inFirst.send(RoomLiveIT.join(fixture.roomId));
      assertThat(inFirst.next(m -> m.getString("type").equals("room.state"), "room.state again")
          .getJsonObject("broadcast").getString("text")).isEqualTo("Back in plenary at 3pm");
    }
  }

  @Test
  void closingARoomMakesItsDocumentsReadOnlyAtOnceAndReopeningWritable() {
    String room = newRoom(fixture, fixture.workshopId, "关闭组");
    String docId = "findings." + fixture.workshopId + "." + room;
    JsonObject member = fixture.join("关闭组成员");
    fixture.organiser.post(base() + "/rooms/" + room + "/members",
        new JsonObject().put("participantId", member.getString("participantId"))).expect(200);
    try (RawSocket writer = RawSocket.opened(fixture.vertx, fixture.node.port(), member.getString("token"), docId);
         RawSocket inRoom = joined(fixture, member.getString("token"), room)) {
      long rev = writer.all().stream().filter(m -> m.getString("type").equals("doc.snapshot")).findFirst().orElseThrow().getLong("rev");
      writer.send(op(docId, rev, "before-close", Delta.insert("关闭前")));
      assertThat(writer.next("doc.ack").getLong("rev")).isEqualTo(rev + 1);

      fixture.organiser.patch(base() + "/rooms/" + room, new JsonObject().put("status", "closed")).expect(200);
      writer.send(op(docId, rev + 1, "after-close", Delta.insert("关闭后")));
      JsonObject refused = writer.nextError();
      assertThat(refused.getString("code")).isEqualTo("doc.read_only");
      assertThat(refused.getString("ref")).isEqualTo("after-close");
      JsonObject updated = inRoom.next("room.updated");
      assertThat(updated.getBoolean("open")).isFalse();
      assertThat(updated.getString("name")).isEqualTo("关闭组");

      fixture.organiser.patch(base() + "/rooms/" + room, new JsonObject().put("status", "open").put("question", "如何落实？"))
          .expect(200);
      writer.send(op(docId, rev + 1, "after-reopen", Delta.insert("重开后")));
      assertThat(writer.next("doc.ack").getLong("rev")).isEqualTo(rev + 2);
      JsonObject reopened = inRoom.next("room.updated");
      assertThat(reopened.getBoolean("open")).isTrue();
      assertThat(reopened.getString("question")).isEqualTo("如何落实？");
    }
  }

  @Test
  void consoleCountsWordsPeopleHandsAndTimers() {
    String room = newRoom(fixture, fixture.workshopId, "控制台组");
    String docId = "findings." + fixture.workshopId + "." + room;
    JsonObject member = fixture.join("控制台成员");
    fixture.organiser.post(base() + "/rooms/" + room + "/members",
        new JsonObject().put("participantId", member.getString("participantId"))).expect(200);
    String facilitator = invited(fixture, fixture.workshopId, "facilitator", room).getString("token");
    JsonObject empty = console(as(facilitator), room);
    assertThat(empty.getInteger("words")).as("nobody opened the findings yet").isZero();
    assertThat(empty.getInteger("members")).isEqualTo(1);
    assertThat(empty.getInteger("online")).isZero();
    assertThat(empty.getString("status")).isEqualTo("open");

    long start = System.currentTimeMillis();
    try (RawSocket writer = RawSocket.opened(fixture.vertx, fixture.node.port(), member.getString("token"), docId);
         RawSocket inRoom = joined(fixture, member.getString("token"), room)) {
      long rev = writer.all().stream().filter(m -> m.getString("type").equals("doc.snapshot")).findFirst().orElseThrow().getLong("rev");
      writer.send(op(docId, rev, "words", Delta.insert("提高教学质量 and don't stop learning 2024.")));
      writer.next("doc.ack");
      inRoom.send(new JsonObject().put("type", "hand.raise").put("room", room));
      inRoom.next("room.hands");
      as(facilitator).post(base() + "/rooms/" + room + "/timer", timer("start", 300)).expect(200);

      JsonObject now = console(as(facilitator), room);
      assertThat(now.getInteger("words")).as("the headings 教学, 科研, 决策咨询, then 6 characters and 5 words")
          .isEqualTo(8 + 6 + 5);
      assertThat(now.getInteger("online")).isEqualTo(1);
      assertThat(now.getJsonArray("present").getJsonObject(0).getString("id")).isEqualTo(member.getString("participantId"));
      assertThat(now.getJsonArray("hands").getJsonObject(0).getString("name")).isEqualTo("控制台成员");
      assertThat(now.getJsonObject("timer").getString("state")).isEqualTo("running");
      assertThat(now.getLong("lastActivity")).isBetween(start, System.currentTimeMillis());
    }
    as(fixture.tokens.get(0)).get(base() + "/console").expectError(403, "auth.forbidden");
  }

  static JsonObject console(ApiClient client, String roomId) {
    return console(client, fixture.workshopId, roomId);
  }

  static JsonObject console(ApiClient client, String workshopId, String roomId) {
    JsonObject overview = client.get("/api/workshops/" + workshopId + "/console").expect(200);
    return overview.getJsonArray("rooms").stream().map(r -> (JsonObject) r)
        .filter(r -> r.getString("id").equals(roomId)).findFirst().orElseThrow();
  }

  static JsonObject op(String docId, long rev, String id, Delta delta) {
    return new JsonObject().put("type", "doc.op").put("doc", docId).put("rev", rev).put("id", id)
        .put("delta", new JsonObject(DeltaJson.toJsonString(delta)));
  }
}
