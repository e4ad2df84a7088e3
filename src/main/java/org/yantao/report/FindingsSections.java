package org.yantao.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yantao.text.Delta;
import org.yantao.workshop.Theme;

/**
 * A room's findings cut at its theme headings. A theme heading is a header-2 line whose trimmed
 * text is the theme's id or one of its names (ignoring case), which is what {@code FindingsTemplate}
 * writes. Everything up to the next theme heading belongs to the theme, the participants' own
 * headings (of any level) included, so a group can structure its part freely. Text before the first
 * theme heading goes to {@link #other()}. A theme whose heading appears twice gets both parts, in
 * order. Slices are documents of whole lines with their formatting; the theme headings themselves
 * are left out.
 */
public record FindingsSections(Map<String, Delta> byTheme, Delta other) {

  public FindingsSections {
    byTheme = Collections.unmodifiableMap(new LinkedHashMap<>(byTheme));
  }

  public static FindingsSections split(Delta findings, List<Theme> themes) {
    Map<String, Delta.Builder> parts = new LinkedHashMap<>();
    themes.forEach(theme -> parts.put(theme.id(), Delta.builder()));
    Delta.Builder other = Delta.builder();
    Delta.Builder current = other;
    for (DocumentLine line : DocumentLine.of(findings)) {
      Optional<Theme> heading = themeHeading(line, themes);
      if (heading.isPresent()) {
        current = parts.get(heading.get().id());
        continue;
      }
      line.toDelta().ops().forEach(current::push);
    }
    Map<String, Delta> byTheme = new LinkedHashMap<>();
    parts.forEach((themeId, part) -> byTheme.put(themeId, part.build()));
    return new FindingsSections(byTheme, other.build());
  }

  /** The part under the theme's heading; empty if the room wrote none. */
  public Delta theme(String themeId) {
    return byTheme.getOrDefault(themeId, Delta.EMPTY);
  }

  /** True when a slice has no line with visible text (the template's empty line, say). */
  public static boolean isBlank(Delta slice) {
    return DocumentLine.of(slice).stream().allMatch(DocumentLine::isBlank);
  }

  static Optional<Theme> themeHeading(DocumentLine line, List<Theme> themes) {
    if (!(line.attribute("header") instanceof Number level) || level.intValue() != 2) {
      return Optional.empty();
    }
    String text = line.text().strip().toLowerCase(Locale.ROOT);
    return text.isEmpty() ? Optional.empty() : themes.stream().filter(theme -> names(theme, text)).findFirst();
  }

  private static boolean names(Theme theme, String text) {
    return text.equals(theme.id().toLowerCase(Locale.ROOT))
        || text.equals(theme.name().strip().toLowerCase(Locale.ROOT))
        || (theme.nameEn() != null && text.equals(theme.nameEn().strip().toLowerCase(Locale.ROOT)));
  }
}
