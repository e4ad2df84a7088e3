package org.yantao.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yantao.cluster.Async;
import org.yantao.error.DomainException;
import org.yantao.error.Messages;
import org.yantao.security.Caller;
import org.yantao.text.ApplyOutcome;
import org.yantao.text.Delta;
import org.yantao.text.DeltaFormatException;
import org.yantao.text.DeltaJson;
import org.yantao.text.DocumentProcessors;
import org.yantao.text.DocumentState;
import org.yantao.text.LoggedOp;
import org.yantao.text.OpenedDocument;

/**
 * One WebSocket connection speaking the protocol of docs/protocol.md. Every message gets an
 * answer or an {@code error} naming the message it answers; a bad message changes nothing and
 * the connection stays open. Only floods close it. Runs on the live verticle's event loop.
 */
final class LiveSession {
  private static final Logger LOG = LoggerFactory.getLogger(LiveSession.class);
  static final int MAX_DELTA_OPS = 10_000;
  private static final int MAX_DOC_ID_LENGTH = 200;
  private static final long DURABLE_POLL_MS = 50;
  private static final long STORED_CHECK_MS = 1000;
  private static final short CLOSE_POLICY_VIOLATION = 1008;

  private final LiveServices services;
  private final ServerWebSocket socket;
  private final String connectionId = UUID.randomUUID().toString();
  private final RateLimit rate = new RateLimit(1000, 2000, 2000);
  private final Map<String, OpenDoc> docs = new HashMap<>();
  private final BoardChannel board;
  private final RoomChannel rooms;
  private Caller caller;
  private Identity identity;
  private boolean closed;

  LiveSession(LiveServices services, ServerWebSocket socket) {
    this.services = services;
    this.socket = socket;
    this.board = new BoardChannel(services, connectionId, this::send, (e, ref) -> fail(e, ref, null));
    this.rooms = new RoomChannel(services.rooms(), connectionId, this::send, (e, ref) -> fail(e, ref, null));
  }

  void start(String cookieToken) {
    socket.textMessageHandler(this::receive);
    socket.binaryMessageHandler(b -> send(Frames.error("message.invalid", "messages are JSON text frames", null, null)));
    socket.closeHandler(v -> onClose());
    socket.exceptionHandler(e -> LOG.debug("WebSocket {} failed", connectionId, e));
    if (cookieToken != null) {
      hello(cookieToken, null);
    }
  }

  private void receive(String text) {
    switch (rate.take()) {
      case FLOOD -> {
        socket.close(CLOSE_POLICY_VIOLATION, "too many messages");
        return;
      }
      case REFUSE -> {
        send(Frames.error("rate.limited", "too many messages; slow down", null, null));
        return;
      }
      case ALLOW -> { }
    }
    JsonNode message;
    try {
      message = Frames.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      send(Frames.error("message.malformed", "the message is not valid JSON", null, null));
      return;
    }
    String ref = message.path("id").isTextual() ? message.get("id").asText() : null;
    String doc = message.path("doc").isTextual() ? message.get("doc").asText() : null;
    try {
      if (!message.isObject() || !message.path("type").isTextual()) {
        throw DomainException.invalid("message.invalid", "a message is a JSON object with a \"type\"");
      }
      dispatch(message.get("type").asText(), message);
    } catch (DomainException | DeltaFormatException e) {
      fail(e, ref, doc);
    }
  }

