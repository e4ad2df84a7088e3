package org.yantao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.yantao.text.Delta;
import org.yantao.workshop.Theme;

class FindingsSectionsTest {

  private static final List<Theme> THEMES = Theme.defaults();

  @Test
  void eachThemeGetsTheLinesUnderItsHeadingWithTheirFormatting() {
    FindingsSections sections = FindingsSections.split(Seminar.room1(), THEMES);

    assertThat(sections.theme("teaching")).isEqualTo(Docs.doc()
        .bold("重点：", "加强青年教师的实践教学能力培养")
        .bullet("鼓励教师到企业挂职锻炼，积累实践经验")
        .bullet("课程内容更新慢，跟不上行业发展")
        .blank()
        .build());
    assertThat(sections.theme("research")).isEqualTo(Docs.doc()
        .heading("现状", 3)
        .line("科研成果转化缺乏有效的激励机制")
        .build());
    assertThat(sections.theme("policy")).isEqualTo(Delta.EMPTY);
    assertThat(sections.other()).isEqualTo(Delta.EMPTY);
  }

  @Test
  void englishHeadingsMatchByNameOrIdIgnoringCaseAndSpaces() {
    Delta findings = Docs.doc()
        .heading("  TEACHING ", 2).line("Young teachers need practice")
        .heading("research", 2).bullet("Cross-discipline teams")
        .heading("Policy Advice", 2).bold("Key:", " local needs")
        .build();

    FindingsSections sections = FindingsSections.split(findings, THEMES);

    assertThat(sections.theme("teaching")).isEqualTo(Docs.doc().line("Young teachers need practice").build());
    assertThat(sections.theme("research")).isEqualTo(Docs.doc().bullet("Cross-discipline teams").build());
    assertThat(sections.theme("policy")).isEqualTo(Docs.doc().bold("Key:", " local needs").build());
  }

  @Test
  void textBeforeAnyThemeHeadingIsOtherAndOwnHeadingsStayInTheirTheme() {
    Delta findings = Docs.doc()
        .heading("会议记录", 2).line("记录人：张老师")
        .heading("教学", 2).line("要点一")
        .heading("我们的小结", 2).line("要点二")
        .heading("科研", 1).line("标题一级的同名行不是主题标题")
        .build();

    FindingsSections sections = FindingsSections.split(findings, THEMES);

    assertThat(sections.other()).isEqualTo(Docs.doc().heading("会议记录", 2).line("记录人：张老师").build());
    assertThat(sections.theme("teaching")).isEqualTo(Docs.doc()
        .line("要点一").heading("我们的小结", 2).line("要点二")
        .heading("科研", 1).line("标题一级的同名行不是主题标题").build());
    assertThat(sections.theme("research")).isEqualTo(Delta.EMPTY);
  }

  @Test
  void aThemeWhoseHeadingAppearsTwiceGetsBothParts() {
    Delta findings = Docs.doc()
        .heading("教学", 2).line("甲").heading("科研", 2).line("乙").heading("教学", 2).line("丙").build();

    assertThat(FindingsSections.split(findings, THEMES).theme("teaching"))
        .isEqualTo(Docs.doc().line("甲").line("丙").build());
  }

  @Property(tries = 300)
  void slicesAndThemeHeadingsTogetherHoldEveryLine(@ForAll("lines") List<Integer> picks) {
    String[] texts = {"教学", "科研", "决策咨询", "Teaching", "要点", "point 😀", "", "小结"};
    Docs doc = Docs.doc();
    int headings = 0;
    for (int pick : picks) {
      String text = texts[pick % texts.length];
      switch (pick % 4) {
        case 0 -> doc.heading(text, 2);
        case 1 -> doc.heading(text, 3);
        case 2 -> doc.bullet(text);
        default -> doc.line(text);
      }
    }
    Delta findings = doc.build();
    for (DocumentLine line : DocumentLine.of(findings)) {
      if (FindingsSections.themeHeading(line, THEMES).isPresent()) {
        headings += line.length();
      }
    }

    FindingsSections sections = FindingsSections.split(findings, THEMES);

    int sliced = sections.other().length();
    for (Delta slice : sections.byTheme().values()) {
      assertThat(slice.isDocument()).isTrue();
      assertThat(slice.length() == 0 || Docs.text(slice).endsWith("\n")).isTrue();
      sliced += slice.length();
    }
    assertThat(sliced + headings).isEqualTo(findings.length());
  }

  @Provide
  Arbitrary<List<Integer>> lines() {
    return Arbitraries.integers().between(0, 63).list().ofMaxSize(30);
  }

  @Test
  void blankMeansNoVisibleText() {
    assertThat(FindingsSections.isBlank(Docs.doc().blank().line("  ").build())).isTrue();
    assertThat(FindingsSections.isBlank(Docs.doc().blank().line("x").build())).isFalse();
  }
}
