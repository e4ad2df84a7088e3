package org.yantao;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yantao.config.AppConfig;
import org.yantao.testing.ApiClient;
import org.yantao.testing.PostgresSchema;
import org.yantao.testing.TestNode;

/**
 * A full stop and start loses nothing: Hazelcast starts empty and everything comes back from the
 * database. The same story runs on the embedded H2 file and on PostgreSQL.
 */
@ExtendWith(VertxExtension.class)
class RestartIT {

  enum Store { H2, POSTGRESQL }

  @TempDir
  Path dataDir;

  @ParameterizedTest
  @EnumSource(Store.class)
  void everythingCreatedBeforeAStopIsThereAfterTheNextStart(Store store, Vertx vertx) throws Exception {
    try (StoreUnderTest database = StoreUnderTest.of(store)) {
      AppConfig config = database.configure(TestNode.config(dataDir));

      String organiserKey;
      String workshopId;
      String joinCode;
      String roomB;
      String unusedInvitation;
      JsonObject workshopBefore;
      JsonArray participantsBefore;
      Map<String, JsonObject> meBefore = new LinkedHashMap<>();
      try (TestNode first = TestNode.start(config)) {
        organiserKey = first.organiserKey();
        ApiClient organiser = first.organiser(vertx);
        ApiClient anonymous = first.client(vertx);

        JsonObject created = organiser.post("/api/workshops", new JsonObject().put("title", "重启之前")
            .put("description", "两天的研讨")
            .put("themes", new JsonArray().add(new JsonObject().put("name", "教学")).add(new JsonObject().put("name", "科研")))
            .put("rooms", new JsonArray()
                .add(new JsonObject().put("name", "第一组").put("theme", "教学").put("question", "核心问题").put("capacity", 5))
                .add(new JsonObject().put("name", "第二组")))).expect(201);
        workshopId = created.getString("id");
        joinCode = created.getString("joinCode");
        String roomA = created.getJsonArray("rooms").getJsonObject(0).getString("id");
        roomB = created.getJsonArray("rooms").getJsonObject(1).getString("id");
        String roomC = organiser.post("/api/workshops/" + workshopId + "/rooms",
            new JsonObject().put("name", "第三组").put("theme", "科研")).expect(201).getString("id");
        organiser.patch("/api/workshops/" + workshopId + "/rooms/" + roomC, new JsonObject().put("status", "closed")).expect(200);
        organiser.patch("/api/workshops/" + workshopId, new JsonObject().put("title", "重启测试")).expect(200);

        List<String> tokens = new ArrayList<>();
        for (String name : List.of("张", "王", "李")) {
          JsonObject joined = anonymous.post("/api/join", new JsonObject().put("joinCode", joinCode)
              .put("name", name).put("organisation", "开放大学")).expect(201);
          tokens.add(joined.getString("token"));
          String room = name.equals("李") ? roomB : roomA;
          organiser.post("/api/workshops/" + workshopId + "/rooms/" + room + "/members",
              new JsonObject().put("participantId", joined.getString("participantId"))).expect(200);
        }
        String invitation = organiser.post("/api/workshops/" + workshopId + "/invitations",
            new JsonObject().put("rooms", new JsonArray().add(roomA))).expect(201).getString("code");
        tokens.add(anonymous.post("/api/join", new JsonObject().put("invitation", invitation)
            .put("name", "主持人").put("organisation", "研究院")).expect(201).getString("token"));
        unusedInvitation = organiser.post("/api/workshops/" + workshopId + "/invitations",
            new JsonObject().put("rooms", new JsonArray().add(roomB))).expect(201).getString("code");

        workshopBefore = organiser.get("/api/workshops/" + workshopId).expect(200);
        participantsBefore = organiser.get("/api/workshops/" + workshopId + "/participants").expect(200).getJsonArray("participants");
        for (String token : tokens) {
          meBefore.put(token, anonymous.withToken(token).get("/api/me").expect(200));
        }
      }

      assertThat(workshopBefore.getJsonArray("rooms")).hasSize(3);
      assertThat(participantsBefore).hasSize(4);

      try (TestNode second = TestNode.start(config.withCluster("test-" + UUID.randomUUID(), List.of(), AppConfig.DEFAULT_CLUSTER_PORT))) {
        ApiClient organiser = second.organiser(vertx);
        ApiClient anonymous = second.client(vertx);

        assertThat(second.organiserKey()).isEqualTo(organiserKey);
        assertThat(Files.readString(dataDir.resolve("organiser.key"), StandardCharsets.UTF_8).trim()).isEqualTo(organiserKey);
        assertThat(organiser.get("/api/workshops").expect(200).getJsonArray("workshops").stream()
            .map(w -> ((JsonObject) w).getString("id"))).containsExactly(workshopId);
        assertThat(organiser.get("/api/workshops/" + workshopId).expect(200)).isEqualTo(workshopBefore);
        assertThat(organiser.get("/api/workshops/" + workshopId + "/participants").expect(200).getJsonArray("participants"))
            .isEqualTo(participantsBefore);
        for (Map.Entry<String, JsonObject> me : meBefore.entrySet()) {
          assertThat(anonymous.withToken(me.getKey()).get("/api/me").expect(200)).isEqualTo(me.getValue());
        }

        JsonObject facilitator = anonymous.post("/api/join", new JsonObject().put("invitation", unusedInvitation)
            .put("name", "第二位主持").put("organisation", "研究院")).expect(201);
        assertThat(anonymous.withToken(facilitator.getString("token")).get("/api/me").expect(200)
            .getJsonArray("facilitates").getJsonObject(0).getString("id")).isEqualTo(roomB);
        String latecomer = anonymous.post("/api/join", new JsonObject().put("joinCode", joinCode.toLowerCase())
            .put("name", "迟到者").put("organisation", "开放大学")).expect(201).getString("participantId");
        assertThat(organiser.post("/api/workshops/" + workshopId + "/rooms/" + roomB + "/members",
            new JsonObject().put("participantId", latecomer)).expect(200).getJsonArray("members")).hasSize(2);
      }
    }
  }

  /** Where a run keeps its data: H2 in the data directory, or a fresh PostgreSQL schema dropped afterwards. */
  private interface StoreUnderTest extends AutoCloseable {
    AppConfig configure(AppConfig config);

    @Override
    default void close() throws Exception {}

    static StoreUnderTest of(Store store) throws Exception {
      if (store == Store.H2) {
        return config -> config;
      }
      PostgresSchema schema = PostgresSchema.create("restart_it");
      return new StoreUnderTest() {
        @Override
        public AppConfig configure(AppConfig config) {
          return schema.configure(config);
        }

        @Override
        public void close() throws Exception {
          schema.close();
        }
      };
    }
  }
}