  private void dispatch(String type, JsonNode message) {
    if (type.equals("hello")) {
      hello(MessageFields.text(message, "token", 512), ref(message));
      return;
    }
    if (type.equals("ping")) {
      send(Frames.pong(ref(message), services.clock().millis()));
      return;
    }
    if (caller == null) {
      throw DomainException.unauthorized("auth.missing");
    }
    switch (type) {
      case "doc.open" -> open(MessageFields.text(message, "doc", MAX_DOC_ID_LENGTH), resumeRev(message), ref(message));
      case "doc.close" -> close(MessageFields.text(message, "doc", MAX_DOC_ID_LENGTH));
      case "doc.op" -> op(message);
      case "doc.cursor" -> cursor(message);
      case "board.open", "board.close", "idea.add", "idea.edit", "idea.delete", "idea.vote", "idea.unvote" ->
          board.receive(type, message, caller, identity);
      case "room.join" -> rooms.join(MessageFields.id(message, "room"), MessageFields.optionalId(message, "workshop"), ref(message));
      case "room.leave" -> rooms.leave(MessageFields.id(message, "room"));
      case "hand.raise" -> rooms.raiseHand(MessageFields.id(message, "room"), ref(message));
      case "hand.lower" -> rooms.lowerHand(MessageFields.id(message, "room"), MessageFields.optionalId(message, "participant"), ref(message));
      default -> throw DomainException.invalid("message.unknown_type", type);
    }
  }

  /** Reading pauses until the token is resolved, so messages sent right behind a hello see its outcome. */
  private void hello(String token, String ref) {
    socket.pause();
    services.authenticator().resolve(token)
        .compose(who -> identityOf(who).map(id -> {
          new ArrayList<>(docs.keySet()).forEach(this::close);
          board.closeAll();
          caller = who;
          identity = id;
          rooms.identify(who, id);
          return id;
        }))
        .onSuccess(id -> send(Frames.welcome(id, services.clock().millis())))
        .onFailure(e -> fail(e, ref, null))
        .onComplete(done -> socket.resume());
  }

  private Future<Identity> identityOf(Caller who) {
    return who.organiser() ? Future.succeededFuture(Identity.ORGANISER)
        : services.participants().get(who.participantId()).map(Identity::of);
  }

  /** A reconnecting client names the revision it has, to receive the ops since then instead of a snapshot. */
  private static Long resumeRev(JsonNode message) {
    JsonNode rev = message.get("rev");
    if (rev == null || rev.isNull()) {
      return null;
    }
    if (!rev.isIntegralNumber() || rev.asLong() < 0) {
      throw DomainException.invalid("rev.invalid");
    }
    return rev.asLong();
  }

  private void open(String docId, Long resumeFrom, String ref) {
    close(docId);
    OpenDoc doc = new OpenDoc(docId, resumeFrom);
    docs.put(docId, doc);
    services.access().check(caller, docId)
        .compose(grant -> {
          doc.writable = grant.writable();
          doc.initialJson = DeltaJson.toJsonString(grant.initial());
          return services.hub().join(docId, this);
        })
        .compose(joined -> doc.load())
        .onFailure(e -> {
          if (docs.get(docId) == doc) {
            close(docId);
          }
          fail(e, ref, docId);
        });
  }

  private void close(String docId) {
    OpenDoc doc = docs.remove(docId);
    if (doc != null) {
      services.hub().leave(docId, this);
      if (doc.live()) {
        services.hub().publishCursor(docId, connectionId, Frames.cursor(docId, identity, null, null, doc.lastRev()));
      }
    }
  }

  private void op(JsonNode message) {
    String docId = MessageFields.text(message, "doc", MAX_DOC_ID_LENGTH);
    String opId = MessageFields.id(message, "id");
    OpenDoc doc = docs.get(docId);
    if (doc == null) {
      throw DomainException.invalid("doc.not_open", docId);
    }
    if (!doc.writable) {
      throw DomainException.forbidden("doc.read_only", docId);
    }
    JsonNode rev = message.get("rev");
    if (rev == null || !rev.canConvertToLong() || !rev.isIntegralNumber() || rev.asLong() < 0) {
      throw DomainException.invalid("rev.invalid");
    }
    Delta delta = DeltaJson.parse(message.get("delta"), MAX_DELTA_OPS);
    Async.of(services.documents().submitToKey(docId, new DocumentProcessors.ApplyOp(opId, identity.id(), connectionId,
            rev.asLong(), delta, services.clock().millis())))
        .onSuccess(outcome -> answer(docId, opId, outcome))
        .onFailure(e -> fail(e, opId, docId));
  }

