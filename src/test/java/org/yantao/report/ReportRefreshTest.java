package org.yantao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.yantao.text.Delta;

class ReportRefreshTest {

  private final ReportRefresh refresh = new ReportRefresh(Locale.CHINESE);
  private final Delta report = new ReportBuilder(Locale.CHINESE, 5).build(Seminar.sources());

  private static Delta room1WithMore() {
    return Docs.doc()
        .heading("教学", 2)
        .bold("重点：", "加强青年教师的实践教学能力培养")
        .bullet("鼓励教师到企业挂职锻炼，积累实践经验")
        .bullet("课程内容更新慢，跟不上行业发展")
        .bullet("新增：建立教学创新团队")
        .heading("科研", 2)
        .heading("现状", 3)
        .line("科研成果转化缺乏有效的激励机制")
        .heading("决策咨询", 2)
        .line("第一组也谈决策咨询")
        .build();
  }

  private static ReportSources later() {
    return Seminar.sources(room1WithMore(), 11, Seminar.room2(), 4, Seminar.room3(), 9);
  }

  @Test
  void insertsOnlyTheRoomsNewLinesAtTheEndOfItsBlocksMarkedFresh() {
    ReportRefresh.Result result = refresh.refresh(report, later(), Map.of());
    Delta refreshed = report.compose(result.change());

    assertThat(refreshed.isDocument()).isTrue();
    assertThat(result.rooms()).containsExactly(new ReportRefresh.RoomChange("r-1", Optional.of(7L), 11, 2));
    assertThat(Docs.text(refreshed)).isEqualTo(Docs.text(report)
        .replace("课程内容更新慢，跟不上行业发展\n", "课程内容更新慢，跟不上行业发展\n新增：建立教学创新团队\n")
        .replace("决策咨询\n第二组", "决策咨询\n第一组（江苏省委党校、浙江行政学院）\n第一组也谈决策咨询\n第二组"));
    assertThat(Docs.linesWith(refreshed, ReportAttributes.FRESH, true)).containsExactly(
        "新增：建立教学创新团队", "第一组（江苏省委党校、浙江行政学院）", "第一组也谈决策咨询");
    DocumentLine added = Docs.lines(refreshed).stream().filter(l -> l.text().equals("新增：建立教学创新团队")).findFirst().orElseThrow();
    assertThat(added.attribute(Provenance.ATTRIBUTE)).isEqualTo("r-1@11");
    assertThat(added.attribute("list")).isEqualTo("bullet");
  }

  @Test
  void keepsOrganisersEditsAndASecondRefreshAddsNothing() {
    int at = Docs.text(report).indexOf("完善教学评价");
    Delta edited = report.compose(Delta.builder().retain(at).delete(2).insert("健全").build());

    Delta refreshed = edited.compose(refresh.refresh(edited, later(), Map.of()).change());

    assertThat(Docs.text(refreshed)).contains("健全教学评价").doesNotContain("完善教学评价").contains("新增：建立教学创新团队");
    ReportRefresh.Result again = refresh.refresh(refreshed, later(), Map.of());
    assertThat(again.change()).isEqualTo(Delta.EMPTY);
    assertThat(again.rooms()).isEmpty();
  }

  @Test
  void aRoomWhoseRevisionDidNotMoveIsNotLookedAt() {
    int at = Docs.text(report).indexOf("完善教学评价");
    Delta edited = report.compose(Delta.builder().retain(at).delete(2).insert("健全").build());

    assertThat(refresh.refresh(edited, Seminar.sources(), Map.of()).change()).isEqualTo(Delta.EMPTY);
  }

  @Test
  void aLineAnOrganiserDeletedStaysDeletedWhenTheBaselineIsGiven() {
    String gone = "鼓励教师到企业挂职锻炼，积累实践经验\n";
    Delta edited = report.compose(Delta.builder().retain(Docs.text(report).indexOf(gone)).delete(gone.length()).build());

    Delta withoutBaseline = edited.compose(refresh.refresh(edited, later(), Map.of()).change());
    Delta withBaseline = edited.compose(refresh.refresh(edited, later(), Map.of("r-1", Seminar.room1())).change());

    assertThat(ReportRefresh.recordedRevisions(edited)).containsEntry("r-1", 7L).containsEntry("r-2", 4L);
    assertThat(Docs.text(withoutBaseline)).contains(gone);
    assertThat(Docs.text(withBaseline)).doesNotContain(gone).contains("新增：建立教学创新团队");
  }

  @Test
  void aRoomOrThemeMissingFromTheReportGetsItsBlockWhereTheBuilderWouldPutIt() {
    ReportSources before = Seminar.sources(Docs.doc().heading("教学", 2).line("第一组的教学要点").build(), 3,
        Delta.insert("\n"), 1, Delta.insert("\n"), 1);
    ReportSources after = Seminar.sources(Docs.doc().heading("教学", 2).line("第一组的教学要点").build(), 3,
        Docs.doc().heading("科研", 2).line("第二组写在科研下").heading("教学", 2).line("第二组的教学要点").build(), 6,
        Delta.insert("\n"), 1);
    ReportBuilder builder = new ReportBuilder(Locale.CHINESE, 0);
    Delta old = builder.build(before);

    Delta refreshed = old.compose(refresh.refresh(old, after, Map.of()).change());

    assertThat(Docs.text(refreshed)).isEqualTo(Docs.text(builder.build(after)));
    assertThat(Docs.linesWith(refreshed, ReportAttributes.FRESH, true)).containsExactly(
        "第二组（四川行政学院）", "第二组的教学要点", "科研", "第二组（四川行政学院）", "第二组写在科研下");
  }

  @Property(tries = 200)
  void refreshingAfterRoomsWroteMoreMatchesAFreshReportAndIsIdempotent(
      @ForAll @IntRange(min = 0, max = 5) int more1, @ForAll @IntRange(min = 0, max = 5) int more2,
      @ForAll @IntRange(min = 0, max = 2) int theme1, @ForAll @IntRange(min = 0, max = 2) int theme2) {
    String[] headings = {"教学", "科研", "决策咨询"};
    Docs room1 = Docs.doc().heading(headings[theme1], 2).line("第一组原有要点");
    Docs room2 = Docs.doc().heading(headings[theme2], 2).line("Group two's first point");
    ReportBuilder builder = new ReportBuilder(Locale.CHINESE, 0);
    Delta old = builder.build(Seminar.sources(room1.build(), 1, room2.build(), 1, Delta.insert("\n"), 1));
    for (int i = 0; i < more1; i++) {
      room1.bullet("第一组新增要点 " + i);
    }
    for (int i = 0; i < more2; i++) {
      room2.line("Group two's new point " + i);
    }
    ReportSources after = Seminar.sources(room1.build(), 2, room2.build(), 2, Delta.insert("\n"), 1);

    Delta refreshed = old.compose(refresh.refresh(old, after, Map.of()).change());

    assertThat(Docs.text(refreshed)).isEqualTo(Docs.text(builder.build(after)));
    assertThat(Docs.linesWith(refreshed, ReportAttributes.FRESH, true)).hasSize(more1 + more2);
    assertThat(refresh.refresh(refreshed, after, Map.of()).change()).isEqualTo(Delta.EMPTY);
    assertThat(refreshed.isDocument()).isTrue();
  }
}
