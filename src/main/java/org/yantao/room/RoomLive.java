package org.yantao.room;

import java.util.List;

/**
 * What a facilitator changes in a room while it runs: its timer, the latest broadcast and the raised
 * hands. One value per room, changed only by the processors of {@link RoomLiveChanges} and written
 * through to the database, so a restart keeps a running timer running.
 *
 * @param updatedAt when it last changed, for the console's "last activity"
 * @param version counts the changes, so that a push overtaken by a later one can be told apart
 */
public record RoomLive(Timer timer, List<RaisedHand> hands, Broadcast broadcast, long updatedAt, long version) {
  public static final RoomLive EMPTY = new RoomLive(null, List.of(), null, 0, 0);

  public RoomLive {
    hands = hands == null ? List.of() : List.copyOf(hands);
  }

  public static RoomLive orEmpty(RoomLive value) {
    return value == null ? EMPTY : value;
  }

  RoomLive withTimer(Timer newTimer, long at) {
    return new RoomLive(newTimer, hands, broadcast, at, version + 1);
  }

  RoomLive withHands(List<RaisedHand> newHands, long at) {
    return new RoomLive(timer, newHands, broadcast, at, version + 1);
  }

  RoomLive withBroadcast(Broadcast newBroadcast, long at) {
    return new RoomLive(timer, hands, newBroadcast, at, version + 1);
  }
}
