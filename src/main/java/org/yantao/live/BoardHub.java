package org.yantao.live;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.yantao.board.BoardEvent;
import org.yantao.board.BoardService;
import org.yantao.store.StoredJson;

/**
 * The boards open on this node. Each has one event-bus subscription however many screens here
 * show it; a change announced by any node is read once and handed to every local view, which
 * renders it for its own viewer. Used only from the live verticle's event loop.
 */
final class BoardHub {
  private final EventBus bus;
  private final BoardService service;
  private final Map<String, Feed> feeds = new HashMap<>();

  BoardHub(EventBus bus, BoardService service) {
    this.bus = bus;
    this.service = service;
  }

  BoardService service() {
    return service;
  }

  /** Completes once this node receives the board's changes. */
  Future<Void> join(String address, BoardChannel.View view) {
    Feed feed = feeds.computeIfAbsent(address, Feed::new);
    feed.views.add(view);
    return feed.consumer.completion();
  }

  void leave(String address, BoardChannel.View view) {
    Feed feed = feeds.get(address);
    if (feed != null && feed.views.remove(view) && feed.views.isEmpty()) {
      feeds.remove(address);
      feed.consumer.unregister();
    }
  }

  private final class Feed {
    final Set<BoardChannel.View> views = new LinkedHashSet<>();
    final MessageConsumer<String> consumer;

    Feed(String address) {
      this.consumer = bus.consumer(address, this::receive);
    }

    private void receive(Message<String> message) {
      BoardEvent event = StoredJson.read(message.body(), BoardEvent.class);
      String origin = message.headers().get(BoardService.ORIGIN);
      new ArrayList<>(views).forEach(view -> view.receive(event, origin));
    }
  }
}
