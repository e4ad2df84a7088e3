package org.yantao.room;

import com.hazelcast.map.EntryProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yantao.live.Identity;

/**
 * Arrivals and departures, each one processor on the room's presence key. A processor answers who
 * is present afterwards and whether that changed (a second tab changes nothing anyone sees).
 */
public final class PresenceChanges {
  private PresenceChanges() {}

  /** Who is present after a change, whether the people present changed, and the presence's version. */
  public record Outcome(List<Identity> present, boolean changed, long version) {}

  interface Change extends EntryProcessor<String, RoomPresence, Outcome> {
    List<RoomPresence.Entry> applyTo(List<RoomPresence.Entry> entries);

    long at();

    @Override
    default Outcome process(Map.Entry<String, RoomPresence> entry) {
      RoomPresence current = RoomPresence.orEmpty(entry.getValue());
      List<RoomPresence.Entry> next = applyTo(current.entries());
      if (next.equals(current.entries())) {
        return new Outcome(current.present(), false, current.version());
      }
      RoomPresence updated = new RoomPresence(next, current.changedAt(), current.version() + 1);
      boolean changed = !updated.present().equals(current.present());
      if (changed) {
        updated = new RoomPresence(next, at(), updated.version());
      }
      entry.setValue(updated);
      return new Outcome(updated.present(), changed, updated.version());
    }
  }

  public record Arrive(RoomPresence.Entry arrival, long at) implements Change {
    @Override
    public List<RoomPresence.Entry> applyTo(List<RoomPresence.Entry> entries) {
      if (entries.stream().anyMatch(e -> e.connection().equals(arrival.connection()))) {
        return entries;
      }
      List<RoomPresence.Entry> next = new ArrayList<>(entries);
      next.add(arrival);
      return next;
    }
  }

  public record Leave(String connection, long at) implements Change {
    @Override
    public List<RoomPresence.Entry> applyTo(List<RoomPresence.Entry> entries) {
      return entries.stream().filter(e -> !e.connection().equals(connection)).toList();
    }
  }

  /** Drops every connection held by a node that left the cluster. */
  public record DropNode(String node, long at) implements Change {
    @Override
    public List<RoomPresence.Entry> applyTo(List<RoomPresence.Entry> entries) {
      return entries.stream().filter(e -> !e.node().equals(node)).toList();
    }
  }
}
