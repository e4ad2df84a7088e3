package org.yantao.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yantao.board.BoardMessages.add;
import static org.yantao.board.BoardMessages.onIdea;
import static org.yantao.board.BoardMessages.open;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yantao.Yantao;
import org.yantao.cluster.MapNames;
import org.yantao.testing.ApiClient;
import org.yantao.testing.InJvmCluster;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.Poll;
import org.yantao.testing.RawSocket;

/**
 * Two cluster members in this JVM sharing one H2 database. People connected to different members
 * see each other's ideas and votes in revision order; when the member owning the board dies
 * without warning, the other carries on from its backup copy with nothing lost.
 */
class BoardClusterIT {
  private static final String ORGANISER_KEY = "board-cluster-organiser-key";
  private static final int ADDS_EACH = 15;

  @TempDir
  Path dataDir;

  private final Vertx vertx = Vertx.vertx();
  private final List<Yantao> members = new ArrayList<>();
  private final List<String> tokens = new ArrayList<>();
  private String workshopId;
  private String roomId;

  @BeforeEach
  void startTwoMembers() throws Exception {
    // Every partition has its backup before anyone writes: the test is about what the backup holds.
    members.addAll(InJvmCluster.start(dataDir, ORGANISER_KEY, 2));
    ApiClient organiser = api(0).withToken(ORGANISER_KEY);
    JsonObject workshop = organiser.post("/api/workshops", new JsonObject().put("title", "集群观点板")
        .put("rooms", new JsonArray().add(new JsonObject().put("name", "第一组")))).expect(201);
    workshopId = workshop.getString("id");
    roomId = workshop.getJsonArray("rooms").getJsonObject(0).getString("id");
    for (int i = 0; i < 2; i++) {
      JsonObject joined = api(1).post("/api/join", new JsonObject().put("joinCode", workshop.getString("joinCode"))
          .put("name", "成员" + i).put("organisation", "党校")).expect(201);
      organiser.post("/api/workshops/" + workshopId + "/rooms/" + roomId + "/members",
          new JsonObject().put("participantId", joined.getString("participantId"))).expect(200);
      tokens.add(joined.getString("token"));
    }
  }

  @AfterEach
  void stop() {
    LiveFixture.await(vertx.close());
    members.forEach(Yantao::close);
  }

  private ApiClient api(int member) {
    return ApiClient.create(vertx, "127.0.0.1", members.get(member).port());
  }

  private RawSocket opened(Yantao member, String token) {
    RawSocket ws = RawSocket.hello(vertx, member.port(), token);
    ws.send(open(roomId));
    ws.next("board.snapshot");
    return ws;
  }

  @Test
  void peopleOnDifferentMembersShareOneBoardAndItOutlivesItsOwner() {
    JsonObject seen;
    try (RawSocket onFirst = opened(members.get(0), tokens.get(0));
         RawSocket onSecond = opened(members.get(1), tokens.get(1))) {
      onFirst.send(add(roomId, "first", "第一台机器上的观点").put("anonymous", false));
      JsonObject added = onSecond.next("idea.added");
      assertThat(added.getJsonObject("idea").getJsonObject("author").getString("name")).isEqualTo("成员0");
      String ideaId = added.getJsonObject("idea").getString("id");
      onSecond.send(onIdea("idea.vote", roomId, ideaId, "v"));
      JsonObject voted = onFirst.next("idea.updated");
      assertThat(voted.getJsonObject("idea").getInteger("votes")).isEqualTo(1);
      assertThat(voted.getJsonObject("idea").getInteger("myVotes")).isZero();
      assertThat(onSecond.next("board.votes").getInteger("votesLeft")).isEqualTo(2);

      for (int i = 0; i < ADDS_EACH; i++) {
        onFirst.send(add(roomId, "a-" + i, "一号机 " + i));
        onSecond.send(add(roomId, "b-" + i, "二号机 " + i));
      }
      long last = 2 + 2L * ADDS_EACH;
      for (RawSocket ws : List.of(onFirst, onSecond)) {
        ws.next(m -> m.getString("type").equals("idea.added") && m.getLong("rev") == last, "revision " + last);
        List<Long> revs = ws.all().stream().filter(m -> m.getString("type").startsWith("idea.")).map(m -> m.getLong("rev")).toList();
        assertThat(revs).as("every change once, in revision order").isEqualTo(LongStream.rangeClosed(1, last).boxed().toList());
        assertThat(ws.all()).noneMatch(m -> m.getString("type").equals("error"));
        assertThat(ws.all()).as("no resend was needed").filteredOn(m -> m.getString("type").equals("board.snapshot")).hasSize(1);
      }
      seen = api(0).withToken(tokens.get(1)).get("/api/workshops/" + workshopId + "/rooms/" + roomId + "/ideas").expect(200);
      assertThat(seen.getLong("rev")).isEqualTo(last);
    }

    Yantao owner = owner();
    Yantao survivor = members.get(0) == owner ? members.get(1) : members.get(0);
    owner.hazelcast().getLifecycleService().terminate();
    Poll.until(() -> survivor.hazelcast().getCluster().getMembers().size() == 1
        && survivor.hazelcast().getPartitionService().isClusterSafe(), 60);
    assertThat(survivor.hazelcast().getMap(MapNames.BOARDS).getLocalMapStats().getOwnedEntryCount())
        .as("the survivor holds the board from its backup, before anything reads it from the database").isEqualTo(1);

    ApiClient onSurvivor = ApiClient.create(vertx, "127.0.0.1", survivor.port()).withToken(tokens.get(1));
    assertThat(onSurvivor.get("/api/workshops/" + workshopId + "/rooms/" + roomId + "/ideas").expect(200))
        .as("the backup copy is the board as everyone saw it").isEqualTo(seen);
    try (RawSocket ws = opened(survivor, tokens.get(1))) {
      String ideaId = seen.getJsonArray("ideas").getJsonObject(1).getString("id");
      ws.send(onIdea("idea.vote", roomId, ideaId, "after"));
      JsonObject voted = ws.next("idea.updated");
      assertThat(voted.getLong("rev")).isEqualTo(seen.getLong("rev") + 1);
      assertThat(ws.next("board.votes").getInteger("votesLeft")).isEqualTo(1);
    }
  }

  private Yantao owner() {
    String key = BoardService.key(workshopId, roomId);
    for (Yantao member : members) {
      HazelcastInstance hz = member.hazelcast();
      if (hz.getPartitionService().getPartition(key).getOwner().equals(hz.getCluster().getLocalMember())) {
        return member;
      }
    }
    throw new AssertionError("No member owns " + key);
  }
}
