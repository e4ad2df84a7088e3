package org.yantao.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yantao.Yantao;
import org.yantao.testing.ApiClient;
import org.yantao.testing.InJvmCluster;
import org.yantao.testing.CoEditor;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.MarkerLedger;
import org.yantao.testing.Poll;
import org.yantao.testing.RandomEdits;
import org.yantao.text.Delta;
import org.yantao.text.RichText;

/**
 * Two members of one cluster in this JVM, on loopback, sharing one H2 database (embedded H2 shares
 * a database within a JVM, as two machines would share PostgreSQL). People connected to different
 * members edit one findings document; then the member that owns the document goes away while they
 * type. The database is the durable record; Hazelcast's backup is what lets the other member carry on.
 */
class ClusterIT {
  private static final String ORGANISER_KEY = "cluster-test-organiser-key";
  private static final int EDITORS = 4;
  private static final int MARKERS_EACH = 120;
  private static final long PAUSE_MS = 3;
  private static final int STOP_AFTER_ACKNOWLEDGED = 60;

  @TempDir
  Path dataDir;

  private final Vertx vertx = Vertx.vertx();
  private final List<Yantao> members = new ArrayList<>();
  private final List<CoEditor> editors = new ArrayList<>();
  /** Which member each editor is connected to. */
  private final List<Yantao> editorMember = new ArrayList<>();
  private String docId;

  @BeforeEach
  void startTwoMembers() throws Exception {
    members.addAll(InJvmCluster.start(dataDir, ORGANISER_KEY, 2));

    ApiClient organiser = ApiClient.create(vertx, "127.0.0.1", members.get(0).port()).withToken(ORGANISER_KEY);
    JsonObject workshop = organiser.post("/api/workshops", new JsonObject().put("title", "集群研讨")
        .put("rooms", new JsonArray().add(new JsonObject().put("name", "第一组")))).expect(201);
    String workshopId = workshop.getString("id");
    JsonObject room = workshop.getJsonArray("rooms").getJsonObject(0);
    docId = room.getString("findingsDoc");
    for (int i = 0; i < EDITORS; i++) {
      // Joining and assigning go through the second member: both serve the same workshop.
      ApiClient api = ApiClient.create(vertx, "127.0.0.1", members.get(1).port());
      JsonObject joined = api.post("/api/join", new JsonObject().put("joinCode", workshop.getString("joinCode"))
          .put("name", "成员" + i).put("organisation", "党校")).expect(201);
      api.withToken(ORGANISER_KEY).post("/api/workshops/" + workshopId + "/rooms/" + room.getString("id") + "/members",
          new JsonObject().put("participantId", joined.getString("participantId"))).expect(200);
      Yantao member = members.get(i % 2);
      CoEditor editor = new CoEditor(member.port(), joined.getString("token"), docId);
      LiveFixture.await(vertx.deployVerticle(editor));
      editors.add(editor);
      editorMember.add(member);
    }
  }

  @AfterEach
  void stop() {
    LiveFixture.await(vertx.close());
    members.forEach(Yantao::close);
  }

  /**
   * Graceful stop of the owner ({@link Yantao#close()}): Hazelcast hands the document to the other
   * member before the owner leaves. Proves: people on the surviving member keep editing without a
   * hitch and converge; people on the stopped member reconnect to the survivor, resume, and lose
   * nothing they typed; every acknowledged marker is in the survivor's document exactly once.
   */
  @Test
  void theOwnerStoppingGracefullyLosesNoAcknowledgedEdit() {
    editConcurrentlyAndConvergeOnBothMembers();
    Yantao owner = owner();
    Yantao survivor = other(owner);

    MarkerLedger ledger = typeMarkersAndThen(() -> owner.close(), owner, survivor);

    String text = converged(survivor);
    assertEveryAcknowledgedMarkerOnce(ledger, text);
    assertEveryTypedMarkerOnce(ledger, text);
  }

