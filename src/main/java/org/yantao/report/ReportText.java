package org.yantao.report;

import java.util.List;
import java.util.Locale;
import org.yantao.workshop.Theme;

/** The words the report adds around the rooms' text, in Chinese or English. */
record ReportText(boolean chinese) {

  static ReportText of(Locale locale) {
    return new ReportText("zh".equals(locale.getLanguage()));
  }

  String theme(Theme theme) {
    if (chinese || theme.nameEn() == null || theme.nameEn().isBlank()) {
      return theme.name();
    }
    return theme.nameEn();
  }

  /** The subtitle of the exported report, under the workshop's title. */
  String reportTitle() {
    return chinese ? "综合报告" : "Consolidated report";
  }

  String other() {
    return chinese ? "其他" : "Other findings";
  }

  String roomLabel(String roomName, List<String> organisations) {
    if (organisations.isEmpty()) {
      return roomName;
    }
    return chinese
        ? roomName + "（" + String.join("、", organisations) + "）"
        : roomName + " (" + String.join(", ", organisations) + ")";
  }

  String topIdeas() {
    return chinese ? "热门想法" : "Top ideas";
  }

  String idea(String text, String roomName, int votes) {
    String flat = text.replaceAll("\\s*\\R\\s*", " ").strip();
    return chinese
        ? flat + "（" + roomName + "，" + votes + "票）"
        : flat + " (" + roomName + ", " + votes + (votes == 1 ? " vote)" : " votes)");
  }

  /** Appended to a merged point, so it starts with its own separator. */
  String raisedBy(int rooms, int of) {
    return chinese
        ? "（" + rooms + "/" + of + " 个小组提到）"
        : " (raised by " + rooms + " of " + of + " groups)";
  }
}
