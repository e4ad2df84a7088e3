package org.yantao.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.RawSocket;
import org.yantao.text.Delta;
import org.yantao.text.DeltaJson;

/**
 * Whatever a client sends, a bad message is answered with an error naming it, changes nothing, is
 * seen by nobody else, and leaves the connection working; only abuse closes a connection.
 */
class BadInputIT {
  static LiveFixture fixture;
  static String otherDocId;
  static RawSocket author;
  static RawSocket watcher;
  static long rev;

  @BeforeAll
  static void start() throws Exception {
    fixture = LiveFixture.start(2);
    otherDocId = fixture.organiser.post("/api/workshops/" + fixture.workshopId + "/rooms",
        new JsonObject().put("name", "另一组")).expect(201).getString("findingsDoc");
    author = RawSocket.opened(fixture.vertx, fixture.node.port(), fixture.tokens.get(0), fixture.docId);
    watcher = RawSocket.opened(fixture.vertx, fixture.node.port(), fixture.tokens.get(1), fixture.docId);
    rev = fixture.serverRev();
    validOpIsAppliedAndSeen("😀");
  }

  @AfterAll
  static void stop() {
    author.close();
    watcher.close();
    fixture.close();
  }

  /** What a case sends, given the document as it is now. */
  record Now(String doc, long rev, String text) {}

