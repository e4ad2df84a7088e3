package org.yantao.room;

import com.hazelcast.map.EntryProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yantao.live.Identity;

/**
 * The changes to a room's live state, each run by Hazelcast on the member that owns the room's key:
 * concurrent clicks on two facilitators' screens are applied one after the other, never lost.
 * Backups replay the same change, which is why each carries its own time.
 */
public final class RoomLiveChanges {
  private RoomLiveChanges() {}

  /** A change that answers the new value, or null when it left the value as it was. */
  interface Change extends EntryProcessor<String, RoomLive, RoomLive> {
    RoomLive applyTo(RoomLive current);

    @Override
    default RoomLive process(Map.Entry<String, RoomLive> entry) {
      RoomLive current = RoomLive.orEmpty(entry.getValue());
      RoomLive next = applyTo(current);
      if (next == current) {
        return null;
      }
      entry.setValue(next);
      return next;
    }
  }

  public record SetTimer(TimerAction action, long ms, long at) implements Change {
    @Override
    public RoomLive applyTo(RoomLive current) {
      return current.withTimer(Timer.next(current.timer(), action, ms, at), at);
    }
  }

  public record RaiseHand(Identity person, long at) implements Change {
    @Override
    public RoomLive applyTo(RoomLive current) {
      if (current.hands().stream().anyMatch(h -> h.person().id().equals(person.id()))) {
        return current;
      }
      List<RaisedHand> hands = new ArrayList<>(current.hands());
      hands.add(new RaisedHand(person, at));
      return current.withHands(hands, at);
    }
  }

  public record LowerHand(String participantId, long at) implements Change {
    @Override
    public RoomLive applyTo(RoomLive current) {
      List<RaisedHand> hands = current.hands().stream().filter(h -> !h.person().id().equals(participantId)).toList();
      return hands.size() == current.hands().size() ? current : current.withHands(hands, at);
    }
  }

  public record SetBroadcast(Broadcast broadcast) implements Change {
    @Override
    public RoomLive applyTo(RoomLive current) {
      return current.withBroadcast(broadcast, broadcast.at());
    }
  }
}
