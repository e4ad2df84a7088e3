package org.yantao;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yantao.testing.ApiClient;
import org.yantao.testing.Reply;
import org.yantao.testing.ServerProcess;

/**
 * The packaged server, killed the hard way: whatever it acknowledged before dying must be there
 * when it starts again on the same data directory.
 */
@ExtendWith(VertxExtension.class)
class CrashIT {
  private static final String ORGANISER_KEY = "crash-test-organiser-key";
  private static final int WRITES = 200;
  /** Kill while the last quarter of the batch is still in flight, so some writes are cut off mid-way. */
  private static final int KILL_AFTER_ACKNOWLEDGED = 150;

  @TempDir
  Path dataDir;

  private Map<String, String> settings() {
    return Map.of(
        "YANTAO_DATA_DIR", dataDir.toString(),
        "YANTAO_CLUSTER_NAME", "test-" + UUID.randomUUID(),
        "YANTAO_ORGANISER_KEY", ORGANISER_KEY);
  }

  private record Workshop(String id, String title) {}

  private record Room(String workshopId, String id) {}

  private record Participant(String workshopId, String id, String token) {}

  @Test
  void everyAcknowledgedWriteSurvivesSigkill(Vertx vertx) throws Exception {
    Queue<Workshop> workshops = new ConcurrentLinkedQueue<>();
    Queue<Room> rooms = new ConcurrentLinkedQueue<>();
    Queue<Participant> participants = new ConcurrentLinkedQueue<>();
    Queue<Reply> refused = new ConcurrentLinkedQueue<>();
    List<Workshop> targets = new ArrayList<>();

    try (ServerProcess server = ServerProcess.start(vertx, settings())) {
      ApiClient organiser = server.client(vertx).withToken(ORGANISER_KEY);
      List<String> joinCodes = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        JsonObject w = organiser.post("/api/workshops", new JsonObject().put("title", "Target " + i)).expect(201);
        targets.add(new Workshop(w.getString("id"), w.getString("title")));
        joinCodes.add(w.getString("joinCode"));
      }

      AtomicInteger acknowledged = new AtomicInteger();
      List<Future<Void>> batch = new ArrayList<>();
      for (int i = 0; i < WRITES; i++) {
        Workshop target = targets.get(i % targets.size());
        String code = joinCodes.get(i % targets.size());
        Future<Void> write = switch (i % 4) {
          case 0 -> {
            String title = "Crash " + i;
            yield organiser.send(HttpMethod.POST, "/api/workshops", new JsonObject().put("title", title))
                .map(r -> r.status() == 201 ? workshops.add(new Workshop(r.json().getString("id"), title)) : refused.add(r))
                .mapEmpty();
          }
          case 1 -> organiser.send(HttpMethod.POST, "/api/workshops/" + target.id() + "/rooms", new JsonObject().put("name", "Room " + i))
              .map(r -> r.status() == 201 ? rooms.add(new Room(target.id(), r.json().getString("id"))) : refused.add(r))
              .mapEmpty();
          default -> organiser.withoutToken().send(HttpMethod.POST, "/api/join",
                  new JsonObject().put("joinCode", code).put("name", "P" + i).put("organisation", "Org"))
              .map(r -> r.status() == 201
                  ? participants.add(new Participant(target.id(), r.json().getString("participantId"), r.json().getString("token")))
                  : refused.add(r))
              .mapEmpty();
        };
        batch.add(write
            .onSuccess(x -> {
              if (acknowledged.incrementAndGet() == KILL_AFTER_ACKNOWLEDGED) {
                server.killNow();
              }
            })
            .otherwiseEmpty());
      }
      Future.all(batch).await(60, TimeUnit.SECONDS);
      server.awaitExit(Duration.ofSeconds(30));
    }

    assertThat(refused).as("writes the server refused instead of acknowledging").isEmpty();
    assertThat(workshops.size() + rooms.size() + participants.size()).isGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED);

    try (ServerProcess restarted = ServerProcess.start(vertx, settings())) {
      ApiClient organiser = restarted.client(vertx).withToken(ORGANISER_KEY);
      Set<Workshop> stored = organiser.get("/api/workshops").expect(200).getJsonArray("workshops").stream()
          .map(w -> new Workshop(((JsonObject) w).getString("id"), ((JsonObject) w).getString("title")))
          .collect(Collectors.toSet());
      assertThat(stored).containsAll(targets).containsAll(workshops);

      for (Workshop target : targets) {
        JsonObject workshop = organiser.get("/api/workshops/" + target.id()).expect(200);
        assertThat(ids(workshop.getJsonArray("rooms")))
            .containsAll(rooms.stream().filter(r -> r.workshopId().equals(target.id())).map(Room::id).toList());
        assertThat(ids(organiser.get("/api/workshops/" + target.id() + "/participants").expect(200).getJsonArray("participants")))
            .containsAll(participants.stream().filter(p -> p.workshopId().equals(target.id())).map(Participant::id).toList());
      }
      for (Participant p : participants) {
        JsonObject me = organiser.withToken(p.token()).get("/api/me").expect(200);
        assertThat(me.getJsonObject("participant").getString("id")).isEqualTo(p.id());
      }
    }
  }

  @Test
  void sigtermStopsCleanlyAndKeepsEverything(Vertx vertx) throws Exception {
    String workshopId;
    String roomId;
    String participantId;
    String token;
    try (ServerProcess server = ServerProcess.start(vertx, settings())) {
      ApiClient organiser = server.client(vertx).withToken(ORGANISER_KEY);
      JsonObject created = organiser.post("/api/workshops", new JsonObject().put("title", "优雅退出")
          .put("rooms", new JsonArray().add(new JsonObject().put("name", "第一组")))).expect(201);
      workshopId = created.getString("id");
      roomId = created.getJsonArray("rooms").getJsonObject(0).getString("id");
      JsonObject joined = server.client(vertx).post("/api/join", new JsonObject().put("joinCode", created.getString("joinCode"))
          .put("name", "张").put("organisation", "开放大学")).expect(201);
      participantId = joined.getString("participantId");
      token = joined.getString("token");
      organiser.post("/api/workshops/" + workshopId + "/rooms/" + roomId + "/members",
          new JsonObject().put("participantId", participantId)).expect(200);

      assertThat(server.stop(Duration.ofSeconds(30))).as("exit code after SIGTERM").isZero();
    }

    try (ServerProcess restarted = ServerProcess.start(vertx, settings())) {
      JsonObject workshop = restarted.client(vertx).withToken(ORGANISER_KEY).get("/api/workshops/" + workshopId).expect(200);
      assertThat(workshop.getString("title")).isEqualTo("优雅退出");
      assertThat(workshop.getJsonArray("rooms").getJsonObject(0).getJsonArray("members")).containsExactly(participantId);
      JsonObject me = restarted.client(vertx).withToken(token).get("/api/me").expect(200);
      assertThat(me.getJsonObject("room").getString("id")).isEqualTo(roomId);
    }
  }

  private static List<String> ids(JsonArray items) {
    return items.stream().map(item -> ((JsonObject) item).getString("id")).toList();
  }
}
