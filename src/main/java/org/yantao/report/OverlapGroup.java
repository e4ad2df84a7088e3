package org.yantao.report;

import java.util.List;
import java.util.Locale;

/**
 * Points from different rooms on one theme that say nearly the same thing: raised by {@code rooms}
 * of the {@code of} groups working on the theme. The id depends only on the members' stable keys,
 * so the organiser's decision on a group can be matched to it after the report is regenerated.
 */
public record OverlapGroup(String id, String themeId, List<OverlapPoint> members, int rooms, int of) {

  public OverlapGroup {
    members = List.copyOf(members);
  }

  /** "raised by k of n groups" / "k/n 个小组提到", as appended to the merged point. */
  public String annotation(Locale locale) {
    return ReportText.of(locale).raisedBy(rooms, of);
  }
}
