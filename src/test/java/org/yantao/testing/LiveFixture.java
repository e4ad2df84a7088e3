package org.yantao.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.yantao.Yantao;
import org.yantao.config.AppConfig;

/**
 * A running node with a workshop of one room for co-editing tests: its own data directory and
 * Hazelcast cluster, members who joined by code and were assigned to the room, and their tokens.
 */
public final class LiveFixture implements AutoCloseable {
  public final Yantao node;
  public final Vertx vertx = Vertx.vertx();
  public final WebClient http = WebClient.create(vertx);
  public String workshopId;
  public String joinCode;
  public String roomId;
  public String docId;
  public final List<String> tokens = new ArrayList<>();
  public final List<String> participantIds = new ArrayList<>();

  private LiveFixture(Yantao node) {
    this.node = node;
  }

  public static AppConfig config(Path dataDir) {
    return AppConfig.load(Map.of("YANTAO_DATA_DIR", dataDir.toString(), "YANTAO_PORT", "0"))
        .withCluster("test-" + UUID.randomUUID(), List.of(), 5701);
  }

  /** A node on a fresh data directory with one room of {@code members} participants. */
  public static LiveFixture start(int members) throws Exception {
    LiveFixture fixture = new LiveFixture(Yantao.start(config(Files.createTempDirectory("yantao-live"))));
    fixture.createRoom(members);
    return fixture;
  }

  private void createRoom(int members) {
    JsonObject workshop = post("/api/workshops", node.organiserKey(), new JsonObject().put("title", "研讨 co-editing")
        .put("rooms", new JsonArray().add(new JsonObject().put("name", "第一组"))));
    workshopId = workshop.getString("id");
    joinCode = workshop.getString("joinCode");
    roomId = workshop.getJsonArray("rooms").getJsonObject(0).getString("id");
    docId = workshop.getJsonArray("rooms").getJsonObject(0).getString("findingsDoc");
    for (int i = 0; i < members; i++) {
      JsonObject joined = join("成员" + i);
      post("/api/workshops/" + workshopId + "/rooms/" + roomId + "/members", node.organiserKey(),
          new JsonObject().put("participantId", joined.getString("participantId")));
      tokens.add(joined.getString("token"));
      participantIds.add(joined.getString("participantId"));
    }
  }

  /** Joins the workshop without being assigned to any room. */
  public JsonObject join(String name) {
    return post("/api/join", null, new JsonObject().put("joinCode", joinCode).put("name", name).put("organisation", "测试党校"));
  }

  public JsonObject post(String path, String token, JsonObject body) {
    var request = http.post(node.port(), "127.0.0.1", path);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    var response = request.sendJsonObject(body).await(30, TimeUnit.SECONDS);
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  /** A connected editor with the room's document open, for the member at {@code index}. */
  public CoEditor editor(int index) {
    return editor(tokens.get(index));
  }

  public CoEditor editor(String token) {
    CoEditor editor = new CoEditor(node.port(), token, docId);
    vertx.deployVerticle(editor).await(30, TimeUnit.SECONDS);
    return editor;
  }

  /** The server's text, read by opening the document afresh. */
  public String serverText() {
    CoEditor reader = editor(node.organiserKey());
    try {
      return reader.text().await(30, TimeUnit.SECONDS);
    } finally {
      vertx.undeploy(reader.deploymentID()).await(30, TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() {
    vertx.close().await(30, TimeUnit.SECONDS);
    node.close();
  }
}
