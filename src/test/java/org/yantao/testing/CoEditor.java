package org.yantao.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.yantao.text.Delta;
import org.yantao.text.DeltaJson;
import org.yantao.text.RichText;

/**
 * A co-editing client that speaks the WebSocket protocol like the web app, around {@link OtClient}:
 * local edits apply at once, one op is in flight at a time, later edits wait composed behind it.
 * It can drop its connection, keep editing, and resume where it left off.
 * All state lives on the client's own Vert.x context; tests talk to it through futures.
 */
public final class CoEditor extends VerticleBase {
  private static final ObjectMapper JSON = new ObjectMapper();

  private volatile int port;
  private final String token;
  private final String docId;
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final List<JsonNode> errors = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final Map<String, int[]> cursors = new HashMap<>();
  private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<JsonNode>> sentOps = new CopyOnWriteArrayList<>();

  private WebSocket socket;
  private boolean connected;
  private OtClient ot;
  private int counter;
  private Promise<Void> opened;
  private final List<Promise<Void>> syncWaiters = new ArrayList<>();

  public CoEditor(int port, String token, String docId) {
    this.port = port;
    this.token = token;
    this.docId = docId;
  }

  @Override
  public Future<?> start() {
    return connect();
  }

  /** Closes the connection itself, rather than leaving it to the client's shutdown, which waits for idle connections. */
  @Override
  public Future<?> stop() {
    connected = false;
    return socket == null ? Future.succeededFuture() : socket.close().otherwiseEmpty();
  }

  /** The document as someone opening it afresh on the server at {@code port} sees it. */
  public static String read(Vertx vertx, int port, String token, String docId) {
    CoEditor reader = new CoEditor(port, token, docId);
    String deployment = LiveFixture.await(vertx.deployVerticle(reader));
    try {
      return LiveFixture.await(reader.text());
    } finally {
      LiveFixture.await(vertx.undeploy(deployment));
    }
  }

