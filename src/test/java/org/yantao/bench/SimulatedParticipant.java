package org.yantao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.yantao.testing.OnContext;
import org.yantao.testing.OtClient;
import org.yantao.text.Delta;
import org.yantao.text.DeltaJson;
import org.yantao.text.RichText;

/**
 * One simulated participant: a WebSocket client with the client side of OT ({@link OtClient}) that
 * types random edits at a steady rate into its room's findings document. It reports every op it
 * sends and every op of others it applies to the {@link EditLedger}. Everything runs on the
 * participant's own event-loop context, so its state needs no locks.
 */
final class SimulatedParticipant {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final String token;
  private final String docId;
  private final int otherParticipants;
  private final WebSocketClient client;
  private final WebSocketConnectOptions endpoint;
  private final EditLedger ledger;
  private final LoadCounters counters;
  private final Context context;

  private WebSocket socket;
  private boolean closing;
  private OtClient ot;
  private int opCounter;
  private long[] unsentEditTimes = new long[8];
  private int unsentEdits;
  private Promise<Void> opened;

  SimulatedParticipant(Vertx vertx, WebSocketClient client, WebSocketConnectOptions endpoint, String name, String token,
      String docId, int otherParticipants, EditLedger ledger, LoadCounters counters) {
    this.name = name;
    this.token = token;
    this.docId = docId;
    this.otherParticipants = otherParticipants;
    this.client = client;
    this.endpoint = endpoint;
    this.ledger = ledger;
    this.counters = counters;
    // A context of its own per participant spreads the participants over the event loops.
    this.context = vertx.getOrCreateContext();
  }

  /** Connects, says hello and opens the document; completes with the snapshot in hand. */
  Future<Void> connect() {
    return call(() -> {
      opened = Promise.promise();
      client.connect(endpoint).onComplete(connected -> {
        if (connected.failed()) {
          opened.tryFail(connected.cause());
          return;
        }
        socket = connected.result();
        socket.textMessageHandler(this::receive);
        socket.closeHandler(v -> {
          if (!closing) {
            counters.disconnected(name);
          }
        });
        send(JSON.createObjectNode().put("type", "hello").put("token", token));
        send(JSON.createObjectNode().put("type", "doc.open").put("doc", docId));
      });
      return opened.future();
    }).compose(f -> f);
  }

  /**
   * Types {@code edits} edits made by {@code nextEdit} from the current document, one every
   * {@code periodMs}, the first after a random part of a period so that participants do not all
   * type in the same instant.
   */
  Future<Void> type(int edits, long periodMs, Random random, Function<RichText, Delta> nextEdit) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(start -> {
      if (edits == 0) {
        done.complete();
        return;
      }
      int[] typed = {0};
      context.owner().setPeriodic(1 + random.nextInt((int) Math.max(1, periodMs)), periodMs, timer -> {
        edit(nextEdit.apply(ot.doc()));
        if (++typed[0] == edits) {
          context.owner().cancelTimer(timer);
          done.complete();
        }
      });
    });
    return done.future();
  }

  Future<Boolean> synced() {
    return call(() -> ot.synced());
  }

  Future<Long> rev() {
    return call(() -> ot.rev());
  }

  Future<Delta> contents() {
    return call(() -> ot.doc().toDelta());
  }

  Future<Void> close() {
    return call(() -> {
      closing = true;
      return socket == null ? Future.<Void>succeededFuture() : socket.close().otherwiseEmpty();
    }).compose(f -> f);
  }

  private void edit(Delta change) {
    if (unsentEdits == unsentEditTimes.length) {
      unsentEditTimes = Arrays.copyOf(unsentEditTimes, unsentEdits * 2);
    }
    unsentEditTimes[unsentEdits++] = System.nanoTime();
    Delta send = ot.edit(change);
    if (send != null) {
      sendOp(send);
    }
  }

  /** The op sent now holds exactly the edits made since the last one was sent: they were composed into it. */
  private void sendOp(Delta op) {
    ledger.sent(ot.inflightId(), Arrays.copyOf(unsentEditTimes, unsentEdits), otherParticipants);
    unsentEdits = 0;
    ObjectNode message = JSON.createObjectNode().put("type", "doc.op").put("doc", docId).put("rev", ot.inflightBase())
        .put("id", ot.inflightId());
    message.set("delta", DeltaJson.toJson(op));
    send(message);
  }

  private void receive(String text) {
    JsonNode msg;
    try {
      msg = JSON.readTree(text);
    } catch (Exception e) {
      counters.error(name + " received invalid JSON");
      return;
    }
    switch (msg.path("type").asText()) {
      case "doc.snapshot" -> {
        ot = new OtClient(DeltaJson.parse(msg.get("delta"), Integer.MAX_VALUE), msg.get("rev").asLong(),
            () -> name + "-" + (++opCounter));
        opened.tryComplete();
      }
      case "doc.ack" -> acknowledged(msg.get("id").asText(), msg.get("rev").asLong());
      case "doc.op" -> {
        String id = msg.get("id").asText();
        if (id.equals(ot.inflightId())) {
          acknowledged(id, msg.get("rev").asLong());
        } else {
          try {
            ot.remote(msg.get("rev").asLong(), DeltaJson.parse(msg.get("delta"), Integer.MAX_VALUE));
            ledger.delivered(id, System.nanoTime());
          } catch (IllegalStateException outOfOrder) {
            counters.error(name + ": " + outOfOrder.getMessage());
          }
        }
      }
      case "error" -> {
        counters.error(name + ": " + msg.path("code").asText() + " " + msg.path("message").asText());
        opened.tryFail(msg.path("code").asText());
      }
      default -> { }
    }
  }

  private void acknowledged(String id, long newRev) {
    if (!ot.acknowledged(id, newRev)) {
      return;
    }
    Delta next = ot.takePending();
    if (next != null) {
      sendOp(next);
    }
  }

  private void send(ObjectNode message) {
    socket.writeTextMessage(message.toString());
  }

  private <T> Future<T> call(Callable<T> work) {
    return OnContext.call(context, work);
  }
}
