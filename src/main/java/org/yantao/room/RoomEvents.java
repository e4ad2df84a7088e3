package org.yantao.room;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;

/**
 * Pushes room messages over the clustered event bus: one address per room, which every node with
 * someone in the room listens to, and one address for messages to one person wherever they are
 * connected. Best effort, as everywhere: the maps hold the truth and {@code room.join} reads it.
 */
public final class RoomEvents {
  /** Every node listens here and hands the message to the named participant's connections. */
  public static final String PERSONAL_ADDRESS = "yantao.personal";
  public static final String PARTICIPANT_HEADER = "participant";

  private final EventBus bus;

  public RoomEvents(EventBus bus) {
    this.bus = bus;
  }

  /** Headers of a push that carries a whole versioned value: which value, and its version. */
  public static final String KIND_HEADER = "kind";
  public static final String VERSION_HEADER = "version";

  /** The versioned values of a room; a push of one replaces what a connection was shown of it. */
  public enum Kind { PRESENCE, TIMER, HANDS, BROADCAST }

  public void toRoom(String workshopId, String roomId, String frame) {
    bus.publish(RoomKeys.address(workshopId, roomId), frame);
  }

  /**
   * Pushes from different nodes can arrive in any order; the version lets each connection drop a
   * push older than what it was already shown.
   */
  public void toRoom(String workshopId, String roomId, String frame, Kind kind, long version) {
    bus.publish(RoomKeys.address(workshopId, roomId), frame, new DeliveryOptions()
        .addHeader(KIND_HEADER, kind.name()).addHeader(VERSION_HEADER, Long.toString(version)));
  }

  public void toParticipant(String participantId, String frame) {
    bus.publish(PERSONAL_ADDRESS, frame, new DeliveryOptions().addHeader(PARTICIPANT_HEADER, participantId));
  }
}