  /** Connects, says hello and opens the document (resuming from the known revision if any). */
  public Future<Void> connect() {
    opened = Promise.promise();
    WebSocketConnectOptions options = new WebSocketConnectOptions().setPort(port).setHost("127.0.0.1").setURI("/ws");
    return vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20))
        .connect(options)
        .compose(ws -> {
          socket = ws;
          connected = true;
          ws.textMessageHandler(this::receive);
          // After a reconnect the old socket's close must not mark the new connection closed.
          ws.closeHandler(v -> {
            if (socket == ws) {
              connected = false;
            }
          });
          sendJson(JSON.createObjectNode().put("type", "hello").put("token", token));
          ObjectNode open = JSON.createObjectNode().put("type", "doc.open").put("doc", docId);
          if (ot != null) {
            open.put("rev", ot.rev());
          }
          sendJson(open);
          return opened.future();
        });
  }

  /**
   * Connects to another port (the server restarted, or another member of the cluster) and resumes
   * from the known revision, re-sending the op in flight.
   */
  public Future<Void> reconnect(int newPort) {
    return call(() -> {
      port = newPort;
      return connect();
    }).compose(connected -> connected);
  }

  /** Drops the connection; edits made meanwhile are kept and sent after {@link #connect()}. */
  public Future<Void> disconnect() {
    return call(() -> {
      connected = false;
      return socket;
    }).compose(WebSocket::close);
  }

  /** Applies a change made by this client's user, built from the current document. */
  public Future<Void> edit(Function<RichText, Delta> change) {
    return call(() -> {
      localEdit(change.apply(ot.doc()));
      return null;
    });
  }

  /**
   * Types many edits in slices, {@code pauseMs} apart (0: as fast as possible), letting acks and
   * remote ops through in between, as a typist would.
   */
  public Future<Void> editAll(List<Function<RichText, Delta>> changes, int perSlice, long pauseMs) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> slice(changes, 0, perSlice, pauseMs, done));
    return done.future();
  }

  /** Runs on the client's context; timers set here call back on it too, never beside the socket's handlers. */
  private void slice(List<Function<RichText, Delta>> changes, int from, int perSlice, long pauseMs, Promise<Void> done) {
    Handler<Void> next = v -> {
      try {
        int to = Math.min(changes.size(), from + perSlice);
        for (int i = from; i < to; i++) {
          localEdit(changes.get(i).apply(ot.doc()));
        }
        if (to == changes.size()) {
          done.complete();
        } else {
          slice(changes, to, perSlice, pauseMs, done);
        }
      } catch (RuntimeException e) {
        done.fail(e);
      }
    };
    if (pauseMs > 0) {
      vertx.setTimer(pauseMs, t -> next.handle(null));
    } else {
      context.runOnContext(next);
    }
  }

  public Future<Void> cursor(int index, int length) {
    return call(() -> {
      sendJson(JSON.createObjectNode().put("type", "doc.cursor").put("doc", docId).put("index", index).put("length", length));
      return null;
    });
  }

  /** Completes when every local edit is acknowledged. */
  public Future<Void> synced() {
    return call(() -> {
      Promise<Void> p = Promise.promise();
      if (ot.synced()) {
        p.complete();
      } else {
        syncWaiters.add(p);
      }
      return p;
    }).compose(Promise::future);
  }

  public Future<String> text() {
    return call(() -> ot.doc().plainText());
  }

  public Future<Long> rev() {
    return call(() -> ot.rev());
  }

  public Future<Boolean> hasUnsentEdits() {
    return call(() -> !ot.synced());
  }

  public Future<int[]> cursorOf(String author) {
    return call(() -> cursors.get(author));
  }

  public List<JsonNode> errors() {
    return errors;
  }

  /** What the server sent that broke the protocol: ops out of revision order, deltas that do not fit. */
  public List<String> violations() {
    return violations;
  }

  /** Every message the server sends, for tests that watch the raw protocol. */
  public void onMessage(Consumer<JsonNode> listener) {
    listeners.add(listener);
  }

  /** Every {@code doc.op} this client sends, re-sends included, for tests that track what was acknowledged. */
  public void onSentOp(Consumer<JsonNode> listener) {
    sentOps.add(listener);
  }

  private void localEdit(Delta change) {
    Delta send = ot.edit(change);
    cursors.replaceAll((author, c) -> moved(c, change, false));
    if (send != null) {
      // Offline this sends nothing; the resume after connect() sends the op under the id it now has.
      sendInflight(send);
    }
  }

  private void sendInflight(Delta op) {
    ObjectNode message = JSON.createObjectNode().put("type", "doc.op").put("doc", docId).put("rev", ot.inflightBase())
        .put("id", ot.inflightId());
    message.set("delta", DeltaJson.toJson(op));
    if (connected) {
      sentOps.forEach(l -> l.accept(message));
    }
    sendJson(message);
  }

  /** A message that breaks the protocol (an op out of order, a delta that does not fit) is kept, not thrown away in a log. */
  private void receive(String text) {
    try {
      handle(text);
    } catch (RuntimeException e) {
      violations.add(e.getMessage() + " in " + text);
    }
  }

  private void handle(String text) {
    JsonNode msg;
    try {
      msg = JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException("Server sent invalid JSON: " + text, e);
    }
    listeners.forEach(l -> l.accept(msg));
    switch (msg.path("type").asText()) {
      case "doc.snapshot" -> {
        ot = new OtClient(DeltaJson.parse(msg.get("delta"), Integer.MAX_VALUE), msg.get("rev").asLong(),
            () -> tag + "-" + (++counter));
        opened.tryComplete();
      }
      case "doc.resumed" -> {
        if (ot.inflight() == null) {
          flush();
        } else {
          sendInflight(ot.inflight());
        }
        opened.tryComplete();
      }
      case "doc.ack" -> acknowledged(msg.get("id").asText(), msg.get("rev").asLong());
      case "doc.op" -> {
        if (msg.get("id").asText().equals(ot.inflightId())) {
          acknowledged(ot.inflightId(), msg.get("rev").asLong());
        } else {
          remote(msg.get("rev").asLong(), DeltaJson.parse(msg.get("delta"), Integer.MAX_VALUE));
        }
      }
      case "doc.cursor" -> {
        if (msg.get("index").isNull()) {
          cursors.remove(msg.get("author").asText());
        } else {
          cursors.put(msg.get("author").asText(), new int[] {msg.get("index").asInt(), msg.get("length").asInt()});
        }
      }
      case "error" -> {
        errors.add(msg);
        opened.tryFail(msg.path("code").asText() + ": " + msg.path("message").asText());
      }
      default -> { }
    }
  }

  private void acknowledged(String id, long newRev) {
    if (ot.acknowledged(id, newRev)) {
      flush();
    }
  }

  private void flush() {
    Delta next = connected ? ot.takePending() : null;
    if (next != null) {
      sendInflight(next);
    }
    if (ot.synced()) {
      syncWaiters.forEach(Promise::tryComplete);
      syncWaiters.clear();
    }
  }

  private void remote(long newRev, Delta op) {
    Delta applied = ot.remote(newRev, op);
    cursors.replaceAll((author, c) -> moved(c, applied, true));
  }

  private static int[] moved(int[] cursor, Delta change, boolean remote) {
    int start = change.transformPosition(cursor[0], !remote);
    int end = change.transformPosition(cursor[0] + cursor[1], !remote);
    return new int[] {start, end - start};
  }

  private void sendJson(ObjectNode message) {
    if (connected) {
      socket.writeTextMessage(message.toString());
    }
  }

  private <T> Future<T> call(Callable<T> work) {
    return OnContext.call(context, work);
  }
}
