package org.yantao.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yantao.Yantao;
import org.yantao.testing.ApiClient;
import org.yantao.testing.InJvmCluster;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.RawSocket;

/** One room, people connected to two members of a cluster: each sees what happens on the other. */
class RoomClusterIT {
  private static final String ORGANISER_KEY = "room-cluster-organiser-key";

  @TempDir
  Path dataDir;

  private final Vertx vertx = Vertx.vertx();
  private final List<Yantao> members = new ArrayList<>();

  @AfterEach
  void stop() {
    LiveFixture.await(vertx.close());
    members.forEach(Yantao::close);
  }

  @Test
  void presenceTimersAndTheDeathOfAMemberAreSeenAcrossTheCluster() throws Exception {
    members.addAll(InJvmCluster.start(dataDir, ORGANISER_KEY, 2));

    ApiClient organiser = ApiClient.create(vertx, "127.0.0.1", members.get(0).port()).withToken(ORGANISER_KEY);
    JsonObject workshop = organiser.post("/api/workshops", new JsonObject().put("title", "集群分组")
        .put("rooms", new JsonArray().add(new JsonObject().put("name", "第一组")))).expect(201);
    String workshopId = workshop.getString("id");
    String roomId = workshop.getJsonArray("rooms").getJsonObject(0).getString("id");
    List<String> tokens = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      JsonObject joined = ApiClient.create(vertx, "127.0.0.1", members.get(1).port()).post("/api/join",
          new JsonObject().put("joinCode", workshop.getString("joinCode")).put("name", "成员" + i).put("organisation", "党校"))
          .expect(201);
      organiser.post("/api/workshops/" + workshopId + "/rooms/" + roomId + "/members",
          new JsonObject().put("participantId", joined.getString("participantId"))).expect(200);
      tokens.add(joined.getString("token"));
      ids.add(joined.getString("participantId"));
    }

    try (RawSocket onFirst = RawSocket.hello(vertx, members.get(0).port(), tokens.get(0));
         RawSocket onSecond = RawSocket.hello(vertx, members.get(1).port(), tokens.get(1))) {
      onFirst.send(RoomLiveIT.join(roomId));
      onFirst.next("room.state");
      onSecond.send(RoomLiveIT.join(roomId));
      assertThat(RoomLiveIT.ids(onSecond.next("room.state").getJsonArray("present"))).containsExactly(ids.get(0), ids.get(1));
      RoomLiveIT.awaitPresent(onFirst, ids.get(0), ids.get(1));

      ApiClient viaSecond = ApiClient.create(vertx, "127.0.0.1", members.get(1).port()).withToken(ORGANISER_KEY);
      viaSecond.post("/api/workshops/" + workshopId + "/rooms/" + roomId + "/timer",
          new JsonObject().put("action", "start").put("seconds", 300)).expect(200);
      assertThat(onFirst.next("room.timer").getJsonObject("timer").getString("state")).isEqualTo("running");
      onFirst.send(new JsonObject().put("type", "hand.raise").put("room", roomId));
      RoomLiveIT.awaitHands(onSecond, ids.get(0));

      // The second member dies without a word: its connections vanish from the room.
      members.get(1).hazelcast().getLifecycleService().terminate();
      RoomLiveIT.awaitPresent(onFirst, ids.get(0));
      JsonObject console = organiser.get("/api/workshops/" + workshopId + "/console").expect(200)
          .getJsonArray("rooms").getJsonObject(0);
      assertThat(console.getInteger("online")).isEqualTo(1);
      assertThat(console.getJsonObject("timer").getString("state")).as("the timer survives the member").isEqualTo("running");
    }
  }
}
