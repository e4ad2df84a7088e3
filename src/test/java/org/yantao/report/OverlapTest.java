package org.yantao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yantao.text.Delta;

class OverlapTest {

  private final ReportSources sources = Seminar.sources();
  private final Delta report = new ReportBuilder(Locale.CHINESE, 5).build(sources);

  @Test
  void pointsAndIdeasFromDifferentRoomsSayingTheSameThingAreGrouped() {
    List<OverlapGroup> groups = OverlapFinder.find(sources);

    assertThat(groups).extracting(g -> g.members().stream().map(OverlapPoint::text).toList()).containsExactly(
        List.of("重点：加强青年教师的实践教学能力培养", "青年教师实践教学能力需要进一步加强培养"),
        List.of("课程内容更新慢，跟不上行业发展", "课程内容跟不上行业发展，更新太慢"));
    OverlapGroup first = groups.get(0);
    assertThat(first.themeId()).isEqualTo("teaching");
    assertThat(first.members()).extracting(OverlapPoint::provenance).containsExactly("r-1@7", "r-2@4");
    assertThat(groups.get(1).members()).extracting(OverlapPoint::provenance).containsExactly("r-1@7", "r-2@idea:i-2");
    assertThat(first.rooms()).isEqualTo(2);
    assertThat(first.of()).isEqualTo(3);
    assertThat(first.annotation(Locale.CHINESE)).isEqualTo("（2/3 个小组提到）");
    assertThat(first.annotation(Locale.ENGLISH)).isEqualTo(" (raised by 2 of 3 groups)");
  }

  @Test
  void englishParaphrasesFromDifferentRoomsAreGroupedToo() {
    Delta room2 = Docs.doc().heading("Teaching", 2).line("More hands-on practice for young teachers' teaching").build();

    List<OverlapGroup> groups = OverlapFinder.find(Seminar.sources(Seminar.room1(), 7, room2, 4, Seminar.room3(), 9));

    assertThat(groups).extracting(g -> g.members().stream().map(OverlapPoint::roomId).toList())
        .contains(List.of("r-2", "r-3"));
  }

  @Test
  void theSamePointTwiceInOneRoomIsNoOverlap() {
    Delta room1 = Docs.doc().heading("教学", 2)
        .line("加强青年教师的实践教学能力培养").line("青年教师实践教学能力需要进一步加强培养").build();
    Delta room2 = Docs.doc().heading("教学", 2).line("完善教学评价，引入企业和学生的反馈").build();

    assertThat(OverlapFinder.find(Seminar.sources(room1, 7, room2, 4, Seminar.room3(), 9))).isEmpty();
  }

  @Test
  void groupIdsSurviveNewRevisionsAndUnrelatedLines() {
    Delta room1 = Docs.doc().heading("教学", 2).bold("重点：", "加强青年教师的实践教学能力培养")
        .line("增加一条无关的内容：图书馆开放时间").build();

    List<OverlapGroup> before = OverlapFinder.find(sources);
    List<OverlapGroup> after = OverlapFinder.find(Seminar.sources(room1, 12, Seminar.room2(), 5, Seminar.room3(), 9));

    assertThat(after.get(0).id()).isEqualTo(before.get(0).id());
    assertThat(after.get(0).members()).extracting(OverlapPoint::provenance).containsExactly("r-1@12", "r-2@5");
    assertThat(before.get(1).id()).isNotEqualTo(before.get(0).id());
  }

  @Test
  void acceptingMergesThePointsIntoTheFirstAnnotated() {
    OverlapGroup group = OverlapFinder.find(sources).get(0);

    OverlapMerge.Accepted accepted = OverlapMerge.accept(report, group, Locale.CHINESE).orElseThrow();
    Delta merged = report.compose(accepted.change());

    assertThat(merged.isDocument()).isTrue();
    assertThat(Docs.text(merged)).contains("重点：加强青年教师的实践教学能力培养（2/3 个小组提到）\n")
        .doesNotContain("青年教师实践教学能力需要进一步加强培养");
    assertThat(Docs.text(merged).length())
        .isEqualTo(Docs.text(report).length() + "（2/3 个小组提到）".length() - "青年教师实践教学能力需要进一步加强培养\n".length());
    assertThat(Docs.linesWith(merged, ReportAttributes.OVERLAP, group.id()))
        .containsExactly("重点：加强青年教师的实践教学能力培养（2/3 个小组提到）");
    assertThat(OverlapMerge.accept(merged, group, Locale.CHINESE)).isEmpty();
  }

  @Test
  void undoRightAfterAcceptRestoresTheReportExactly() {
    for (OverlapGroup group : OverlapFinder.find(sources)) {
      OverlapMerge.Accepted accepted = OverlapMerge.accept(report, group, Locale.ENGLISH).orElseThrow();
      Delta merged = report.compose(accepted.change());

      assertThat(merged.compose(OverlapMerge.undo(merged, accepted.merge()))).isEqualTo(report);
    }
  }

  @Test
  void undoAfterOtherEditsRestoresTheLinesAndKeepsTheEdits() {
    OverlapGroup group = OverlapFinder.find(sources).get(0);
    OverlapMerge.Accepted accepted = OverlapMerge.accept(report, group, Locale.CHINESE).orElseThrow();
    Delta merged = report.compose(accepted.change());
    int edited = Docs.text(merged).indexOf("完善教学评价");
    Delta edit = Delta.builder().retain(2).insert("（修订）").retain(edited - 2).delete(2).insert("健全").build();
    Delta editedReport = merged.compose(edit);

    Delta undone = editedReport.compose(OverlapMerge.undo(editedReport, accepted.merge()));

    assertThat(Docs.text(undone)).isEqualTo(Docs.text(report)
        .replaceFirst("^教学", "教学（修订）").replace("完善教学评价", "健全教学评价"));
    assertThat(Docs.linesWith(undone, ReportAttributes.OVERLAP, group.id())).isEmpty();
  }

  @Test
  void undoPutsALineBackAtItsRoomsBlockWhenTheLineBeforeItIsGone() {
    OverlapGroup group = OverlapFinder.find(sources).get(0);
    OverlapMerge.Accepted accepted = OverlapMerge.accept(report, group, Locale.CHINESE).orElseThrow();
    Delta merged = report.compose(accepted.change());
    String label = "第二组（四川行政学院）\n";
    int at = Docs.text(merged).indexOf(label);
    Delta renamed = merged.compose(Delta.builder().retain(at).delete(3).insert("Second group").build());

    Delta undone = renamed.compose(OverlapMerge.undo(renamed, accepted.merge()));

    assertThat(Docs.text(undone)).contains(
        "Second group（四川行政学院）\n完善教学评价，引入企业和学生的反馈\n青年教师实践教学能力需要进一步加强培养\nGroup 3");
    assertThat(Optional.ofNullable(Docs.lines(undone).stream()
        .filter(l -> l.text().equals("青年教师实践教学能力需要进一步加强培养")).findFirst().orElseThrow()
        .attribute(Provenance.ATTRIBUTE))).contains("r-2@4");
  }
}