  /** Applied ops are acknowledged by the fan-out once stored; only the other outcomes answer here. */
  private void answer(String docId, String opId, ApplyOutcome outcome) {
    switch (outcome.status()) {
      case APPLIED -> {
        OpenDoc doc = docs.get(docId);
        if (doc != null) {
          doc.expectStored(outcome.rev());
        }
      }
      case DUPLICATE_PENDING, DUPLICATE_DURABLE -> {
        OpenDoc doc = docs.get(docId);
        if (doc != null) {
          doc.ackInPlace(opId, outcome.rev());
        }
      }
      case RESYNC, REJECTED -> send(Frames.error(outcome.code(), outcome.message(), opId, docId));
    }
  }

  private void cursor(JsonNode message) {
    String docId = MessageFields.text(message, "doc", MAX_DOC_ID_LENGTH);
    OpenDoc doc = docs.get(docId);
    if (doc == null || !doc.live()) {
      throw DomainException.invalid("doc.not_open", docId);
    }
    int index = MessageFields.count(message, "index", DocumentState.MAX_LENGTH);
    int length = message.has("length") ? MessageFields.count(message, "length", DocumentState.MAX_LENGTH) : 0;
    services.hub().publishCursor(docId, connectionId, Frames.cursor(docId, identity, index, length, doc.lastRev()));
  }

  void onStoredOp(String docId, DocEvent event) {
    OpenDoc doc = docs.get(docId);
    if (doc != null) {
      doc.receive(event);
    }
  }

  void onCursor(String docId, String origin, String frame) {
    OpenDoc doc = docs.get(docId);
    if (doc != null && doc.live() && !connectionId.equals(origin)) {
      send(frame);
    }
  }

  private void onClose() {
    closed = true;
    new ArrayList<>(docs.keySet()).forEach(this::close);
    board.closeAll();
    rooms.close();
  }

  private void send(String frame) {
    if (!closed) {
      socket.writeTextMessage(frame);
    }
  }