  static Stream<Arguments> badMessages() {
    List<Arguments> cases = new ArrayList<>();
    add(cases, "malformed JSON", n -> "{\"type\":\"doc.op\",\"doc\":", "message.malformed", null);
    add(cases, "JSON array", n -> "[1,2,3]", "message.invalid", null);
    add(cases, "JSON string", n -> "\"hello\"", "message.invalid", null);
    add(cases, "no type", n -> "{\"id\":\"m1\"}", "message.invalid", "m1");
    add(cases, "type not a string", n -> "{\"type\":7,\"id\":\"m2\"}", "message.invalid", "m2");
    add(cases, "unknown type", n -> "{\"type\":\"doc.explode\",\"id\":\"m3\"}", "message.unknown_type", "m3");
    add(cases, "op without doc", n -> op(n, "m4", ops(insert("x"))).putNull("doc").encode(), "message.invalid", "m4");
    add(cases, "op with numeric doc", n -> op(n, "m5", ops(insert("x"))).put("doc", 42).encode(), "message.invalid", "m5");
    add(cases, "op with numeric id", n -> op(n, "x", ops(insert("x"))).put("id", 5).encode(), "message.invalid", null);
    add(cases, "op without delta", n -> op(n, "m6", ops()).putNull("delta").encode(), "delta.invalid", "m6");
    add(cases, "delta not an object", n -> op(n, "m7", ops()).put("delta", "insert x").encode(), "delta.invalid", "m7");
    add(cases, "op without rev", n -> op(n, "m8", ops(insert("x"))).putNull("rev").encode(), "rev.invalid", "m8");
    add(cases, "negative retain", n -> op(n, "m9", ops(new JsonObject().put("retain", -1), insert("x"))).encode(),
        "delta.invalid", "m9");
    add(cases, "retain past the end", n -> op(n, "m10", ops(retain(n.text().length() + 10), insert("x"))).encode(),
        "delta.out_of_range", "m10");
    add(cases, "delete past the end", n -> op(n, "m11", ops(retain(n.text().length() - 1),
        new JsonObject().put("delete", 5))).encode(), "delta.out_of_range", "m11");
    add(cases, "unknown op key", n -> op(n, "m12", ops(insert("x").put("bold", true))).encode(), "delta.invalid", "m12");
    add(cases, "attributes not an object", n -> op(n, "m13", ops(insert("x").put("attributes", "bold"))).encode(),
        "delta.invalid", "m13");
    add(cases, "attribute value an object", n -> op(n, "m14", ops(insert("x").put("attributes",
        new JsonObject().put("bold", new JsonObject().put("yes", 1))))).encode(), "delta.invalid", "m14");
    add(cases, "embed insert", n -> op(n, "m15", ops(new JsonObject().put("insert",
        new JsonObject().put("image", "https://example.org/a.png")))).encode(), "delta.embed_unsupported", "m15");
    add(cases, "delete splitting a surrogate pair", n -> op(n, "m16", ops(retain(n.text().indexOf("😀") + 1),
        new JsonObject().put("delete", 1))).encode(), "delta.surrogate", "m16");
    add(cases, "insert inside a surrogate pair", n -> op(n, "m17", ops(retain(n.text().indexOf("😀") + 1),
        insert("x"))).encode(), "delta.surrogate", "m17");
    add(cases, "insert of a lone surrogate", n -> op(n, "m18", ops()).encode()
        .replace("\"ops\":[]", "\"ops\":[{\"insert\":\"a\\ud83db\"}]"), "delta.surrogate", "m18");
    add(cases, "too many ops", n -> {
      JsonArray many = new JsonArray();
      for (int i = 0; i < LiveSession.MAX_DELTA_OPS + 1; i++) {
        many.add(new JsonObject().put("retain", 1));
      }
      return op(n, "m19", many).encode();
    }, "delta.too_many_ops", "m19");
    add(cases, "base revision in the future", n -> op(n, "m20", ops(insert("x"))).put("rev", n.rev() + 100).encode(),
        "rev.future", "m20");
    add(cases, "negative revision", n -> op(n, "m21", ops(insert("x"))).put("rev", -1).encode(), "rev.invalid", "m21");
    add(cases, "fractional revision", n -> op(n, "m22", ops(insert("x"))).put("rev", 1.5).encode(), "rev.invalid", "m22");
    add(cases, "revision as a string", n -> op(n, "m23", ops(insert("x"))).put("rev", "1").encode(), "rev.invalid", "m23");
    add(cases, "op for a document not opened", n -> op(n, "m24", ops(insert("x"))).put("doc", otherDocId).put("rev", 0).encode(),
        "doc.not_open", "m24");
    add(cases, "open of a document that does not exist", n -> new JsonObject().put("type", "doc.open")
        .put("doc", "no-such-document").put("id", "m25").encode(), "doc.not_found", "m25");
    add(cases, "open of a room that does not exist", n -> new JsonObject().put("type", "doc.open")
        .put("doc", n.doc().substring(0, n.doc().lastIndexOf('.')) + ".r-nosuchroom").put("id", "m26").encode(),
        "doc.not_found", "m26");
    add(cases, "open with a negative revision", n -> new JsonObject().put("type", "doc.open").put("doc", n.doc())
        .put("rev", -3).put("id", "m27").encode(), "rev.invalid", "m27");
    add(cases, "cursor for a document not opened", n -> new JsonObject().put("type", "doc.cursor").put("doc", otherDocId)
        .put("index", 0).put("id", "m28").encode(), "doc.not_open", "m28");
    add(cases, "cursor with a negative index", n -> new JsonObject().put("type", "doc.cursor").put("doc", n.doc())
        .put("index", -1).put("id", "m29").encode(), "message.invalid", "m29");
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badMessages")
  void badMessageIsRefusedAndChangesNothing(String name, Function<Now, String> message, String code, String ref) {
    String before = fixture.serverText();
    long beforeRev = fixture.serverRev();
    author.skipUnread();
    watcher.skipUnread();

    author.send(message.apply(new Now(fixture.docId, rev, before)));
    JsonObject error = author.nextError();
    assertThat(error.getString("code")).as("code of %s", error).isEqualTo(code);
    assertThat(error.getString("message")).isNotBlank();
    assertThat(error.getString("ref")).isEqualTo(ref);

    assertThat(fixture.serverText()).isEqualTo(before);
    assertThat(fixture.serverRev()).isEqualTo(beforeRev);
    validOpIsAppliedAndSeen("[" + name + "]");
  }

  @Test
  void oversizeMessageClosesOnlyThatConnection() {
    RawSocket big = RawSocket.hello(fixture.vertx, fixture.node.port(), fixture.tokens.get(1));
    big.send(op(new Now(fixture.docId, rev, ""), "huge", ops(insert("长".repeat(100 * 1024)))).encode());
    // The server answers with close code 1009 and drops the connection; when it drops it while the
    // rest of the frame is still arriving, TCP resets it and the client only sees 1006 (no close frame).
    assertThat(big.awaitClosed(30)).isIn((short) 1009, (short) 1006);
    validOpIsAppliedAndSeen("[after oversize]");
    assertThat(fixture.serverText()).doesNotContain("长长长");
  }

  @Test
  void floodIsRefusedThenClosed() {
    RawSocket flood = RawSocket.hello(fixture.vertx, fixture.node.port(), fixture.tokens.get(1));
    String ping = new JsonObject().put("type", "ping").encode();
    for (int i = 0; i < 20_000 && !flood.isClosed(); i++) {
      flood.send(ping);
    }
    assertThat(flood.awaitClosed(30)).isEqualTo((short) 1008);
    assertThat(flood.all()).anyMatch(m -> "rate.limited".equals(m.getString("code")));
    validOpIsAppliedAndSeen("[after flood]");
  }

  /** The author's connection still works, and the watcher sees exactly this op and nothing before it. */
  static void validOpIsAppliedAndSeen(String text) {
    String id = "ok-" + UUID.randomUUID();
    author.send(ProtocolIT.op(fixture.docId, rev, id, Delta.insert(text)));
    JsonObject ack = author.next("doc.ack");
    assertThat(ack.getString("id")).isEqualTo(id);
    assertThat(ack.getLong("rev")).isEqualTo(rev + 1);
    rev = ack.getLong("rev");
    JsonObject seen = watcher.next(m -> !m.getString("type").equals("doc.cursor"), "a message other than a cursor");
    assertThat(seen.getString("type")).isEqualTo("doc.op");
    assertThat(seen.getString("id")).as("the watcher saw nothing of the bad message").isEqualTo(id);
    assertThat(DeltaJson.parse(seen.getJsonObject("delta").encode())).isEqualTo(Delta.insert(text));
  }

  private static void add(List<Arguments> cases, String name, Function<Now, String> message, String code, String ref) {
    cases.add(Arguments.of(name, message, code, ref));
  }

  private static JsonObject op(Now now, String id, JsonArray ops) {
    return new JsonObject().put("type", "doc.op").put("doc", now.doc()).put("rev", now.rev()).put("id", id)
        .put("delta", new JsonObject().put("ops", ops));
  }

  private static JsonArray ops(JsonObject... ops) {
    JsonArray array = new JsonArray();
    for (JsonObject op : ops) {
      array.add(op);
    }
    return array;
  }

  private static JsonObject insert(String text) {
    return new JsonObject().put("insert", text);
  }

  private static JsonObject retain(int n) {
    return new JsonObject().put("retain", n);
  }
}