  private void editConcurrentlyAndConvergeOnBothMembers() {
    List<Future<Void>> typing = new ArrayList<>();
    for (int i = 0; i < editors.size(); i++) {
      Random random = new Random(17L * i);
      List<Function<RichText, Delta>> edits = new ArrayList<>();
      for (int k = 0; k < 60; k++) {
        edits.add(RandomEdits.next(random, RandomEdits.Script.MIXED));
      }
      typing.add(editors.get(i).editAll(edits, 2, PAUSE_MS));
    }
    LiveFixture.await(Future.all(typing));
    String first = converged(members.get(0));
    assertThat(CoEditor.read(vertx, members.get(1).port(), ORGANISER_KEY, docId)).as("the document read on the other member").isEqualTo(first);
    for (CoEditor editor : editors) {
      assertThat(editor.errors()).isEmpty();
      assertThat(editor.violations()).isEmpty();
    }
  }

  /**
   * Every editor types markers; once enough are acknowledged, {@code stopOwner} runs while ops are
   * in flight, and the editors of the stopped member reconnect to the survivor. Returns once all
   * typing is done.
   */
  private MarkerLedger typeMarkersAndThen(Runnable stopOwner, Yantao owner, Yantao survivor) {
    MarkerLedger ledger = new MarkerLedger("m");
    editors.forEach(ledger::watch);
    List<Future<Void>> typing = new ArrayList<>();
    for (int i = 0; i < editors.size(); i++) {
      typing.add(editors.get(i).editAll(ledger.edits(MARKERS_EACH, new Random(i)), 1, PAUSE_MS));
    }
    Poll.until(() -> ledger.acknowledgedCount() >= STOP_AFTER_ACKNOWLEDGED, 60);
    int acknowledgedBefore = ledger.acknowledgedCount();
    stopOwner.run();
    members.remove(owner);
    for (int i = 0; i < editors.size(); i++) {
      if (editorMember.get(i) == owner) {
        LiveFixture.await(editors.get(i).reconnect(survivor.port()));
        editorMember.set(i, survivor);
      }
    }
    LiveFixture.await(Future.all(typing));
    System.out.printf("Owner stopped after %d acknowledged markers; %d typed in all%n", acknowledgedBefore, ledger.typed().size());
    assertThat(ledger.typed().size()).as("typing went on after the owner stopped").isGreaterThan(acknowledgedBefore);
    return ledger;
  }

  /** Waits until every editor's edits are acknowledged and it shows the member's document; returns that text. */
  private String converged(Yantao member) {
    for (CoEditor editor : editors) {
      LiveFixture.await(editor.synced());
    }
    String text = CoEditor.read(vertx, member.port(), ORGANISER_KEY, docId);
    for (CoEditor editor : editors) {
      Poll.until(() -> LiveFixture.await(editor.text()).equals(text), 30);
    }
    return text;
  }

  private static void assertEveryAcknowledgedMarkerOnce(MarkerLedger ledger, String text) {
    Map<String, Integer> counts = MarkerLedger.occurrences(text);
    Set<String> acknowledged = ledger.acknowledged();
    assertThat(acknowledged).isNotEmpty();
    for (String marker : acknowledged) {
      assertThat(counts.getOrDefault(marker, 0)).as("acknowledged marker %s", marker).isEqualTo(1);
    }
  }

  /** Every editor is synced, so everything typed was acknowledged in the end and is there once. */
  private static void assertEveryTypedMarkerOnce(MarkerLedger ledger, String text) {
    Map<String, Integer> counts = MarkerLedger.occurrences(text);
    assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(ledger.typed());
    assertThat(counts.values()).allMatch(n -> n == 1);
  }

  private Yantao owner() {
    for (Yantao member : members) {
      HazelcastInstance hz = member.hazelcast();
      if (hz.getPartitionService().getPartition(docId).getOwner().equals(hz.getCluster().getLocalMember())) {
        return member;
      }
    }
    throw new AssertionError("No member owns " + docId);
  }

  private Yantao other(Yantao member) {
    return members.stream().filter(m -> m != member).findFirst().orElseThrow();
  }
}
