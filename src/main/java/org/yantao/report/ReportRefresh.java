package org.yantao.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yantao.text.Delta;
import org.yantao.workshop.Room;
import org.yantao.workshop.Theme;

/**
 * Brings a report that organisers may have edited up to date with the rooms' findings without
 * touching what is there: the change only inserts. A room whose findings revision is past the
 * highest revision its lines in the report record gets, at the end of its block in each part, the
 * lines whose normalised text (see {@link Similarity#normalise}) is not yet among its lines
 * anywhere in the report; a missing block or part is created where {@link ReportBuilder} would
 * have put it. Inserted lines, and the labels and headings created for them, carry the line
 * attribute {@link ReportAttributes#FRESH} so that the editor can show what is new until an
 * organiser clears it; their provenance records the room's current revision, so a second refresh
 * finds nothing to add.
 *
 * <p>A line an organiser deleted would come back as new. To prevent that, pass the room's findings
 * as of the revision the report records ({@link #recordedRevisions}) as its baseline: lines already
 * in the baseline are then never new.
 */
public final class ReportRefresh {

  /** What a refresh brought for one room. */
  public record RoomChange(String roomId, Optional<Long> fromRevision, long toRevision, int newLines) {}

  /** The change to compose onto the report, and the rooms that contributed to it, in workshop order. */
  public record Result(Delta change, List<RoomChange> rooms) {}

  private final ReportBuilder builder;

  public ReportRefresh(Locale locale) {
    this.builder = new ReportBuilder(locale, 0);
  }

  /** The findings revision each room's lines in {@code report} record, to load baselines at. */
  public static Map<String, Long> recordedRevisions(Delta report) {
    return new ReportOutline(report).recordedRevisions();
  }

  public Result refresh(Delta report, ReportSources sources, Map<String, Delta> baselines) {
    ReportOutline outline = new ReportOutline(report);
    Map<String, Long> recorded = outline.recordedRevisions();
    Map<String, Map<String, Delta>> fresh = new LinkedHashMap<>();
    List<RoomChange> changes = new ArrayList<>();
    for (Room room : sources.workshop().rooms()) {
      Optional<RoomFindings> findings = sources.findings(room.id());
      Long from = recorded.get(room.id());
      if (findings.isEmpty() || (from != null && findings.get().revision() <= from)) {
        continue;
      }
      Map<String, Delta> parts = freshLines(room, sources, outline, baselines.get(room.id()));
      int count = parts.values().stream().mapToInt(lines -> DocumentLine.of(lines).size()).sum();
      if (count > 0) {
        fresh.put(room.id(), parts);
        changes.add(new RoomChange(room.id(), Optional.ofNullable(from), findings.get().revision(), count));
      }
    }
    ChangeBuilder change = new ChangeBuilder();
    for (Theme theme : sources.workshop().themes()) {
      place(change, outline, sources, theme, fresh);
    }
    place(change, outline, sources, null, fresh);
    return new Result(change.build(), changes);
  }

  /** The room's new lines by part (theme id, or "" for other), marked fresh, with the current provenance. */
  private static Map<String, Delta> freshLines(Room room, ReportSources sources, ReportOutline outline, Delta baseline) {
    Set<String> known = new HashSet<>(outline.textsOf(room.id()));
    if (baseline != null) {
      DocumentLine.of(baseline).forEach(line -> known.add(Similarity.normalise(line.text())));
    }
    String provenance = ReportBuilder.roomProvenance(sources, room);
    FindingsSections sections = sources.sections(room);
    Map<String, Delta> parts = new LinkedHashMap<>();
    for (Theme theme : sources.workshop().themes()) {
      parts.put(theme.id(), newLines(sections.theme(theme.id()), provenance, known));
    }
    parts.put("", newLines(sections.other(), provenance, known));
    parts.values().removeIf(lines -> lines.length() == 0);
    return parts;
  }

  private static Delta newLines(Delta slice, String provenance, Set<String> known) {
    Delta.Builder lines = Delta.builder();
    for (DocumentLine line : DocumentLine.of(slice)) {
      if (!line.isBlank() && known.add(Similarity.normalise(line.text()))) {
        ReportBuilder.push(lines, markFresh(ReportBuilder.roomLine(line, provenance)));
      }
    }
    return lines.build();
  }

  private void place(ChangeBuilder change, ReportOutline outline, ReportSources sources, Theme theme,
                     Map<String, Map<String, Delta>> fresh) {
    String key = theme == null ? "" : theme.id();
    Optional<ReportOutline.Part> part = outline.part(theme == null ? null : theme.id());
    Delta.Builder newPart = Delta.builder();
    for (Room room : sources.workshop().rooms()) {
      Delta lines = fresh.getOrDefault(room.id(), Map.of()).get(key);
      if (lines == null) {
        continue;
      }
      Optional<Integer> blockEnd = part.flatMap(p -> outline.endOfRoomBlock(p, room.id()));
      if (blockEnd.isPresent()) {
        change.insert(blockEnd.get(), lines);
        continue;
      }
      Delta block = markFresh(builder.roomBlock(sources, room, Delta.EMPTY));
      Delta.Builder withLines = Delta.builder();
      ReportBuilder.push(withLines, block);
      ReportBuilder.push(withLines, lines);
      if (part.isPresent()) {
        change.insert(outline.newRoomBlockPosition(part.get(), room, sources.workshop()), withLines.build());
      } else {
        ReportBuilder.push(newPart, withLines.build());
      }
    }
    Delta body = newPart.build();
    if (body.length() > 0) {
      Delta heading = markFresh(theme == null ? builder.otherHeading() : builder.themeHeading(theme));
      Delta.Builder whole = Delta.builder();
      ReportBuilder.push(whole, heading);
      ReportBuilder.push(whole, body);
      change.insert(outline.newPartPosition(theme, sources.workshop()), whole.build());
    }
  }

  /** Adds the fresh mark to every line of a document. */
  private static Delta markFresh(Delta lines) {
    Delta.Builder marked = Delta.builder();
    for (DocumentLine line : DocumentLine.of(lines)) {
      Map<String, Object> attributes = new LinkedHashMap<>(line.attributes());
      attributes.put(ReportAttributes.FRESH, true);
      ReportBuilder.push(marked, line.withLineAttributes(attributes));
    }
    return marked.build();
  }
}
