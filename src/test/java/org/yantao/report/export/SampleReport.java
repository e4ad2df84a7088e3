package org.yantao.report.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yantao.text.Delta;

/**
 * A consolidated report as the exporters get it: three themes, four rooms, findings in Chinese and
 * English with headings, lists, bold and italic text, links and provenance on every line.
 */
final class SampleReport {

  static final String TITLE = "2026 全国培训院校研讨班 Seminar Report";
  static final String SUBTITLE = "分组研讨成果汇编 · Consolidated findings";
  static final long GENERATED_AT = 1_795_000_000_000L;

  /** Themes, in order, with the rooms that wrote under each. */
  static final List<String> THEMES = List.of("教学 Teaching", "科研 Research", "决策咨询 Policy advice");
  static final List<String> ROOMS = List.of("第一组 Group 1", "第二组 Group 2", "第三组 Group 3", "第四组 Group 4");

  /** Every heading, level and text, in document order. */
  static final List<Map.Entry<Integer, String>> HEADINGS = List.of(
      Map.entry(1, THEMES.get(0)),
      Map.entry(2, ROOMS.get(0)),
      Map.entry(2, ROOMS.get(1)),
      Map.entry(1, THEMES.get(1)),
      Map.entry(2, ROOMS.get(2)),
      Map.entry(3, "重点建议 Key points"),
      Map.entry(1, THEMES.get(2)),
      Map.entry(2, ROOMS.get(3)),
      Map.entry(2, "高票观点 Top ideas"));

  /** The content's block structure as the Markdown and HTML exports show it (headings one level down). */
  static final List<String> OUTLINE = List.of(
      "h2 教学 Teaching", "h3 第一组 Group 1", "p", "p", "h3 第二组 Group 2", "ul 2",
      "h2 科研 Research", "h3 第三组 Group 3", "p", "h4 重点建议 Key points", "ol 2",
      "h2 决策咨询 Policy advice", "h3 第四组 Group 4", "blockquote", "h3 高票观点 Top ideas", "ul 1");

  /** Sentences in the order they appear, each in one paragraph or list item. */
  static final List<String> SENTENCES = List.of(
      "课堂教学要以学员为中心，案例教学比例提高到百分之四十。",
      "Case teaching should reach forty percent of classroom hours.",
      "建立跨省师资共享平台",
      "Share lecturers across provinces",
      "科研选题应当紧扣地方治理的实际问题。",
      "首先，设立联合课题",
      "其次，成果转化为决策咨询报告",
      "决策咨询报告要短、准、快。",
      "每个省份每年至少报送两篇内参。");

  private SampleReport() {
  }

  static ExportDocument document(Locale locale) {
    return new ExportDocument(TITLE, SUBTITLE, GENERATED_AT, content(), locale);
  }

  static Delta content() {
    Delta.Builder d = Delta.builder();
    heading(d, 1, THEMES.get(0), null);
    heading(d, 2, ROOMS.get(0), "room-1@12");
    d.insert("课堂教学要以学员为中心，");
    d.insert("案例教学", Map.of("bold", true));
    d.insert("比例提高到百分之四十。");
    line(d, "room-1@12");
    d.insert("Case teaching should reach ");
    d.insert("forty percent", Map.of("italic", true));
    d.insert(" of classroom hours.");
    line(d, "room-1@12");
    heading(d, 2, ROOMS.get(1), "room-2@7");
    d.insert("建立跨省师资共享平台");
    d.insert("\n", Map.of("list", "bullet", "provenance", "room-2@7"));
    d.insert("Share lecturers across ");
    d.insert("provinces", Map.of("link", "https://example.org/share?a=1&b=2"));
    d.insert("\n", Map.of("list", "bullet", "provenance", "room-2@7"));
    heading(d, 1, THEMES.get(1), null);
    heading(d, 2, ROOMS.get(2), "room-3@3");
    d.insert("科研选题应当紧扣", Map.of("bold", true, "italic", true));
    d.insert("地方治理的实际问题。", Map.of("underline", true, "color", "#ff0000"));
    line(d, "room-3@3");
    heading(d, 3, "重点建议 Key points", "room-3@3");
    d.insert("首先，设立联合课题");
    d.insert("\n", Map.of("list", "ordered", "provenance", "room-3@3"));
    d.insert("其次，成果转化为");
    d.insert("决策咨询报告", Map.of("strike", true));
    d.insert("\n", Map.of("list", "ordered", "provenance", "room-3@3"));
    heading(d, 1, THEMES.get(2), null);
    heading(d, 2, ROOMS.get(3), "room-4@21");
    d.insert("决策咨询报告要短、准、快。");
    d.insert("\n", Map.of("blockquote", true, "provenance", "room-4@21"));
    heading(d, 2, "高票观点 Top ideas", null);
    d.insert("每个省份每年至少报送两篇内参。");
    d.insert("\n", Map.of("list", "bullet"));
    return d.build();
  }

  /** The report of the benchmark: {@code rooms} rooms of about {@code charsPerRoom} characters, then ideas. */
  static Delta large(int rooms, int charsPerRoom, int ideas) {
    Delta.Builder d = Delta.builder();
    String zh = "围绕教学、科研与决策咨询三个方面，本组认为应当加强跨省协作，推动案例教学与课题研究相结合。";
    String en = "The group recommends closer cooperation across provinces and more case-based teaching. ";
    List<String> themes = new ArrayList<>(THEMES);
    for (int room = 0; room < rooms; room++) {
      if (room % (rooms / themes.size() + 1) == 0) {
        heading(d, 1, themes.get(room / (rooms / themes.size() + 1)), null);
      }
      heading(d, 2, "第" + (room + 1) + "组 Group " + (room + 1), "room-" + room + "@1");
      int written = 0;
      int paragraph = 0;
      while (written < charsPerRoom) {
        String text = paragraph % 2 == 0 ? zh + zh : en + en;
        if (paragraph % 5 == 3) {
          d.insert("要点 " + paragraph, Map.of("bold", true));
          d.insert(text);
          d.insert("\n", Map.of("list", "bullet", "provenance", "room-" + room + "@1"));
        } else {
          d.insert(text);
          line(d, "room-" + room + "@1");
        }
        written += text.length();
        paragraph++;
      }
    }
    heading(d, 1, "高票观点 Top ideas", null);
    for (int idea = 0; idea < ideas; idea++) {
      d.insert("观点 " + idea + "：加强师资培训 Strengthen teacher training (" + (ideas - idea) + " votes)");
      d.insert("\n", Map.of("list", "ordered"));
    }
    return d.build();
  }

  static List<IdeaExportRow> ideas() {
    return List.of(
        new IdeaExportRow(ROOMS.get(0), THEMES.get(0), "案例教学要贴近实际", "张老师", "某省委党校", 12, GENERATED_AT - 3_600_000),
        new IdeaExportRow(ROOMS.get(1), THEMES.get(0), "Share lecturers, \"fairly\", across provinces", null, null, 7, GENERATED_AT - 1_800_000),
        new IdeaExportRow(ROOMS.get(2), null, "多行\n观点，含逗号", "Li Wei", "Provincial College", 0, GENERATED_AT));
  }

  private static void heading(Delta.Builder d, int level, String text, String provenance) {
    d.insert(text);
    d.insert("\n", provenance == null ? Map.of("header", level) : Map.of("header", level, "provenance", provenance));
  }

  private static void line(Delta.Builder d, String provenance) {
    d.insert("\n", Map.of("provenance", provenance));
  }
}
