package org.yantao.workshop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.yantao.error.DomainException;

/**
 * Seats participants across the open rooms: room sizes as even as capacities allow, and people of
 * one organisation spread over as many rooms as possible, so each group hears several colleges.
 * Everyone is placed at once from the largest organisation down; each takes the room with the
 * fewest colleagues already in it, then the smallest, then a seeded order, so the same seed gives
 * the same seating. Members of closed rooms stay where they are.
 */
final class BalancedAssignment {
  private BalancedAssignment() {}

  /**
   * @param organisations the organisation of every participant to seat (those with role participant)
   * @return the workshop's rooms, seated
   */
  static List<Room> seat(Workshop w, Map<String, String> organisations, long seed) {
    Set<String> inClosedRooms = w.rooms().stream().filter(r -> !r.open())
        .flatMap(r -> r.members().stream()).collect(Collectors.toSet());
    List<String> pool = w.participants().stream()
        .filter(organisations::containsKey).filter(p -> !inClosedRooms.contains(p)).toList();
    List<Room> open = w.rooms().stream().filter(Room::open).toList();
    if (open.isEmpty()) {
      throw DomainException.conflict("assignment.no_open_rooms");
    }
    Set<String> toSeat = Set.copyOf(pool);
    Map<String, List<String>> seated = new LinkedHashMap<>();
    for (Room room : open) {
      seated.put(room.id(), new ArrayList<>(room.members().stream().filter(m -> !toSeat.contains(m)).toList()));
    }
    int[] targets = targets(open, seated, pool.size());
    Random random = new Random(seed);
    List<Integer> tieBreak = new ArrayList<>();
    for (int i = 0; i < open.size(); i++) {
      tieBreak.add(i);
    }
    Collections.shuffle(tieBreak, random);

    Map<String, Map<String, Integer>> colleagues = new HashMap<>();
    for (String person : byOrganisation(pool, organisations, random)) {
      String organisation = normalise(organisations.get(person));
      int best = -1;
      for (int i = 0; i < open.size(); i++) {
        List<String> members = seated.get(open.get(i).id());
        if (members.size() >= targets[i]) {
          continue;
        }
        if (best < 0 || compare(i, best, open, seated, colleagues, organisation, tieBreak) < 0) {
          best = i;
        }
      }
      String roomId = open.get(best).id();
      seated.get(roomId).add(person);
      colleagues.computeIfAbsent(roomId, k -> new HashMap<>()).merge(organisation, 1, Integer::sum);
    }
    return w.rooms().stream().map(r -> r.open() ? r.withMembers(seated.get(r.id())) : r).toList();
  }

  private static int compare(int a, int b, List<Room> open, Map<String, List<String>> seated,
      Map<String, Map<String, Integer>> colleagues, String organisation, List<Integer> tieBreak) {
    return Comparator.<Integer>comparingInt(i -> colleagues.getOrDefault(open.get(i).id(), Map.of()).getOrDefault(organisation, 0))
        .thenComparingInt(i -> seated.get(open.get(i).id()).size())
        .thenComparingInt(tieBreak::indexOf)
        .compare(a, b);
  }

  /** How many people each open room ends up with: as even as possible within its capacity. */
  private static int[] targets(List<Room> open, Map<String, List<String>> seated, int toSeat) {
    int[] targets = new int[open.size()];
    for (int i = 0; i < open.size(); i++) {
      targets[i] = seated.get(open.get(i).id()).size();
    }
    for (int n = 0; n < toSeat; n++) {
      int smallest = -1;
      for (int i = 0; i < open.size(); i++) {
        Integer capacity = open.get(i).capacity();
        if ((capacity == null || targets[i] < capacity) && (smallest < 0 || targets[i] < targets[smallest])) {
          smallest = i;
        }
      }
      if (smallest < 0) {
        throw DomainException.conflict("assignment.capacity", toSeat);
      }
      targets[smallest]++;
    }
    return targets;
  }

  /** Everyone to seat, largest organisation first, in a seeded order within each. */
  private static List<String> byOrganisation(List<String> pool, Map<String, String> organisations, Random random) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String person : pool) {
      groups.computeIfAbsent(normalise(organisations.get(person)), k -> new ArrayList<>()).add(person);
    }
    List<Map.Entry<String, List<String>>> ordered = new ArrayList<>(groups.entrySet());
    ordered.sort(Comparator.<Map.Entry<String, List<String>>>comparingInt(e -> -e.getValue().size())
        .thenComparing(Map.Entry::getKey));
    List<String> order = new ArrayList<>();
    for (Map.Entry<String, List<String>> group : ordered) {
      List<String> people = new ArrayList<>(group.getValue());
      Collections.shuffle(people, random);
      order.addAll(people);
    }
    return order;
  }

  /** "测试党校" and " 测试党校 " are one organisation; so are "Party School" and "party school". */
  private static String normalise(String organisation) {
    return organisation == null ? "" : organisation.strip().toLowerCase(Locale.ROOT);
  }
}
