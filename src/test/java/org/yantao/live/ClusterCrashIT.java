package org.yantao.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yantao.testing.ApiClient;
import org.yantao.testing.CoEditor;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.MarkerLedger;
import org.yantao.testing.Poll;
import org.yantao.testing.Ports;
import org.yantao.testing.PostgresSchema;
import org.yantao.testing.ServerProcess;

/**
 * Two server processes in one cluster on one PostgreSQL database; people connected to both type
 * into one findings document; the process that owns the document is killed with SIGKILL. The other
 * member takes the document over from its backup and the database: every acknowledged edit is kept
 * exactly once, the people on the survivor keep receiving each other's edits without reconnecting,
 * and the people of the dead process reconnect to the survivor and lose nothing they typed.
 */
@ExtendWith(VertxExtension.class)
class ClusterCrashIT {
  private static final String ORGANISER_KEY = "cluster-crash-organiser-key";
  private static final int EDITORS = 4;
  private static final int MARKERS_EACH = 150;
  private static final long PAUSE_MS = 3;
  private static final int KILL_AFTER_ACKNOWLEDGED = 80;

  @TempDir
  Path dataDir;

  @Test
  void killingTheOwnerLosesNoAcknowledgedEditAndTheSurvivorCarriesOn(Vertx vertx) throws Exception {
    String clusterName = "crash-" + UUID.randomUUID();
    List<Integer> clusterPorts = List.of(Ports.free(), Ports.free());
    List<String> addresses = clusterPorts.stream().map(p -> "127.0.0.1:" + p).toList();
    try (PostgresSchema database = PostgresSchema.create("cluster_crash_it")) {
      List<ServerProcess> members = new ArrayList<>();
      try {
        for (int i = 0; i < clusterPorts.size(); i++) {
          Map<String, String> settings = new HashMap<>(database.settings());
          settings.put("YANTAO_DATA_DIR", dataDir.resolve("member" + i).toString());
          settings.put("YANTAO_ORGANISER_KEY", ORGANISER_KEY);
          settings.put("YANTAO_CLUSTER_NAME", clusterName);
          settings.put("YANTAO_CLUSTER_MEMBERS", String.join(",", addresses));
          settings.put("YANTAO_CLUSTER_PORT", String.valueOf(clusterPorts.get(i)));
          settings.put("YANTAO_CLUSTER_HOST", "127.0.0.1");
          members.add(ServerProcess.start(vertx, settings));
        }
        // Both members, and every partition with its backup: the test is about what the backup holds.
        Poll.until(() -> members.stream().allMatch(m -> clusterSafeWith(vertx, m, 2)), 60);
        run(vertx, members, clusterName, clusterPorts, addresses);
      } finally {
        for (ServerProcess member : members) {
          member.close();
        }
      }
    }
  }

  private void run(Vertx vertx, List<ServerProcess> members, String clusterName, List<Integer> clusterPorts,
      List<String> addresses) throws Exception {
    ApiClient organiser = members.get(0).client(vertx).withToken(ORGANISER_KEY);
    JsonObject workshop = organiser.post("/api/workshops", new JsonObject().put("title", "集群断电演练")
        .put("rooms", new JsonArray().add(new JsonObject().put("name", "第一组")))).expect(201);
    JsonObject room = workshop.getJsonArray("rooms").getJsonObject(0);
    String docId = room.getString("findingsDoc");

    int ownerIndex = clusterPorts.indexOf(ownerPort(clusterName, addresses, docId));
    ServerProcess owner = members.get(ownerIndex);
    ServerProcess survivor = members.get(1 - ownerIndex);

    List<CoEditor> editors = new ArrayList<>();
    List<ServerProcess> editorMember = new ArrayList<>();
    for (int i = 0; i < EDITORS; i++) {
      ServerProcess member = members.get(i % 2);
      JsonObject joined = member.client(vertx).post("/api/join", new JsonObject()
          .put("joinCode", workshop.getString("joinCode")).put("name", "成员" + i).put("organisation", "党校")).expect(201);
      organiser.post("/api/workshops/" + workshop.getString("id") + "/rooms/" + room.getString("id") + "/members",
          new JsonObject().put("participantId", joined.getString("participantId"))).expect(200);
      CoEditor editor = new CoEditor(member.port(), joined.getString("token"), docId);
      LiveFixture.await(vertx.deployVerticle(editor));
      editors.add(editor);
      editorMember.add(member);
    }

    MarkerLedger ledger = new MarkerLedger("c");
    editors.forEach(ledger::watch);
    List<Future<Void>> typing = new ArrayList<>();
    for (int i = 0; i < EDITORS; i++) {
      typing.add(editors.get(i).editAll(ledger.edits(MARKERS_EACH, new Random(31L * i)), 1, PAUSE_MS));
    }
    Poll.until(() -> ledger.acknowledgedCount() >= KILL_AFTER_ACKNOWLEDGED, 60);
    owner.kill();
    int acknowledgedAtKill = ledger.acknowledgedCount();
    for (int i = 0; i < EDITORS; i++) {
      if (editorMember.get(i) == owner) {
        LiveFixture.await(editors.get(i).reconnect(survivor.port()));
      }
    }
    LiveFixture.await(Future.all(typing));
    assertThat(ledger.typed().size()).as("typing went on after the kill").isGreaterThan(acknowledgedAtKill);

    for (CoEditor editor : editors) {
      LiveFixture.await(editor.synced());
      assertThat(editor.violations()).as("ops and acks in revision order").isEmpty();
    }
    String text = CoEditor.read(vertx, survivor.port(), ORGANISER_KEY, docId);
    for (CoEditor editor : editors) {
      Poll.until(() -> LiveFixture.await(editor.text()).equals(text), 30);
    }
    Map<String, Integer> counts = MarkerLedger.occurrences(text);
    for (String marker : ledger.acknowledged()) {
      assertThat(counts.getOrDefault(marker, 0)).as("acknowledged marker %s", marker).isEqualTo(1);
    }
    assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(ledger.typed());
    assertThat(counts.values()).as("no marker twice").allMatch(n -> n == 1);
    for (CoEditor editor : editors) {
      assertThat(editor.errors()).isEmpty();
    }
  }

  /** Asks the cluster, as a Hazelcast client, which member's port owns the document's partition. */
  private static int ownerPort(String clusterName, List<String> addresses, String docId) {
    ClientConfig config = new ClientConfig();
    config.setClusterName(clusterName);
    config.getNetworkConfig().setAddresses(addresses);
    HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
    try {
      Poll.until(() -> client.getPartitionService().getPartition(docId).getOwner() != null, 30);
      Member owner = client.getPartitionService().getPartition(docId).getOwner();
      return owner.getAddress().getPort();
    } finally {
      client.shutdown();
    }
  }

  private static boolean clusterSafeWith(Vertx vertx, ServerProcess member, int size) {
    JsonObject health = member.client(vertx).get("/api/health").expect(200);
    return health.getInteger("members") == size && health.getBoolean("clusterSafe");
  }
}
