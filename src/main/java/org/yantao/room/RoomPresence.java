package org.yantao.room;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yantao.live.Identity;

/**
 * Who has a room open: one entry per connection, naming the node that holds it so that the
 * entries of a node that died can be dropped. Someone with two tabs has two entries and is
 * present once.
 *
 * @param changedAt when the people present last changed
 * @param version counts the changes, so that a push overtaken by a later one can be told apart
 */
public record RoomPresence(List<Entry> entries, long changedAt, long version) {
  public static final RoomPresence EMPTY = new RoomPresence(List.of(), 0, 0);

  public record Entry(String connection, String node, Identity person) {}

  public RoomPresence {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }

  public static RoomPresence orEmpty(RoomPresence value) {
    return value == null ? EMPTY : value;
  }

  /** Each person once, in the order they arrived. */
  public List<Identity> present() {
    Map<String, Identity> people = new LinkedHashMap<>();
    entries.forEach(e -> people.putIfAbsent(e.person().id(), e.person()));
    return new ArrayList<>(people.values());
  }
}
