package org.yantao.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.RawSocket;

/** Seating everyone at once: even rooms, colleges spread out, capacities kept. */
class AssignmentIT {
  @RegisterExtension
  static final LiveFixture fixture = LiveFixture.withMembers(0);

  private record Seminar(String id, List<String> rooms, Map<String, String> organisationOf, Map<String, String> tokens) {}

  private static Seminar seminar(List<Integer> capacities, List<String> organisations) {
    JsonArray rooms = new JsonArray();
    for (int i = 0; i < capacities.size(); i++) {
      JsonObject room = new JsonObject().put("name", "第" + (i + 1) + "组");
      rooms.add(capacities.get(i) == null ? room : room.put("capacity", capacities.get(i)));
    }
    JsonObject w = fixture.organiser.post("/api/workshops", new JsonObject().put("title", "分组研讨").put("rooms", rooms)).expect(201);
    Map<String, String> organisationOf = new HashMap<>();
    Map<String, String> tokens = new HashMap<>();
    for (int i = 0; i < organisations.size(); i++) {
      JsonObject joined = fixture.node.client(fixture.vertx).post("/api/join", new JsonObject().put("joinCode", w.getString("joinCode"))
          .put("name", "学员" + i).put("organisation", organisations.get(i))).expect(201);
      organisationOf.put(joined.getString("participantId"), organisations.get(i));
      tokens.put(joined.getString("participantId"), joined.getString("token"));
    }
    return new Seminar(w.getString("id"), w.getJsonArray("rooms").stream().map(r -> ((JsonObject) r).getString("id")).toList(),
        organisationOf, tokens);
  }

  private static List<List<String>> members(JsonObject workshop) {
    return workshop.getJsonArray("rooms").stream()
        .map(r -> ((JsonObject) r).getJsonArray("members").stream().map(String.class::cast).toList()).toList();
  }

  @Test
  void spreadsEachOrganisationOverTheRoomsAndTellsEveryone() {
    Seminar s = seminar(java.util.Arrays.asList(null, null, null),
        List.of("北京党校", "北京党校", "北京党校", "上海党校", "上海党校", "上海党校", "广东党校", "广东党校", "广东党校", "四川党校"));
    String someone = s.tokens().keySet().iterator().next();
    try (RawSocket browser = RawSocket.hello(fixture.vertx, fixture.node.port(), s.tokens().get(someone))) {
      JsonObject seated = fixture.organiser.post("/api/workshops/" + s.id() + "/assignments",
          new JsonObject().put("strategy", "balanced").put("seed", 7)).expect(200);
      List<List<String>> rooms = members(seated);
      assertThat(rooms.stream().map(List::size)).containsExactlyInAnyOrder(4, 3, 3);
      assertThat(rooms.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(s.organisationOf().keySet());
      for (List<String> room : rooms) {
        assertThat(room.stream().map(s.organisationOf()::get).filter(o -> !o.equals("四川党校")).distinct().count())
            .as("each room has one of each college of three").isEqualTo(3);
      }
      String roomOfSomeone = s.rooms().get(rooms.indexOf(rooms.stream().filter(r -> r.contains(someone)).findFirst().orElseThrow()));
      assertThat(browser.next("me.assigned").getString("room")).isEqualTo(roomOfSomeone);

      JsonObject again = fixture.organiser.post("/api/workshops/" + s.id() + "/assignments",
          new JsonObject().put("strategy", "balanced").put("seed", 7)).expect(200);
      assertThat(members(again)).as("the same seed seats the same way").isEqualTo(rooms);
    }
  }

  @Test
  void respectsCapacitiesAndRefusesWhatCannotBeSeated() {
    Seminar s = seminar(java.util.Arrays.asList(2, 2, null), List.of("甲", "甲", "甲", "乙", "乙", "丙", "丙", "丁", "戊"));
    JsonObject seated = fixture.organiser.post("/api/workshops/" + s.id() + "/assignments",
        new JsonObject().put("strategy", "balanced")).expect(200);
    assertThat(members(seated).stream().map(List::size)).containsExactly(2, 2, 5);

    Seminar tooMany = seminar(List.of(2, 2), List.of("甲", "乙", "丙", "丁", "戊"));
    String before = fixture.organiser.get("/api/workshops/" + tooMany.id()).expect(200).getJsonArray("rooms").encode();
    fixture.organiser.post("/api/workshops/" + tooMany.id() + "/assignments", new JsonObject().put("strategy", "balanced"))
        .expectError(409, "assignment.capacity");
    fixture.organiser.post("/api/workshops/" + tooMany.id() + "/assignments", new JsonObject().put("strategy", "random"))
        .expectError(400, "request.invalid");
    fixture.node.client(fixture.vertx).withToken(tooMany.tokens().values().iterator().next())
        .post("/api/workshops/" + tooMany.id() + "/assignments", new JsonObject().put("strategy", "balanced"))
        .expectError(403, "auth.forbidden");
    for (String room : tooMany.rooms()) {
      fixture.organiser.patch("/api/workshops/" + tooMany.id() + "/rooms/" + room, new JsonObject().put("status", "closed")).expect(200);
    }
    fixture.organiser.post("/api/workshops/" + tooMany.id() + "/assignments", new JsonObject().put("strategy", "balanced"))
        .expectError(409, "assignment.no_open_rooms");
    JsonArray after = fixture.organiser.get("/api/workshops/" + tooMany.id()).expect(200).getJsonArray("rooms");
    assertThat(after.stream().map(r -> ((JsonObject) r).getJsonArray("members").encode())).containsOnly("[]");
    assertThat(before).contains("\"members\":[]");
  }
}
