package org.yantao.live;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documents open on this node. Each has one event-bus subscription however many screens here
 * show it; stored ops and cursors published by any node arrive once and are handed to every local
 * session. Used only from the live verticle's event loop.
 */
final class DocumentHub {
  static final String KIND = "kind";
  static final String KIND_OPS = "ops";
  static final String KIND_CURSOR = "cursor";
  static final String ORIGIN = "origin";

  private final EventBus bus;
  private final Map<String, Feed> feeds = new HashMap<>();

  DocumentHub(EventBus bus) {
    this.bus = bus;
  }

  static String address(String docId) {
    return "yantao.doc." + docId;
  }

  /** Completes once this node receives the document's changes. */
  Future<Void> join(String docId, LiveSession session) {
    Feed feed = feeds.computeIfAbsent(docId, Feed::new);
    feed.sessions.add(session);
    return feed.consumer.completion();
  }

  void leave(String docId, LiveSession session) {
    Feed feed = feeds.get(docId);
    if (feed != null && feed.sessions.remove(session) && feed.sessions.isEmpty()) {
      feeds.remove(docId);
      feed.consumer.unregister();
    }
  }

  void publishCursor(String docId, String origin, String frame) {
    bus.publish(address(docId), frame, new DeliveryOptions().addHeader(KIND, KIND_CURSOR).addHeader(ORIGIN, origin));
  }

  private final class Feed {
    final String docId;
    final Set<LiveSession> sessions = new LinkedHashSet<>();
    final MessageConsumer<Object> consumer;

    Feed(String docId) {
      this.docId = docId;
      this.consumer = bus.consumer(address(docId), this::receive);
    }

    private void receive(Message<Object> message) {
      List<LiveSession> receivers = new ArrayList<>(sessions);
      if (KIND_OPS.equals(message.headers().get(KIND))) {
        for (DocEvent event : ((StoredBatch) message.body()).ops()) {
          receivers.forEach(session -> session.onStoredOp(docId, event));
        }
      } else {
        String origin = message.headers().get(ORIGIN);
        receivers.forEach(session -> session.onCursor(docId, origin, (String) message.body()));
      }
    }
  }
}
