package org.yantao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yantao.text.Delta;
import org.yantao.text.Op;

class ReportBuilderTest {

  private final Delta report = new ReportBuilder(Locale.CHINESE, 5).build(Seminar.sources());

  @Test
  void themesFollowTheWorkshopAndRoomsFollowTheirOrderWithOrganisations() {
    assertThat(Docs.linesWith(report, "header", 1L)).containsExactly("教学", "科研", "决策咨询", "其他");
    assertThat(Docs.linesWith(report, "header", 2L)).containsExactly(
        "第一组（江苏省委党校、浙江行政学院）", "第二组（四川行政学院）", "Group 3（Shanghai Institute、Yunnan College）", "热门想法",
        "第一组（江苏省委党校、浙江行政学院）", "Group 3（Shanghai Institute、Yunnan College）", "热门想法",
        "第二组（四川行政学院）", "Group 3（Shanghai Institute、Yunnan College）",
        "第二组（四川行政学院）");
  }

  @Test
  void theWholeReportReadsInOrderWithoutBlankLines() {
    assertThat(Docs.text(report)).isEqualTo(String.join("\n",
        "教学",
        "第一组（江苏省委党校、浙江行政学院）",
        "重点：加强青年教师的实践教学能力培养",
        "鼓励教师到企业挂职锻炼，积累实践经验",
        "课程内容更新慢，跟不上行业发展",
        "第二组（四川行政学院）",
        "青年教师实践教学能力需要进一步加强培养",
        "完善教学评价，引入企业和学生的反馈",
        "Group 3（Shanghai Institute、Yunnan College）",
        "Young teachers need more hands-on teaching practice",
        "热门想法",
        "课程内容跟不上行业发展，更新太慢（第二组，5票）",
        "More industry placements（Group 3，3票）",
        "建立双师型教师培养机制（第一组，3票）",
        "增加实训设备的经费投入（第二组，1票）",
        "科研",
        "第一组（江苏省委党校、浙江行政学院）",
        "现状",
        "科研成果转化缺乏有效的激励机制",
        "Group 3（Shanghai Institute、Yunnan College）",
        "Research teams should bring several disciplines together",
        "热门想法",
        "建立科研专家库（第四组，2票）",
        "决策咨询",
        "第二组（四川行政学院）",
        "决策咨询报告要贴近地方政府的实际需求",
        "Group 3（Shanghai Institute、Yunnan College）",
        "Policy reports should address the real needs of local government",
        "其他",
        "第二组（四川行政学院）",
        "记录：小组秘书",
        ""));
  }

  @Test
  void formattingIsKeptAndRoomHeadingsNestUnderTheRoomLabel() {
    List<DocumentLine> lines = Docs.lines(report);
    DocumentLine key = lines.get(2);
    assertThat(key.content().ops().get(0)).isEqualTo(new Op.Insert("重点：", Map.of("bold", true)));
    assertThat(key.content().ops().get(1)).isEqualTo(new Op.Insert("加强青年教师的实践教学能力培养"));
    assertThat(lines.get(3).attribute("list")).isEqualTo("bullet");
    assertThat(lines.get(4).attribute("list")).isEqualTo("bullet");
    assertThat(Docs.linesWith(report, "header", 3L)).containsExactly("现状");
    assertThat(Docs.linesWith(new ReportBuilder(Locale.CHINESE, 5).build(withRoom1(Docs.doc()
        .heading("教学", 2).heading("我们的小结", 2).line("要点").build())), "header", 3L))
        .containsExactly("我们的小结");
  }

  @Test
  void everyLineCarriesItsProvenance() {
    List<DocumentLine> lines = Docs.lines(report);
    for (DocumentLine line : lines) {
      assertThat(Provenance.of(line)).as(line.text()).isPresent();
    }
    assertThat(provenanceOf(lines, "教学")).isEqualTo("theme:teaching");
    assertThat(provenanceOf(lines, "第一组（江苏省委党校、浙江行政学院）")).isEqualTo("r-1@7");
    assertThat(provenanceOf(lines, "科研成果转化缺乏有效的激励机制")).isEqualTo("r-1@7");
    assertThat(provenanceOf(lines, "青年教师实践教学能力需要进一步加强培养")).isEqualTo("r-2@4");
    assertThat(provenanceOf(lines, "热门想法")).isEqualTo("ideas:teaching");
    assertThat(provenanceOf(lines, "建立科研专家库（第四组，2票）")).isEqualTo("r-4@idea:i-5");
    assertThat(provenanceOf(lines, "其他")).isEqualTo("other");
    assertThat(Provenance.parse("r-4@idea:i-5")).contains(new Provenance.IdeaLine("r-4", "i-5"));
    assertThat(Provenance.parse("r-1@7")).contains(new Provenance.RoomText("r-1", 7));
  }

  @Test
  void topIdeasAreLimitedAndIdeasWithoutAThemeOnlyCountForASingleThemeRoom() {
    Delta top2 = new ReportBuilder(Locale.CHINESE, 2).build(Seminar.sources());

    assertThat(Docs.linesWith(top2, "list", "bullet")).contains(
        "课程内容跟不上行业发展，更新太慢（第二组，5票）", "More industry placements（Group 3，3票）")
        .doesNotContain("建立双师型教师培养机制（第一组，3票）")
        .noneMatch(line -> line.startsWith("没有主题的想法"));
  }

  @Test
  void englishWordsAroundTheRoomsText() {
    Delta english = new ReportBuilder(Locale.ENGLISH, 5).build(Seminar.sources());

    assertThat(Docs.linesWith(english, "header", 1L)).containsExactly("Teaching", "Research", "Policy advice", "Other findings");
    assertThat(Docs.linesWith(english, "header", 2L)).startsWith("第一组 (江苏省委党校, 浙江行政学院)", "第二组 (四川行政学院)",
        "Group 3 (Shanghai Institute, Yunnan College)", "Top ideas");
    assertThat(Docs.linesWith(english, "list", "bullet")).contains("More industry placements (Group 3, 3 votes)",
        "增加实训设备的经费投入 (第二组, 1 vote)");
  }

  @Test
  void nothingWrittenGivesAnEmptyDocument() {
    ReportSources empty = ReportSources.of(Seminar.WORKSHOP, List.of(), Seminar.ORGANISATIONS, List.of());

    assertThat(new ReportBuilder(Locale.CHINESE, 5).build(empty)).isEqualTo(Delta.insert("\n"));
  }

  private static ReportSources withRoom1(Delta findings) {
    return Seminar.sources(findings, 8, Seminar.room2(), 4, Seminar.room3(), 9);
  }

  private static Object provenanceOf(List<DocumentLine> lines, String text) {
    return lines.stream().filter(line -> line.text().equals(text)).findFirst().orElseThrow().attribute(Provenance.ATTRIBUTE);
  }
}
