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

  public void toRoom(String workshopId, String roomId, String frame) {
    bus.publish(RoomKeys.address(workshopId, roomId), frame);
  }

  public void toParticipant(String participantId, String frame) {
    bus.publish(PERSONAL_ADDRESS, frame, new DeliveryOptions().addHeader(PARTICIPANT_HEADER, participantId));
  }
}
