package org.yantao.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yantao.workshop.Room;
import org.yantao.workshop.Theme;

/**
 * Finds points from different rooms on the same theme that say nearly the same thing. Points are
 * the non-heading lines of each room's part under the theme and the theme's ideas (all of them,
 * not only the top ones: an idea still shows that its room raised the point). Two points from
 * different rooms are linked when {@link Similarity#similar} says so; a group is a connected set of
 * linked points, so it always spans at least two rooms.
 */
public final class OverlapFinder {

  private OverlapFinder() {
  }

  /** The groups, theme by theme in workshop order, each in the order its points appear. */
  public static List<OverlapGroup> find(ReportSources sources) {
    List<OverlapGroup> groups = new ArrayList<>();
    for (Theme theme : sources.workshop().themes()) {
      groups.addAll(find(sources, theme));
    }
    return groups;
  }

  private static List<OverlapGroup> find(ReportSources sources, Theme theme) {
    List<OverlapPoint> points = points(sources, theme);
    List<Set<String>> grams = points.stream().map(p -> Similarity.grams(p.text())).toList();
    int[] parent = new int[points.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < points.size(); i++) {
      for (int j = i + 1; j < points.size(); j++) {
        if (!points.get(i).roomId().equals(points.get(j).roomId()) && Similarity.similar(grams.get(i), grams.get(j))) {
          parent[root(parent, i)] = root(parent, j);
        }
      }
    }
    Map<Integer, List<OverlapPoint>> components = new LinkedHashMap<>();
    for (int i = 0; i < points.size(); i++) {
      components.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(points.get(i));
    }
    int of = sources.roomsOn(theme);
    List<OverlapGroup> groups = new ArrayList<>();
    for (List<OverlapPoint> members : components.values()) {
      int rooms = (int) members.stream().map(OverlapPoint::roomId).distinct().count();
      if (rooms > 1) {
        groups.add(new OverlapGroup(groupId(theme, members), theme.id(), members, rooms, Math.max(of, rooms)));
      }
    }
    return groups;
  }

  private static List<OverlapPoint> points(ReportSources sources, Theme theme) {
    List<OverlapPoint> points = new ArrayList<>();
    for (Room room : sources.workshop().rooms()) {
      String provenance = ReportBuilder.roomProvenance(sources, room);
      for (DocumentLine line : DocumentLine.of(sources.sections(room).theme(theme.id()))) {
        if (!line.isBlank() && !line.isHeading()) {
          points.add(new OverlapPoint(room.id(), line.text().strip(), provenance));
        }
      }
    }
    for (ReportIdea idea : sources.ideas()) {
      if (sources.themeOf(idea).filter(theme.id()::equals).isPresent() && sources.workshop().room(idea.roomId()).isPresent()) {
        points.add(new OverlapPoint(idea.roomId(), idea.text().strip(),
            new Provenance.IdeaLine(idea.roomId(), idea.id()).encode()));
      }
    }
    return points;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static String groupId(Theme theme, List<OverlapPoint> members) {
    List<String> keys = members.stream().map(OverlapPoint::stableKey).sorted().toList();
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(theme.id().getBytes(StandardCharsets.UTF_8));
      for (String key : keys) {
        digest.update((byte) 0);
        digest.update(key.getBytes(StandardCharsets.UTF_8));
      }
      return "ov-" + HexFormat.of().formatHex(digest.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
