package org.yantao.room;

/** The Hazelcast key and event-bus address of one room's live state. */
public final class RoomKeys {
  private RoomKeys() {}

  public static String key(String workshopId, String roomId) {
    return workshopId + "/" + roomId;
  }

  public static String address(String workshopId, String roomId) {
    return "yantao.room." + key(workshopId, roomId);
  }
}
