package org.yantao.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yantao.testing.ApiClient;
import org.yantao.testing.CoEditor;
import org.yantao.testing.FindingsEdits;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.RawSocket;
import org.yantao.text.Delta;

/**
 * A workshop built the way people build one: the organiser creates it over REST, people join with
 * the code and are seated, facilitators join by invitation, findings are typed over the WebSocket
 * and ideas posted and voted on over the board protocol.
 */
final class LiveSeminar {
  record Person(String id, String token, String organisation) {}

  record SeminarRoom(String id, String name, String docId, Person facilitator, List<Person> members) {}

  /** A room to create: its name, the themes it works on (names) and its members' organisations. */
  record RoomSpec(String name, List<String> themes, List<String> organisations) {}

  final LiveFixture fixture;
  final String workshopId;
  final String title;
  final String joinCode;
  final List<SeminarRoom> rooms = new ArrayList<>();

  private LiveSeminar(LiveFixture fixture, String workshopId, String title, String joinCode) {
    this.fixture = fixture;
    this.workshopId = workshopId;
    this.title = title;
    this.joinCode = joinCode;
  }

  static LiveSeminar create(LiveFixture fixture, String title, List<RoomSpec> specs) {
    JsonArray rooms = new JsonArray();
    specs.forEach(s -> rooms.add(new JsonObject().put("name", s.name()).put("themes", new JsonArray(s.themes()))));
    JsonObject workshop = fixture.organiser.post("/api/workshops",
        new JsonObject().put("title", title).put("rooms", rooms)).expect(201);
    LiveSeminar seminar = new LiveSeminar(fixture, workshop.getString("id"), title, workshop.getString("joinCode"));
    for (int i = 0; i < specs.size(); i++) {
      JsonObject room = workshop.getJsonArray("rooms").getJsonObject(i);
      String roomId = room.getString("id");
      Person facilitator = seminar.invited("facilitator", roomId, "主持人" + i, "测试党校");
      List<Person> members = new ArrayList<>();
      for (String organisation : specs.get(i).organisations()) {
        Person member = seminar.join("学员" + members.size(), organisation);
        fixture.organiser.post(seminar.path("/rooms/" + roomId + "/members"),
            new JsonObject().put("participantId", member.id())).expect(200);
        members.add(member);
      }
      seminar.rooms.add(new SeminarRoom(roomId, room.getString("name"), room.getString("findingsDoc"), facilitator, members));
    }
    return seminar;
  }

  String path(String rest) {
    return "/api/workshops/" + workshopId + rest;
  }

  String reportDoc() {
    return "report." + workshopId;
  }

  SeminarRoom room(int index) {
    return rooms.get(index);
  }

  Person join(String name, String organisation) {
    JsonObject joined = fixture.node.client(fixture.vertx).post("/api/join",
        new JsonObject().put("joinCode", joinCode).put("name", name).put("organisation", organisation)).expect(201);
    return new Person(joined.getString("participantId"), joined.getString("token"), organisation);
  }

  Person invited(String role, String roomId, String name, String organisation) {
    JsonObject invitation = fixture.organiser.post(path("/invitations"),
        new JsonObject().put("role", role).put("rooms", new JsonArray().add(roomId))).expect(201);
    JsonObject joined = fixture.node.client(fixture.vertx).post("/api/join", new JsonObject()
        .put("invitation", invitation.getString("code")).put("name", name).put("organisation", organisation)).expect(201);
    return new Person(joined.getString("participantId"), joined.getString("token"), organisation);
  }

  ApiClient as(Person person) {
    return fixture.node.client(fixture.vertx).withToken(person.token());
  }

  /**
   * Types {@code lines} into {@code docId} right after the line {@code heading} (the empty line a
   * new findings document has under each theme heading ends up after them), as {@code person},
   * and returns once the server acknowledged every keystroke.
   */
  void typeUnder(Person person, String docId, String heading, Delta lines) {
    CoEditor editor = fixture.editor(person.token(), docId);
    try {
      LiveFixture.await(editor.edit(doc -> FindingsEdits.under(doc, heading, lines)));
      LiveFixture.await(editor.synced());
    } finally {
      fixture.disconnect(editor);
    }
  }

  /** Posts an idea on the room's board and returns its id. */
  String idea(Person author, SeminarRoom room, String text, String theme) {
    try (RawSocket ws = board(author, room)) {
      ws.send(new JsonObject().put("type", "idea.add").put("room", room.id()).put("id", "c-" + UUID.randomUUID())
          .put("text", text).put("theme", theme).put("anonymous", false));
      return ws.next("idea.added").getJsonObject("idea").getString("id");
    }
  }

  void vote(Person voter, SeminarRoom room, String ideaId) {
    try (RawSocket ws = board(voter, room)) {
      ws.send(new JsonObject().put("type", "idea.vote").put("room", room.id()).put("idea", ideaId).put("id", "v-" + UUID.randomUUID()));
      ws.next("board.votes");
    }
  }

  private RawSocket board(Person person, SeminarRoom room) {
    RawSocket ws = RawSocket.hello(fixture.vertx, fixture.node.port(), person.token());
    ws.send(new JsonObject().put("type", "board.open").put("room", room.id()));
    ws.next("board.snapshot");
    return ws;
  }

  /** The report's lines as the organiser opening it now sees them. */
  List<Line> reportLines() {
    return lines(fixture.node.organiserKey(), reportDoc());
  }

  List<Line> lines(String token, String docId) {
    try (RawSocket ws = RawSocket.hello(fixture.vertx, fixture.node.port(), token)) {
      ws.send(new JsonObject().put("type", "doc.open").put("doc", docId));
      return Line.of(ws.next("doc.snapshot").getJsonObject("delta"));
    }
  }

  /** One line of a document with its block attributes (those on its "\n"). */
  record Line(String text, JsonObject attributes) {
    static List<Line> of(JsonObject delta) {
      List<Line> lines = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (Object item : delta.getJsonArray("ops")) {
        JsonObject op = (JsonObject) item;
        String insert = op.getString("insert");
        JsonObject attributes = op.getJsonObject("attributes", new JsonObject());
        int from = 0;
        int newline;
        while ((newline = insert.indexOf('\n', from)) >= 0) {
          text.append(insert, from, newline);
          lines.add(new Line(text.toString(), attributes));
          text.setLength(0);
          from = newline + 1;
        }
        text.append(insert.substring(from));
      }
      return lines;
    }

    Integer header() {
      return attributes.getInteger("header");
    }

    String provenance() {
      return attributes.getString("provenance");
    }

    boolean fresh() {
      return attributes.getBoolean("fresh", false);
    }
  }

  static Map<String, Object> attrs(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