  /**
   * Sends a text frame that is UTF-8 already, sharing its bytes with every other screen it goes to:
   * {@code writeTextMessage} would encode the same text again for each. Vert.x has no public way to
   * build a text frame from bytes, hence its own frame class. One frame whatever its size: an op is
   * at most one message of {@code ApiVerticle.MAX_BODY_BYTES}, and browsers take frames of any size.
   */
  private void sendEncoded(byte[] frame) {
    if (!closed) {
      socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, frame, true));
    }
  }

  private void fail(Throwable failure, String ref, String docId) {
    Throwable e = Async.unwrap(failure);
    if (e instanceof DomainException d) {
      send(Frames.error(d.code(), Messages.format(d.code(), d.args(), false), ref, docId));
    } else if (e instanceof DeltaFormatException d) {
      send(Frames.error(d.code(), d.getMessage(), ref, docId));
    } else {
      LOG.error("Message on connection {} failed", connectionId, e);
      send(Frames.error("server.error", Messages.format("server.error", List.of(), false), ref, docId));
    }
  }

  private static String ref(JsonNode message) {
    return MessageFields.optionalId(message, "id");
  }

  /**
   * A document as this connection sees it. Stored ops are passed on strictly in revision order:
   * held back until the snapshot is out, re-fetched from the document if a notification was missed.
   * The snapshot (or, for a resuming client, the ops since its revision) is held back until
   * everything in it is stored, so no screen ever shows text that a crash could still take back.
   */
  private final class OpenDoc {
    final String docId;
    final Long resumeFrom;
    final DocStream stream;
    boolean writable;
    String initialJson;
    OpenedDocument snapshot;
    boolean goingLive;
    boolean repairing;
    /** The newest revision of this connection's own ops, applied and awaited back from the fan-out. */
    long expectedRev;
    boolean storedCheckPending;

    OpenDoc(String docId, Long resumeFrom) {
      this.docId = docId;
      this.resumeFrom = resumeFrom;
      this.stream = new DocStream(docId, connectionId, identity.id(), LiveSession.this::send, LiveSession.this::sendEncoded);
    }

    boolean live() {
      return stream.started();
    }

    long lastRev() {
      return stream.lastRev();
    }

    Future<Void> load() {
      return Async.of(services.documents().submitToKey(docId, new DocumentProcessors.OpenDocument(initialJson)))
          .map(opened -> {
            loaded(opened);
            return null;
          });
    }

    private boolean current() {
      return docs.get(docId) == this;
    }

    private void loaded(OpenedDocument opened) {
      if (goingLive || !current()) {
        return;
      }
      snapshot = opened;
      if (opened.durableRev() >= opened.rev() || stream.newestWaiting() >= opened.rev()) {
        goLive();
      } else {
        services.vertx().setTimer(DURABLE_POLL_MS, t -> {
          if (!goingLive && current()) {
            load().onFailure(e -> fail(e, null, docId));
          }
        });
      }
    }

    private void goLive() {
      goingLive = true;
      if (resumeFrom == null || resumeFrom > snapshot.rev()) {
        sendSnapshot();
        repairGap();
        return;
      }
      Async.of(services.documents().submitToKey(docId, new DocumentProcessors.ReadOps(resumeFrom)))
          .onComplete(read -> {
            if (!current()) {
              return;
            }
            if (read.failed() || read.result() == null) {
              sendSnapshot();
            } else {
              send(Frames.resumed(docId, resumeFrom, writable));
              read.result().forEach(this::hold);
              stream.start(resumeFrom);
            }
            repairGap();
          });
    }

    private void sendSnapshot() {
      send(Frames.snapshot(docId, snapshot.rev(), snapshot.deltaJson(), writable));
      stream.start(snapshot.rev());
    }

    /**
     * The fan-out announces every stored op, but an announcement can be lost (a node joining or
     * leaving); if this connection's own op is not through after a while, read it from the document.
     */
    void expectStored(long rev) {
      expectedRev = Math.max(expectedRev, rev);
      if (!storedCheckPending) {
        storedCheckPending = true;
        services.vertx().setTimer(STORED_CHECK_MS, t -> checkStored());
      }
    }

    /** One pending check per document, however many ops are on their way; none before the snapshot is out. */
    private void checkStored() {
      storedCheckPending = false;
      if (current() && lastRev() < expectedRev) {
        if (live()) {
          repair();
        }
        expectStored(expectedRev);
      }
    }

    /**
     * A copy of an op already applied: the first copy may have come from an earlier connection (or
     * through a member that died), whose ack this one never saw.
     */
    void ackInPlace(String opId, long rev) {
      if (!stream.ackInPlace(opId, rev)) {
        expectStored(rev);
      }
    }

    void receive(DocEvent event) {
      stream.offer(event);
      if (live()) {
        stream.deliver();
        repairGap();
      } else if (!goingLive && snapshot != null && event.rev() >= snapshot.rev()) {
        goLive();
      }
    }

    private void hold(LoggedOp op) {
      stream.offer(new DocEvent(op.rev(), op.id(), op.author(), op.origin(),
          Frames.op(docId, op.rev(), op.id(), op.author(), DeltaJson.toJsonString(op.delta()))));
    }

    private void repairGap() {
      if (stream.hasGap()) {
        repair();
      }
    }

    /**
     * A notification went missing (a node joined or left): read the stored ops in between from the
     * document. If they are not marked stored yet, try again shortly rather than spin.
     */
    private void repair() {
      if (repairing) {
        return;
      }
      repairing = true;
      long before = lastRev();
      Async.of(services.documents().submitToKey(docId, new DocumentProcessors.ReadOps(before)))
          .onComplete(read -> {
            if (!current()) {
              return;
            }
            if (read.failed() || read.result() == null) {
              close(docId);
              send(Frames.error("resync", "this connection fell behind the document; open it again", null, docId));
              return;
            }
            // Ops sent while the read was under way would only be dropped: no frame is built for them.
            read.result().stream().filter(op -> op.rev() > lastRev()).forEach(this::hold);
            stream.deliver();
            if (!stream.hasGap() || lastRev() > before) {
              repairing = false;
              repairGap();
            } else {
              services.vertx().setTimer(DURABLE_POLL_MS, t -> {
                repairing = false;
                if (current()) {
                  repairGap();
                }
              });
            }
          });
    }
  }
}
