package org.yantao.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yantao.testing.CoEditor;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.Poll;
import org.yantao.testing.RawSocket;
import org.yantao.text.Delta;
import org.yantao.text.DocumentState;
import org.yantao.text.RichText;

/** Someone whose Wi-Fi drops keeps typing; when it is back, nothing they wrote is lost or doubled. */
class OfflineResumeIT {
  @RegisterExtension
  static final LiveFixture fixture = LiveFixture.withMembers(2);

  @Test
  void editsMadeOfflineArriveOnceAfterResuming() {
    CoEditor offline = fixture.editor(0);
    CoEditor online = fixture.editor(1);
    LiveFixture.await(offline.disconnect());

    LiveFixture.await(offline.editAll(markers("离线", 50, new Random(1)), 1, 0));
    assertThat(LiveFixture.await(offline.hasUnsentEdits())).isTrue();

    Future<Void> typing = online.editAll(markers("在线", 100, new Random(2)), 1, 5);
    LiveFixture.await(offline.connect());
    LiveFixture.await(typing);
    LiveFixture.await(offline.synced());
    LiveFixture.await(online.synced());

    long serverRev = fixture.serverRev();
    String server = fixture.serverText();
    for (CoEditor editor : List.of(offline, online)) {
      Poll.until(() -> LiveFixture.await(editor.rev()) == serverRev, 30);
      assertThat(LiveFixture.await(editor.text())).isEqualTo(server);
      assertThat(editor.errors()).isEmpty();
      assertThat(editor.violations()).isEmpty();
    }
    for (int i = 0; i < 50; i++) {
      assertOnce(server, "〈离线" + i + "〉");
    }
    for (int i = 0; i < 100; i++) {
      assertOnce(server, "〈在线" + i + "〉");
    }
    fixture.disconnect(offline);
    fixture.disconnect(online);
  }

  @Test
  void opBasedOnARevisionTheServerNoLongerKeepsAsksForResync() {
    String docId = fixture.organiser.post("/api/workshops/" + fixture.workshopId + "/rooms",
        new JsonObject().put("name", "长谈组")).expect(201).getString("findingsDoc");
    try (RawSocket ws = RawSocket.opened(fixture.vertx, fixture.node.port(), fixture.node.organiserKey(), docId)) {
      int ops = DocumentState.LOG_LIMIT + 5;
      for (int i = 0; i < ops; i++) {
        ws.send(ProtocolIT.op(docId, i, "typed-" + i, Delta.insert("字")));
      }
      JsonObject last = ws.next(m -> m.getString("type").equals("doc.ack") && m.getString("id").equals("typed-" + (ops - 1)),
          "the ack of the last op");
      assertThat(last.getLong("rev")).isEqualTo(ops);
      assertThat(ws.all()).noneMatch(m -> m.getString("type").equals("error"));

      ws.send(ProtocolIT.op(docId, 0, "stale", Delta.insert("旧")));
      JsonObject error = ws.nextError();
      assertThat(error.getString("code")).isEqualTo("resync");
      assertThat(error.getString("ref")).isEqualTo("stale");
      assertThat(error.getString("doc")).isEqualTo(docId);

      ws.send(ProtocolIT.op(docId, ops, "fresh", Delta.insert("新")));
      JsonObject fresh = ws.next(m -> m.getString("type").equals("doc.ack") && m.getString("id").equals("fresh"), "the ack of the fresh op");
      assertThat(fresh.getLong("rev")).as("the stale op changed nothing").isEqualTo(ops + 1L);
    }
  }

  private static List<Function<RichText, Delta>> markers(String who, int count, Random random) {
    List<Function<RichText, Delta>> edits = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String marker = "〈" + who + i + "〉";
      edits.add(doc -> Delta.builder().retain(safePosition(doc.plainText(), random)).insert(marker).build());
    }
    return edits;
  }

  /** Anywhere before the final newline, but never inside another marker. */
  private static int safePosition(String text, Random random) {
    int at = random.nextInt(text.length());
    while (at > 0 && insideMarker(text, at)) {
      at--;
    }
    return at;
  }

  private static boolean insideMarker(String text, int at) {
    int open = text.lastIndexOf('〈', at - 1);
    int close = text.lastIndexOf('〉', at - 1);
    return open > close;
  }

  private static void assertOnce(String text, String marker) {
    assertThat(text.indexOf(marker)).as("%s is in the text", marker).isGreaterThanOrEqualTo(0);
    assertThat(text.lastIndexOf(marker)).as("%s is in the text once", marker).isEqualTo(text.indexOf(marker));
  }
}
