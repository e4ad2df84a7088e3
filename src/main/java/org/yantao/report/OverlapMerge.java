package org.yantao.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yantao.text.Delta;

/**
 * Accepting an overlap group merges its points in the report into the first of them, annotated
 * "raised by k of n groups", and removes the others; undoing puts them back. Both work on the
 * report as it is when the organiser decides, and return a change to compose onto it, so they go
 * through the same OT path as any other edit. Undo finds what it needs by content rather than by
 * position, because other edits may have moved everything in between.
 */
public final class OverlapMerge {

  /** The change that merges the group, and what undoing it will need. */
  public record Accepted(Delta change, AcceptedMerge merge) {}

  private OverlapMerge() {
  }

  /**
   * Empty when none of the group's points is in the report any more, or the group is already
   * merged there.
   */
  public static Optional<Accepted> accept(Delta report, OverlapGroup group, Locale locale) {
    ReportOutline outline = new ReportOutline(report);
    Optional<ReportOutline.Part> part = outline.part(group.themeId());
    if (part.isEmpty() || mergedLine(outline, group.id()).isPresent()) {
      return Optional.empty();
    }
    List<Integer> matched = match(outline, part.get(), group.members());
    if (matched.isEmpty()) {
      return Optional.empty();
    }
    List<DocumentLine> lines = outline.lines();
    String annotation = group.annotation(locale);
    DocumentLine kept = lines.get(matched.get(0));
    int keptEnd = kept.start() + kept.text().length();
    ChangeBuilder change = new ChangeBuilder()
        .insert(keptEnd, Delta.insert(annotation))
        .format(keptEnd, 1, Map.of(ReportAttributes.OVERLAP, group.id()));
    List<AcceptedMerge.RemovedLine> removed = new ArrayList<>();
    for (int index : matched.subList(1, matched.size())) {
      DocumentLine line = lines.get(index);
      DocumentLine before = lines.get(index - 1);
      removed.add(new AcceptedMerge.RemovedLine(line.toDelta(), provenanceOf(before), Similarity.normalise(before.text())));
      change.delete(line.start(), line.length());
    }
    return Optional.of(new Accepted(change.build(), new AcceptedMerge(group.id(), group.themeId(), annotation, removed)));
  }

  /**
   * The change that undoes {@code merge} on the report as it is now: the annotation comes off the
   * merged point (if an organiser has not reworded its end) and each removed line goes back after
   * the line it followed, or at the end of its room's block if that line is gone. Lines already
   * back are not added twice.
   */
  public static Delta undo(Delta report, AcceptedMerge merge) {
    Delta document = report;
    ChangeBuilder unmark = new ChangeBuilder();
    ReportOutline outline = new ReportOutline(document);
    Optional<Integer> merged = mergedLine(outline, merge.groupId());
    if (merged.isPresent()) {
      DocumentLine line = outline.lines().get(merged.get());
      int end = line.start() + line.text().length();
      if (line.text().endsWith(merge.annotation())) {
        unmark.delete(end - merge.annotation().length(), merge.annotation().length());
      }
      Map<String, Object> clear = new HashMap<>();
      clear.put(ReportAttributes.OVERLAP, null);
      unmark.format(end, 1, clear);
    }
    Delta total = unmark.build();
    document = document.compose(total);
    for (AcceptedMerge.RemovedLine removed : merge.removed()) {
      Delta restore = restore(document, merge.themeId(), removed);
      document = document.compose(restore);
      total = total.compose(restore);
    }
    return total;
  }

  private static Delta restore(Delta document, String themeId, AcceptedMerge.RemovedLine removed) {
    DocumentLine line = DocumentLine.of(removed.line()).get(0);
    String provenance = provenanceOf(line);
    String text = Similarity.normalise(line.text());
    ReportOutline outline = new ReportOutline(document);
    Optional<ReportOutline.Part> part = outline.part(themeId);
    if (part.isEmpty()) {
      return new ChangeBuilder().insert(document.length(), removed.line()).build();
    }
    // A room's label repeats in every part the room wrote in, so the anchor is looked for in the group's part only.
    List<DocumentLine> lines = outline.lines().subList(part.get().firstLine(), part.get().endLine());
    for (DocumentLine existing : lines) {
      if (Objects.equals(provenanceOf(existing), provenance) && Similarity.normalise(existing.text()).equals(text)) {
        return Delta.EMPTY;
      }
    }
    for (DocumentLine anchor : lines) {
      if (Objects.equals(provenanceOf(anchor), removed.anchorProvenance())
          && Similarity.normalise(anchor.text()).equals(removed.anchorText())) {
        return new ChangeBuilder().insert(anchor.end(), removed.line()).build();
      }
    }
    int position = Provenance.of(line).flatMap(Provenance::roomId)
        .flatMap(room -> outline.endOfRoomBlock(part.get(), room))
        .orElse(outline.endOf(part.get()));
    return new ChangeBuilder().insert(position, removed.line()).build();
  }

  /** The report's lines for the members, in document order; each line stands for one member at most. */
  private static List<Integer> match(ReportOutline outline, ReportOutline.Part part, List<OverlapPoint> members) {
    Set<Integer> used = new HashSet<>();
    for (OverlapPoint member : members) {
      Provenance wanted = Provenance.parse(member.provenance()).orElse(null);
      String text = Similarity.normalise(member.text());
      for (int i = part.firstLine() + 1; i < part.endLine(); i++) {
        if (used.contains(i)) {
          continue;
        }
        Provenance found = outline.provenance(i).orElse(null);
        boolean same = wanted instanceof Provenance.IdeaLine
            ? wanted.equals(found)
            : found instanceof Provenance.RoomText room && room.room().equals(member.roomId())
                && !outline.lines().get(i).isHeading()
                && Similarity.normalise(outline.lines().get(i).text()).equals(text);
        if (same) {
          used.add(i);
          break;
        }
      }
    }
    return used.stream().sorted().toList();
  }

  private static Optional<Integer> mergedLine(ReportOutline outline, String groupId) {
    List<DocumentLine> lines = outline.lines();
    for (int i = 0; i < lines.size(); i++) {
      if (groupId.equals(lines.get(i).attribute(ReportAttributes.OVERLAP))) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static String provenanceOf(DocumentLine line) {
    return line.attribute(Provenance.ATTRIBUTE) instanceof String value ? value : null;
  }
}
