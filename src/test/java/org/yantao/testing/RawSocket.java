package org.yantao.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A bare WebSocket client for tests of the wire protocol: sends exactly the text it is given and
 * keeps every message the server sends, so a test can wait for one with a deadline and check what
 * else arrived. Messages are taken in the order they arrived; {@link #all()} keeps them all.
 */
public final class RawSocket implements AutoCloseable {
  private static final long WAIT_MS = 15_000;

  private final WebSocket socket;
  private final List<JsonObject> all = new ArrayList<>();
  private final List<JsonObject> unread = new ArrayList<>();
  private volatile Short closeCode;
  private volatile boolean closed;

  private RawSocket(WebSocket socket) {
    this.socket = socket;
    socket.textMessageHandler(this::received);
    socket.closeHandler(v -> {
      closeCode = socket.closeStatusCode();
      closed = true;
    });
  }

  /** Connects to {@code /ws}; nothing is sent yet. */
  public static RawSocket connect(Vertx vertx, int port) {
    return connect(vertx, port, null);
  }

  /** Connects with the {@code yantao_token} cookie on the upgrade request when {@code cookieToken} is set. */
  public static RawSocket connect(Vertx vertx, int port, String cookieToken) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws");
    if (cookieToken != null) {
      options.addHeader("Cookie", "yantao_token=" + cookieToken);
    }
    WebSocketClientOptions client = new WebSocketClientOptions().setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20);
    // The handlers are set as the connection completes, on its event loop: set later, from this
    // thread, they could miss a message the server sends at once (the welcome to a cookie).
    return LiveFixture.await(vertx.createWebSocketClient(client).connect(options).map(RawSocket::new));
  }

  /** Connects and says hello with {@code token}, returning once welcomed. */
  public static RawSocket hello(Vertx vertx, int port, String token) {
    RawSocket raw = connect(vertx, port);
    raw.send(new JsonObject().put("type", "hello").put("token", token));
    raw.next("welcome");
    return raw;
  }

  /** Says hello with {@code token} and opens {@code docId}, returning the snapshot. */
  public static RawSocket opened(Vertx vertx, int port, String token, String docId) {
    RawSocket raw = hello(vertx, port, token);
    raw.send(new JsonObject().put("type", "doc.open").put("doc", docId));
    raw.next("doc.snapshot");
    return raw;
  }

  public void send(JsonObject message) {
    send(message.encode());
  }

  /** Sends this exact text as one text frame. */
  public void send(String text) {
    socket.writeTextMessage(text);
  }

  /** The next unread message of this type (other messages stay unread), waiting up to 15 s. */
  public JsonObject next(String type) {
    return next(m -> type.equals(m.getString("type")), "a \"" + type + "\" message");
  }

  /** The next unread error, whatever it is, waiting up to 15 s. */
  public JsonObject nextError() {
    return next("error");
  }

  public synchronized JsonObject next(Predicate<JsonObject> wanted, String description) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
    while (true) {
      for (Iterator<JsonObject> it = unread.iterator(); it.hasNext(); ) {
        JsonObject message = it.next();
        if (wanted.test(message)) {
          it.remove();
          return message;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("No " + description + " within " + WAIT_MS + " ms; received " + all);
      }
      try {
        wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted", e);
      }
    }
  }

  /** Every message received so far, oldest first. */
  public synchronized List<JsonObject> all() {
    return new ArrayList<>(all);
  }

  /** Messages received but not yet taken by {@link #next}. */
  public synchronized List<JsonObject> unread() {
    return new ArrayList<>(unread);
  }

  /** Forgets the unread messages, e.g. after setting up. */
  public synchronized void skipUnread() {
    unread.clear();
  }

  public boolean isClosed() {
    return closed;
  }

  /** The close code the connection ended with (null while open, or if none was given). */
  public Short closeCode() {
    return closeCode;
  }

  /** Waits until the server closed the connection and returns its close code. */
  public Short awaitClosed(int seconds) {
    Poll.until(() -> closed, seconds);
    return closeCode;
  }

  private synchronized void received(String text) {
    JsonObject message = new JsonObject(text);
    all.add(message);
    unread.add(message);
    notifyAll();
  }

  @Override
  public void close() {
    if (!closed) {
      socket.close();
    }
  }
}
