package org.yantao.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yantao.text.Delta;
import org.yantao.workshop.Room;
import org.yantao.workshop.Theme;
import org.yantao.workshop.Workshop;

/**
 * Everything a report is made from: the workshop (themes and rooms, in order), each room's
 * findings, the organisation of each participant (by participant id) and the ideas.
 */
public record ReportSources(
    Workshop workshop,
    Map<String, RoomFindings> findings,
    Map<String, String> organisations,
    List<ReportIdea> ideas) {

  public ReportSources {
    findings = Map.copyOf(findings);
    organisations = Map.copyOf(organisations);
    ideas = List.copyOf(ideas);
  }

  public static ReportSources of(Workshop workshop, List<RoomFindings> findings,
                                 Map<String, String> organisations, List<ReportIdea> ideas) {
    Map<String, RoomFindings> byRoom = new HashMap<>();
    findings.forEach(f -> byRoom.put(f.roomId(), f));
    return new ReportSources(workshop, byRoom, organisations, ideas);
  }

  public Optional<RoomFindings> findings(String roomId) {
    return Optional.ofNullable(findings.get(roomId));
  }

  public FindingsSections sections(Room room) {
    return findings(room.id())
        .map(f -> FindingsSections.split(f.content(), workshop.themes()))
        .orElseGet(() -> FindingsSections.split(Delta.EMPTY, workshop.themes()));
  }

  /** The distinct organisations of a room's members, in the order the members joined the room. */
  public List<String> organisationsOf(Room room) {
    Set<String> distinct = new LinkedHashSet<>();
    for (String member : room.members()) {
      String organisation = organisations.get(member);
      if (organisation != null && !organisation.isBlank()) {
        distinct.add(organisation.strip());
      }
    }
    return new ArrayList<>(distinct);
  }

  /** The theme an idea counts for, if any (see {@link ReportIdea}). */
  public Optional<String> themeOf(ReportIdea idea) {
    if (idea.themeId() != null) {
      return Optional.of(idea.themeId());
    }
    return workshop.room(idea.roomId())
        .filter(room -> room.themes().size() == 1)
        .map(room -> room.themes().get(0));
  }

  /**
   * The number of groups that could raise a point on a theme: the rooms given the theme, plus any
   * other room that wrote under its heading anyway.
   */
  public int roomsOn(Theme theme) {
    int count = 0;
    for (Room room : workshop.rooms()) {
      if (room.themes().contains(theme.id()) || !FindingsSections.isBlank(sections(room).theme(theme.id()))) {
        count++;
      }
    }
    return count;
  }
}
