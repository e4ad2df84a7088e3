package org.yantao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarityTest {

  /** Two groups making the same point in their own words. */
  static final List<List<String>> PARAPHRASES = List.of(
      List.of("加强青年教师的实践教学能力培养", "青年教师实践教学能力需要进一步加强培养"),
      List.of("建立校企合作的双师型教师培养机制", "通过校企合作建立双师型教师的培养机制"),
      List.of("科研成果转化缺乏有效的激励机制", "缺乏科研成果转化的激励机制"),
      List.of("决策咨询报告要贴近地方政府的实际需求", "决策咨询报告应当贴近地方政府实际需求"),
      List.of("课程内容更新慢，跟不上行业发展", "课程内容更新太慢，跟不上行业的发展"),
      List.of("鼓励教师到企业挂职锻炼，积累实践经验", "教师应到企业挂职锻炼以积累实践经验"),
      List.of("Young teachers need more hands-on teaching practice",
          "More hands-on practice for young teachers' teaching"),
      List.of("Build a joint training mechanism with local companies",
          "A joint training mechanism should be built with local companies"),
      List.of("Research results are rarely turned into practice because incentives are missing",
          "Missing incentives mean research results are rarely turned into practice"),
      List.of("Policy reports should address the real needs of local government",
          "Policy advice must address real needs of the local government"),
      List.of("学校应为教师参加行业培训提供经费支持", "为教师参加行业培训提供更多经费"),
      List.of("建议设立专项资金支持青年教师开展应用研究", "设立专项资金，支持青年教师做应用型研究"),
      List.of("学生实习岗位与所学专业不对口", "不少学生的实习岗位和专业不对口"),
      List.of("青年教师实践能力不足", "年轻教师缺乏实践能力"),
      List.of("Teachers lack practical experience in industry", "Teachers have little industry experience"),
      List.of("Colleges should fund teachers' industry training",
          "Fund industry training for teachers at colleges"),
      List.of("Students' internships often do not match what they study",
          "Internships rarely match what the students study"),
      List.of("Set up a dedicated fund for applied research by young teachers",
          "A dedicated fund should support young teachers doing applied research"));

  /** Different points on the same theme, sharing its vocabulary. */
  static final List<List<String>> DIFFERENT = List.of(
      List.of("加强青年教师的实践教学能力培养", "完善教师科研考核评价体系"),
      List.of("建立校企合作的双师型教师培养机制", "增加实训设备的经费投入"),
      List.of("科研成果转化缺乏有效的激励机制", "科研团队建设需要跨学科合作"),
      List.of("决策咨询报告要贴近地方政府的实际需求", "建立决策咨询专家库和信息共享平台"),
      List.of("课程内容更新慢，跟不上行业发展", "教学评价应当引入企业和学生的反馈"),
      List.of("鼓励教师到企业挂职锻炼，积累实践经验", "青年教师的教学能力培训不够系统"),
      List.of("Young teachers need more hands-on teaching practice",
          "Teaching evaluation should include feedback from students"),
      List.of("Build a joint training mechanism with local companies",
          "Local companies rarely share their equipment with colleges"),
      List.of("Research results are rarely turned into practice because incentives are missing",
          "Research teams should bring several disciplines together"),
      List.of("Policy reports should address the real needs of local government",
          "Set up a shared database of policy experts"),
      List.of("学校应为教师参加行业培训提供经费支持", "学校应为学生提供更多实习岗位"),
      List.of("建议设立专项资金支持青年教师开展应用研究", "青年教师的科研考核压力过大"),
      List.of("学生实习岗位与所学专业不对口", "学生参与科研项目的机会太少"),
      List.of("Colleges should fund teachers' industry training",
          "Colleges should train teachers to use the new equipment"),
      List.of("Students' internships often do not match what they study",
          "Students rarely take part in research projects"),
      List.of("Set up a dedicated fund for applied research by young teachers",
          "Young teachers carry too heavy a teaching load for research"));

  @Test
  void paraphrasesAreSimilar() {
    for (List<String> pair : PARAPHRASES) {
      assertThat(Similarity.similar(pair.get(0), pair.get(1))).as("%s", pair).isTrue();
    }
  }

  @Test
  void differentPointsAreNot() {
    for (List<String> pair : DIFFERENT) {
      assertThat(Similarity.similar(pair.get(0), pair.get(1))).as("%s", pair).isFalse();
    }
  }

  @Test
  void punctuationWidthAndCaseDoNotMatter() {
    assertThat(Similarity.of("课程内容更新慢，跟不上行业发展。", "课程内容更新慢 跟不上行业发展")).isEqualTo(1.0);
    assertThat(Similarity.of("Build a JOINT training mechanism!", "build a joint training mechanism")).isEqualTo(1.0);
    assertThat(Similarity.of("ＡＩ辅助教学", "AI辅助教学")).isEqualTo(1.0);
  }

  @Test
  void linesSayingAlmostNothingMatchNothing() {
    assertThat(Similarity.similar("无", "无")).isFalse();
    assertThat(Similarity.similar("N/A", "N/A")).isFalse();
  }
}
