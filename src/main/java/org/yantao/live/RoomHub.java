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
import org.yantao.room.RoomEvents;
import org.yantao.room.RoomKeys;
import org.yantao.room.RoomService;

/**
 * The rooms joined on this node. Each has one event-bus subscription however many screens here
 * show it; a push from any node arrives once and is handed to every local connection in the room.
 * Messages to one person arrive on one node-wide address and go to that person's connections here.
 * Used only from the live verticle's event loop.
 */
final class RoomHub {
  private final EventBus bus;
  private final RoomService rooms;
  private final Map<String, Feed> feeds = new HashMap<>();
  private final Map<String, Set<RoomChannel>> byParticipant = new HashMap<>();
  private MessageConsumer<String> personal;

  RoomHub(EventBus bus, RoomService rooms) {
    this.bus = bus;
    this.rooms = rooms;
  }

  RoomService rooms() {
    return rooms;
  }

  /** Completes once this node receives the room's pushes. */
  Future<Void> join(String workshopId, String roomId, RoomChannel channel) {
    Feed feed = feeds.computeIfAbsent(RoomKeys.key(workshopId, roomId), key -> new Feed(workshopId, roomId));
    feed.channels.add(channel);
    return feed.consumer.completion();
  }

  void leave(String workshopId, String roomId, RoomChannel channel) {
    String key = RoomKeys.key(workshopId, roomId);
    Feed feed = feeds.get(key);
    if (feed != null && feed.channels.remove(channel) && feed.channels.isEmpty()) {
      feeds.remove(key);
      feed.consumer.unregister();
    }
  }

  void identified(String participantId, RoomChannel channel) {
    if (personal == null) {
      personal = bus.consumer(RoomEvents.PERSONAL_ADDRESS, this::personal);
    }
    byParticipant.computeIfAbsent(participantId, id -> new LinkedHashSet<>()).add(channel);
  }

  void forget(String participantId, RoomChannel channel) {
    Set<RoomChannel> channels = byParticipant.get(participantId);
    if (channels != null && channels.remove(channel) && channels.isEmpty()) {
      byParticipant.remove(participantId);
    }
  }

  private void personal(Message<String> message) {
    Set<RoomChannel> channels = byParticipant.get(message.headers().get(RoomEvents.PARTICIPANT_HEADER));
    if (channels != null) {
      new ArrayList<>(channels).forEach(channel -> channel.onPersonal(message.body()));
    }
  }

  private final class Feed {
    final String roomId;
    final Set<RoomChannel> channels = new LinkedHashSet<>();
    final MessageConsumer<String> consumer;

    Feed(String workshopId, String roomId) {
      this.roomId = roomId;
      this.consumer = bus.consumer(RoomKeys.address(workshopId, roomId), this::receive);
    }

    private void receive(Message<String> message) {
      String kind = message.headers().get(RoomEvents.KIND_HEADER);
      RoomChannel.Push push = new RoomChannel.Push(message.body(), kind == null ? null : RoomEvents.Kind.valueOf(kind),
          kind == null ? 0 : Long.parseLong(message.headers().get(RoomEvents.VERSION_HEADER)));
      new ArrayList<>(channels).forEach(channel -> channel.onRoom(roomId, push));
    }
  }
}
