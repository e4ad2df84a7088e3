package org.yantao.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A running node with a workshop of one room for co-editing tests: members who joined by code and
 * were assigned to the room, their tokens, and editors connected to the room's findings document.
 */
public final class LiveFixture implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  private final int members;
  public TestNode node;
  public Vertx vertx;
  public ApiClient organiser;
  public String workshopId;
  public String joinCode;
  public String roomId;
  public String docId;
  public final List<String> tokens = new ArrayList<>();
  public final List<String> participantIds = new ArrayList<>();

  private LiveFixture(int members) {
    this.members = members;
  }

  /**
   * A node on a fresh data directory with one room of {@code members} participants, started before
   * the test class and closed after it: {@code @RegisterExtension static final LiveFixture fixture}.
   */
  public static LiveFixture withMembers(int members) {
    return new LiveFixture(members);
  }

  /** The same, started now, for tests that manage its life themselves. */
  public static LiveFixture start(int members) throws Exception {
    LiveFixture fixture = new LiveFixture(members);
    fixture.begin();
    return fixture;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    begin();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private void begin() throws Exception {
    vertx = Vertx.vertx();
    node = TestNode.startInScratch("yantao-live");
    organiser = node.organiser(vertx);
    createRoom();
  }

  private void createRoom() {
    JsonObject workshop = organiser.post("/api/workshops", new JsonObject().put("title", "研讨 co-editing")
        .put("rooms", new JsonArray().add(new JsonObject().put("name", "第一组")))).expect(201);
    workshopId = workshop.getString("id");
    joinCode = workshop.getString("joinCode");
    roomId = workshop.getJsonArray("rooms").getJsonObject(0).getString("id");
    docId = workshop.getJsonArray("rooms").getJsonObject(0).getString("findingsDoc");
    for (int i = 0; i < members; i++) {
      JsonObject joined = join("成员" + i);
      organiser.post("/api/workshops/" + workshopId + "/rooms/" + roomId + "/members",
          new JsonObject().put("participantId", joined.getString("participantId"))).expect(200);
      tokens.add(joined.getString("token"));
      participantIds.add(joined.getString("participantId"));
    }
  }

  /** Joins the workshop without being assigned to any room. */
  public JsonObject join(String name) {
    return node.client(vertx).post("/api/join",
        new JsonObject().put("joinCode", joinCode).put("name", name).put("organisation", "测试党校")).expect(201);
  }

  /** A connected editor with the room's document open, for the member at {@code index}. */
  public CoEditor editor(int index) {
    return editor(tokens.get(index));
  }

  public CoEditor editor(String token) {
    return editor(token, docId);
  }

  /** A connected editor with {@code documentId} open. */
  public CoEditor editor(String token, String documentId) {
    CoEditor editor = new CoEditor(node.port(), token, documentId);
    await(vertx.deployVerticle(editor));
    return editor;
  }

  public void disconnect(CoEditor editor) {
    await(vertx.undeploy(editor.deploymentID()));
  }

  /** The server's text, read by opening the document afresh. */
  public String serverText() {
    CoEditor reader = editor(node.organiserKey());
    try {
      return await(reader.text());
    } finally {
      disconnect(reader);
    }
  }

  public long serverRev() {
    CoEditor reader = editor(node.organiserKey());
    try {
      return await(reader.rev());
    } finally {
      disconnect(reader);
    }
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.await(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("No answer within 60 s", e);
    }
  }

  @Override
  public void close() {
    await(vertx.close());
    node.close();
  }
}
