package org.yantao.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yantao.text.Delta;
import org.yantao.workshop.FindingsTemplate;
import org.yantao.workshop.Room;
import org.yantao.workshop.Theme;
import org.yantao.workshop.Workshop;

/**
 * A seminar of three themes and four rooms: two Chinese groups, an English one and a group that
 * has written nothing yet. Rooms 1 and 2 make the same teaching point in their own words, and
 * room 3 makes it in English.
 */
final class Seminar {

  static final Room ROOM_1 = room("r-1", "第一组", List.of("teaching", "research"), List.of("p1", "p2", "p3"));
  static final Room ROOM_2 = room("r-2", "第二组", List.of("teaching", "policy"), List.of("p4", "p5"));
  static final Room ROOM_3 = room("r-3", "Group 3", List.of("teaching", "research", "policy"), List.of("p6", "p7"));
  static final Room ROOM_4 = room("r-4", "第四组", List.of("research"), List.of("p8"));

  static final Workshop WORKSHOP = new Workshop("w-1", "培训学院研讨班", "", Theme.defaults(), "ABC123", true,
      List.of(ROOM_1, ROOM_2, ROOM_3, ROOM_4), List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"), 0, 0);

  static final Map<String, String> ORGANISATIONS = Map.of(
      "p1", "江苏省委党校", "p2", "浙江行政学院", "p3", "江苏省委党校",
      "p4", "四川行政学院", "p6", "Shanghai Institute", "p7", "Yunnan College", "p8", "广东行政学院");

  static Delta room1() {
    return Docs.doc()
        .heading("教学", 2)
        .bold("重点：", "加强青年教师的实践教学能力培养")
        .bullet("鼓励教师到企业挂职锻炼，积累实践经验")
        .bullet("课程内容更新慢，跟不上行业发展")
        .blank()
        .heading("科研", 2)
        .heading("现状", 3)
        .line("科研成果转化缺乏有效的激励机制")
        .build();
  }

  static Delta room2() {
    return Docs.doc()
        .line("记录：小组秘书")
        .heading("教学", 2)
        .line("青年教师实践教学能力需要进一步加强培养")
        .line("完善教学评价，引入企业和学生的反馈")
        .heading("决策咨询", 2)
        .line("决策咨询报告要贴近地方政府的实际需求")
        .build();
  }

  static Delta room3() {
    return Docs.doc()
        .heading("Teaching", 2)
        .line("Young teachers need more hands-on teaching practice")
        .heading("Research", 2)
        .line("Research teams should bring several disciplines together")
        .heading("Policy advice", 2)
        .line("Policy reports should address the real needs of local government")
        .build();
  }

  static List<ReportIdea> ideas() {
    List<ReportIdea> ideas = new ArrayList<>();
    ideas.add(new ReportIdea("i-1", "r-1", "teaching", "建立双师型教师培养机制", 3, 100));
    ideas.add(new ReportIdea("i-2", "r-2", "teaching", "课程内容跟不上行业发展，更新太慢", 5, 200));
    ideas.add(new ReportIdea("i-3", "r-3", "teaching", "More industry placements", 3, 50));
    ideas.add(new ReportIdea("i-4", "r-2", "teaching", "增加实训设备的经费投入", 1, 300));
    ideas.add(new ReportIdea("i-5", "r-4", null, "建立科研专家库", 2, 400));
    ideas.add(new ReportIdea("i-6", "r-1", null, "没有主题的想法", 9, 500));
    return ideas;
  }

  static ReportSources sources() {
    return sources(room1(), 7, room2(), 4, room3(), 9);
  }

  static ReportSources sources(Delta room1, long rev1, Delta room2, long rev2, Delta room3, long rev3) {
    return ReportSources.of(WORKSHOP,
        List.of(new RoomFindings("r-1", room1, rev1), new RoomFindings("r-2", room2, rev2),
            new RoomFindings("r-3", room3, rev3), new RoomFindings("r-4", FindingsTemplate.of(WORKSHOP, ROOM_4), 1)),
        ORGANISATIONS, ideas());
  }

  private static Room room(String id, String name, List<String> themes, List<String> members) {
    return new Room(id, name, themes, "", true, null, List.of(), members, 0);
  }

  private Seminar() {
  }
}
