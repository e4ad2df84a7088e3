package org.yantao.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yantao.text.Delta;
import org.yantao.workshop.Room;
import org.yantao.workshop.Theme;

/**
 * Builds the consolidated report from the rooms' findings and ideas. The workshop title is the
 * report's metadata (exporters print it on the title page), so the document begins with the first
 * theme. Layout, every line carrying its {@link Provenance}:
 * <pre>
 * Theme name                              header 1    theme:&lt;themeId&gt;
 *   Room name（organisation、organisation）  header 2    &lt;roomId&gt;@&lt;rev&gt;
 *   the room's lines under that theme                 &lt;roomId&gt;@&lt;rev&gt;
 *   ... next room, in workshop order
 *   Top ideas                             header 2    ideas:&lt;themeId&gt;
 *   idea text（room，n票）                  bullet      &lt;roomId&gt;@idea:&lt;ideaId&gt;
 * ... next theme, in workshop order
 * Other findings                          header 1    other   (text written outside theme headings)
 * </pre>
 * Blank lines are left out (spacing is the exporters' business), and so are rooms with nothing
 * under a theme and themes with neither findings nor ideas. The rooms' own headings are demoted to
 * at least level 3 so that they nest under the room's label.
 */
public final class ReportBuilder {

  public static final int DEFAULT_TOP_IDEAS = 5;

  static final String HEADER = "header";
  static final String LIST = "list";
  private static final int ROOM_HEADING_FLOOR = 3;

  private final ReportText text;
  private final int topIdeas;

  public ReportBuilder(Locale locale, int topIdeas) {
    if (topIdeas < 0) {
      throw new IllegalArgumentException("topIdeas must not be negative");
    }
    this.text = ReportText.of(locale);
    this.topIdeas = topIdeas;
  }

  public Delta build(ReportSources sources) {
    Map<String, FindingsSections> sections = new LinkedHashMap<>();
    sources.workshop().rooms().forEach(room -> sections.put(room.id(), sources.sections(room)));
    Delta.Builder report = Delta.builder();
    for (Theme theme : sources.workshop().themes()) {
      Delta.Builder part = Delta.builder();
      for (Room room : sources.workshop().rooms()) {
        Delta slice = sections.get(room.id()).theme(theme.id());
        if (!FindingsSections.isBlank(slice)) {
          push(part, roomBlock(sources, room, slice));
        }
      }
      push(part, topIdeas(sources, theme));
      Delta body = part.build();
      if (body.length() > 0) {
        push(report, themeHeading(theme));
        push(report, body);
      }
    }
    Delta.Builder other = Delta.builder();
    for (Room room : sources.workshop().rooms()) {
      Delta slice = sections.get(room.id()).other();
      if (!FindingsSections.isBlank(slice)) {
        push(other, roomBlock(sources, room, slice));
      }
    }
    Delta otherBody = other.build();
    if (otherBody.length() > 0) {
      push(report, otherHeading());
      push(report, otherBody);
    }
    Delta built = report.build();
    return built.length() == 0 ? Delta.insert(DocumentLine.NEWLINE) : built;
  }

  Delta themeHeading(Theme theme) {
    return line(text.theme(theme), Map.of(HEADER, 1, Provenance.ATTRIBUTE, new Provenance.ThemeHeading(theme.id()).encode()));
  }

  Delta otherHeading() {
    return line(text.other(), Map.of(HEADER, 1, Provenance.ATTRIBUTE, new Provenance.OtherHeading().encode()));
  }

  /** The room's label followed by its non-blank lines from {@code slice}. */
  Delta roomBlock(ReportSources sources, Room room, Delta slice) {
    String provenance = roomProvenance(sources, room);
    Delta.Builder block = Delta.builder();
    push(block, line(text.roomLabel(room.name(), sources.organisationsOf(room)),
        Map.of(HEADER, 2, Provenance.ATTRIBUTE, provenance)));
    push(block, roomLines(slice, provenance));
    return block.build();
  }

  /** The non-blank lines of a slice, formatted for the report and marked with {@code provenance}. */
  static Delta roomLines(Delta slice, String provenance) {
    Delta.Builder lines = Delta.builder();
    for (DocumentLine line : DocumentLine.of(slice)) {
      if (!line.isBlank()) {
        push(lines, roomLine(line, provenance));
      }
    }
    return lines.build();
  }

  static Delta roomLine(DocumentLine line, String provenance) {
    Map<String, Object> attributes = new LinkedHashMap<>(line.attributes());
    attributes.keySet().removeAll(ReportAttributes.RESERVED);
    if (attributes.get(HEADER) instanceof Number level && level.intValue() < ROOM_HEADING_FLOOR) {
      attributes.put(HEADER, ROOM_HEADING_FLOOR);
    }
    attributes.put(Provenance.ATTRIBUTE, provenance);
    return line.withLineAttributes(attributes);
  }

  static String roomProvenance(ReportSources sources, Room room) {
    long revision = sources.findings(room.id()).map(RoomFindings::revision).orElse(0L);
    return new Provenance.RoomText(room.id(), revision).encode();
  }

  private Delta topIdeas(ReportSources sources, Theme theme) {
    List<ReportIdea> top = sources.ideas().stream()
        .filter(idea -> sources.themeOf(idea).filter(theme.id()::equals).isPresent())
        .filter(idea -> sources.workshop().room(idea.roomId()).isPresent())
        .sorted(Comparator.comparingInt(ReportIdea::votes).reversed().thenComparingLong(ReportIdea::createdAt))
        .limit(topIdeas)
        .toList();
    if (top.isEmpty()) {
      return Delta.EMPTY;
    }
    Delta.Builder block = Delta.builder();
    push(block, line(text.topIdeas(),
        Map.of(HEADER, 2, Provenance.ATTRIBUTE, new Provenance.IdeasHeading(theme.id()).encode())));
    for (ReportIdea idea : top) {
      String roomName = sources.workshop().requireRoom(idea.roomId()).name();
      push(block, line(text.idea(idea.text(), roomName, idea.votes()),
          Map.of(LIST, "bullet", Provenance.ATTRIBUTE, new Provenance.IdeaLine(idea.roomId(), idea.id()).encode())));
    }
    return block.build();
  }

  private static Delta line(String content, Map<String, ?> attributes) {
    return Delta.builder().insert(content).insert(DocumentLine.NEWLINE, attributes).build();
  }

  static void push(Delta.Builder target, Delta lines) {
    lines.ops().forEach(target::push);
  }
}
