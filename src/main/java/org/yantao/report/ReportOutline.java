package org.yantao.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yantao.text.Delta;
import org.yantao.workshop.Room;
import org.yantao.workshop.Theme;
import org.yantao.workshop.Workshop;

/**
 * The structure of a report as it is now, read back from the provenance of its lines, so that
 * changes can be placed among whatever the organisers have edited since it was generated. A part
 * runs from a theme's (or "other") heading to the next such heading; lines without provenance
 * belong to the part they sit in.
 */
final class ReportOutline {

  /** A theme's part of the report; {@code themeId} is null for the "other findings" part. */
  record Part(String themeId, int firstLine, int endLine) {}

  private final Delta report;
  private final List<DocumentLine> lines;
  private final List<Optional<Provenance>> provenance;
  private final List<Part> parts = new ArrayList<>();

  ReportOutline(Delta report) {
    this.report = report;
    this.lines = DocumentLine.of(report);
    this.provenance = lines.stream().map(Provenance::of).toList();
    int open = -1;
    String openTheme = null;
    for (int i = 0; i < lines.size(); i++) {
      Provenance p = provenance.get(i).orElse(null);
      if (p instanceof Provenance.ThemeHeading || p instanceof Provenance.OtherHeading) {
        if (open >= 0) {
          parts.add(new Part(openTheme, open, i));
        }
        open = i;
        openTheme = p instanceof Provenance.ThemeHeading heading ? heading.themeId() : null;
      }
    }
    if (open >= 0) {
      parts.add(new Part(openTheme, open, lines.size()));
    }
  }

  List<DocumentLine> lines() {
    return lines;
  }

  Optional<Provenance> provenance(int line) {
    return provenance.get(line);
  }

  Optional<Part> part(String themeId) {
    return parts.stream().filter(p -> Objects.equals(p.themeId(), themeId)).findFirst();
  }

  /** The highest findings revision each room's lines record. */
  Map<String, Long> recordedRevisions() {
    Map<String, Long> revisions = new HashMap<>();
    for (Optional<Provenance> p : provenance) {
      if (p.orElse(null) instanceof Provenance.RoomText text) {
        revisions.merge(text.room(), text.revision(), Math::max);
      }
    }
    return revisions;
  }

  /** The normalised texts of a room's lines, wherever organisers have moved them. */
  Set<String> textsOf(String roomId) {
    Set<String> texts = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (provenance.get(i).orElse(null) instanceof Provenance.RoomText text && text.room().equals(roomId)) {
        texts.add(Similarity.normalise(lines.get(i).text()));
      }
    }
    return texts;
  }

  /** Just after the room's last line in the part, if the room has a block there. */
  Optional<Integer> endOfRoomBlock(Part part, String roomId) {
    for (int i = part.endLine() - 1; i > part.firstLine(); i--) {
      if (provenance.get(i).orElse(null) instanceof Provenance.RoomText text && text.room().equals(roomId)) {
        return Optional.of(lines.get(i).end());
      }
    }
    return Optional.empty();
  }

  /**
   * Where a new block for {@code room} goes in the part: before the first block of a room that
   * comes later in the workshop, else before the part's top ideas, else at the part's end.
   */
  int newRoomBlockPosition(Part part, Room room, Workshop workshop) {
    List<String> later = roomsAfter(room, workshop);
    for (int i = part.firstLine() + 1; i < part.endLine(); i++) {
      Provenance p = provenance.get(i).orElse(null);
      if ((p instanceof Provenance.RoomText text && later.contains(text.room())) || p instanceof Provenance.IdeasHeading) {
        return lines.get(i).start();
      }
    }
    return endOf(part);
  }

  /**
   * Where a new part for {@code theme} goes (null: the "other" part): before the part of the
   * first later theme, else before the "other" part, else at the end of the report.
   */
  int newPartPosition(Theme theme, Workshop workshop) {
    if (theme != null) {
      List<Theme> themes = workshop.themes();
      for (Theme later : themes.subList(themes.indexOf(theme) + 1, themes.size())) {
        Optional<Part> part = part(later.id());
        if (part.isPresent()) {
          return lines.get(part.get().firstLine()).start();
        }
      }
      Optional<Part> other = part(null);
      if (other.isPresent()) {
        return lines.get(other.get().firstLine()).start();
      }
    }
    return report.length();
  }

  int endOf(Part part) {
    return part.endLine() < lines.size() ? lines.get(part.endLine()).start() : report.length();
  }

  private static List<String> roomsAfter(Room room, Workshop workshop) {
    List<String> ids = workshop.rooms().stream().map(Room::id).toList();
    int index = ids.indexOf(room.id());
    return index < 0 ? List.of() : ids.subList(index + 1, ids.size());
  }
}
