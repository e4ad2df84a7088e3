package org.yantao.bench;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.yantao.testing.ApiClient;
import org.yantao.testing.Reply;

/** The workshop a load run works in, created through the REST API as an organiser would. */
final class LoadWorkshop {
  /** One room: its findings document and the tokens of the participants assigned to it. */
  record Room(String id, String docId, List<String> tokens) {}

  private LoadWorkshop() {}

  /**
   * Creates a workshop of {@code rooms} rooms and has {@code participants} people join each one.
   * Rooms are added one request each, as a workshop's creation takes only a few of them inline.
   */
  static List<Room> create(ApiClient organiser, ApiClient anonymous, int rooms, int participants) {
    JsonObject workshop = expect(organiser.send(HttpMethod.POST, "/api/workshops",
        new JsonObject().put("title", "负载测试 load test")), 201).await();
    String workshopPath = "/api/workshops/" + workshop.getString("id");
    String joinCode = workshop.getString("joinCode");
    List<Future<Room>> created = new ArrayList<>();
    for (int r = 0; r < rooms; r++) {
      String roomName = "第" + (r + 1) + "组";
      created.add(expect(organiser.send(HttpMethod.POST, workshopPath + "/rooms", new JsonObject().put("name", roomName)), 201)
          .compose(room -> fill(organiser, anonymous, joinCode, workshopPath, room, roomName, participants)));
    }
    return Future.all(created).await().list();
  }

  /** People within a room join one after another, so that thousands of joins never queue up at once. */
  private static Future<Room> fill(ApiClient organiser, ApiClient anonymous, String joinCode, String workshopPath,
      JsonObject room, String roomName, int participants) {
    String membersPath = workshopPath + "/rooms/" + room.getString("id") + "/members";
    List<String> tokens = new ArrayList<>();
    Future<Void> joined = Future.succeededFuture();
    for (int p = 0; p < participants; p++) {
      String name = roomName + " 成员" + (p + 1);
      joined = joined.compose(v -> join(organiser, anonymous, joinCode, name, membersPath)).map(token -> {
        tokens.add(token);
        return null;
      });
    }
    return joined.map(v -> new Room(room.getString("id"), room.getString("findingsDoc"), tokens));
  }

  private static Future<String> join(ApiClient organiser, ApiClient anonymous, String joinCode, String name, String membersPath) {
    return expect(anonymous.send(HttpMethod.POST, "/api/join",
        new JsonObject().put("joinCode", joinCode).put("name", name).put("organisation", "负载测试")), 201)
        .compose(joined -> expect(organiser.send(HttpMethod.POST, membersPath,
            new JsonObject().put("participantId", joined.getString("participantId"))), 200)
            .map(assigned -> joined.getString("token")));
  }

  private static Future<JsonObject> expect(Future<Reply> reply, int status) {
    return reply.compose(r -> r.status() == status
        ? Future.succeededFuture(r.json())
        : Future.failedFuture(new IllegalStateException("Expected HTTP " + status + " but got " + r.status() + ": " + r.body())));
  }
}
