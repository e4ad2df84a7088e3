package org.yantao.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yantao.testing.ApiClient;
import org.yantao.testing.CoEditor;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.MarkerLedger;
import org.yantao.testing.ServerProcess;
import org.yantao.text.Delta;
import org.yantao.text.RichText;

/**
 * The packaged server killed with SIGKILL while someone is typing into a findings document. An
 * acknowledged edit is one the server promised to keep: after a restart on the same data directory
 * each is in the document exactly once; an edit never acknowledged may be there or not, but never
 * twice. (Alone with its database, the server acknowledges edits once they are in its op log, and
 * the restart copies the log into the database.) The typist's editor then reconnects, resumes and re-sends what was not acknowledged, and
 * everything typed ends up in the document exactly once.
 */
@ExtendWith(VertxExtension.class)
class DocumentCrashIT {
  private static final String ORGANISER_KEY = "document-crash-organiser-key";
  private static final int MARKERS = 600;
  private static final long PAUSE_MS = 2;
  private static final int KILL_AFTER_ACKNOWLEDGED = 100;

  @TempDir
  Path dataDir;

  private final String clusterName = "test-" + UUID.randomUUID();

  private Map<String, String> settings() {
    return Map.of(
        "YANTAO_DATA_DIR", dataDir.toString(),
        "YANTAO_CLUSTER_NAME", clusterName,
        "YANTAO_ORGANISER_KEY", ORGANISER_KEY);
  }

  @Test
  void acknowledgedEditsSurviveSigkillAndTheTypistsResumeLosesNothing(Vertx vertx) throws Exception {
    MarkerLedger ledger = new MarkerLedger("k");
    CoEditor typist;
    AtomicInteger typedAtKill = new AtomicInteger(-1);
    AtomicInteger acknowledgedAtKill = new AtomicInteger(-1);
    String docId;

    try (ServerProcess server = ServerProcess.start(vertx, settings())) {
      ApiClient organiser = server.client(vertx).withToken(ORGANISER_KEY);
      JsonObject workshop = organiser.post("/api/workshops", new JsonObject().put("title", "断电演练")
          .put("rooms", new JsonArray().add(new JsonObject().put("name", "第一组")))).expect(201);
      String workshopId = workshop.getString("id");
      JsonObject room = workshop.getJsonArray("rooms").getJsonObject(0);
      docId = room.getString("findingsDoc");
      JsonObject joined = server.client(vertx).post("/api/join", new JsonObject().put("joinCode", workshop.getString("joinCode"))
          .put("name", "王").put("organisation", "行政学院")).expect(201);
      organiser.post("/api/workshops/" + workshopId + "/rooms/" + room.getString("id") + "/members",
          new JsonObject().put("participantId", joined.getString("participantId"))).expect(200);

      typist = new CoEditor(server.port(), joined.getString("token"), docId);
      LiveFixture.await(vertx.deployVerticle(typist));
      ledger.watch(typist);
      // Keystrokes come in pairs, and the kill comes from the typist's event loop between the two of a
      // pair: the first has just been sent (or waits behind an op in flight), and no ack can have
      // been read since, so the kill always lands with typed edits unacknowledged. (Killing as an ack
      // arrives would not ensure that: acks can come back before the next keystroke.)
      List<Function<RichText, Delta>> edits = new ArrayList<>(ledger.edits(MARKERS, new Random(11)));
      for (int i = 1; i < edits.size(); i += 2) {
        Function<RichText, Delta> second = edits.get(i);
        edits.set(i, doc -> {
          if (ledger.acknowledgedCount() >= KILL_AFTER_ACKNOWLEDGED && typedAtKill.get() < 0) {
            typedAtKill.set(ledger.typed().size());
            acknowledgedAtKill.set(ledger.acknowledgedCount());
            server.killNow();
          }
          return second.apply(doc);
        });
      }

      // Typing goes on while the server is dead, as it does in a browser; those edits wait locally.
      LiveFixture.await(typist.editAll(edits, 2, PAUSE_MS));
      server.awaitExit(Duration.ofSeconds(30));
    }
    assertThat(typedAtKill.get()).as("markers typed when the server was killed").isBetween(1, MARKERS - 1);
    assertThat(typedAtKill.get()).as("some typed markers were still unacknowledged at the kill")
        .isGreaterThan(acknowledgedAtKill.get());
    Set<String> acknowledged = ledger.acknowledged();
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED);
    long logged;
    try (Stream<Path> segments = Files.list(dataDir.resolve("oplog"))) {
      logged = segments.mapToLong(segment -> segment.toFile().length()).sum();
    }
    assertThat(logged).as("bytes the killed server left in its op log").isPositive();

    try (ServerProcess restarted = ServerProcess.start(vertx, settings())) {
      String afterRestart = CoEditor.read(vertx, restarted.port(), ORGANISER_KEY, docId);
      Map<String, Integer> counts = MarkerLedger.occurrences(afterRestart);
      for (String marker : acknowledged) {
        assertThat(counts.getOrDefault(marker, 0)).as("acknowledged %s after the restart", marker).isEqualTo(1);
      }
      assertThat(counts.keySet()).as("markers in the document are ones the typist typed").isSubsetOf(ledger.typed());
      assertThat(counts.values()).as("no marker twice").allMatch(n -> n == 1);
      System.out.printf("Killed after %d acknowledged of %d typed markers; %d acknowledged in all; %d in the document after the restart%n",
          acknowledgedAtKill.get(), typedAtKill.get(), acknowledged.size(), counts.size());

      LiveFixture.await(typist.reconnect(restarted.port()));
      LiveFixture.await(typist.synced());
      String server = CoEditor.read(vertx, restarted.port(), ORGANISER_KEY, docId);
      assertThat(LiveFixture.await(typist.text())).as("the typist's screen").isEqualTo(server);
      Map<String, Integer> resumed = MarkerLedger.occurrences(server);
      assertThat(resumed.keySet()).containsExactlyInAnyOrderElementsOf(ledger.typed());
      assertThat(resumed.values()).as("every marker typed is there exactly once").allMatch(n -> n == 1);
      assertThat(typist.errors()).isEmpty();
      assertThat(typist.violations()).isEmpty();
    }
  }
}
