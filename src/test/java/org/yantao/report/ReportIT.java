package org.yantao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yantao.report.LiveSeminar.attrs;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yantao.report.LiveSeminar.Line;
import org.yantao.report.LiveSeminar.Person;
import org.yantao.report.LiveSeminar.RoomSpec;
import org.yantao.report.LiveSeminar.SeminarRoom;
import org.yantao.testing.CoEditor;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.RawSocket;
import org.yantao.text.Delta;
import org.yantao.text.DeltaJson;

/**
 * The consolidated report end to end over HTTP and WebSockets on one node: rooms submit their
 * findings, the organiser generates the report, edits it with others, regenerates it after a room
 * changed, and decides on overlaps between rooms.
 */
class ReportIT {
  @RegisterExtension
  static final LiveFixture fixture = LiveFixture.withMembers(0);

  private static final List<RoomSpec> ROOMS = List.of(
      new RoomSpec("第一组", List.of("教学", "科研"), List.of("中共北京市委党校", "中共河北省委党校")),
      new RoomSpec("第二组", List.of("科研", "决策咨询"), List.of("中共上海市委党校")),
      new RoomSpec("Group Three", List.of("教学", "决策咨询"), List.of("Guangdong Party School")),
      new RoomSpec("第四组", List.of("教学", "科研", "决策咨询"), List.of("中共四川省委党校", "中共四川省委党校")));

  /** Three themes (the defaults) and four rooms with Chinese and English findings, ideas and votes. */
  private static LiveSeminar seminar() {
    LiveSeminar s = LiveSeminar.create(fixture, "Report test 研讨 " + UUID.randomUUID().toString().substring(0, 6), ROOMS);
    SeminarRoom one = s.room(0);
    SeminarRoom two = s.room(1);
    SeminarRoom three = s.room(2);
    SeminarRoom four = s.room(3);
    s.typeUnder(one.members().get(0), one.docId(), "教学", Delta.builder()
        .insert("推进").insert("案例教学", attrs("bold", true)).insert("改革\n")
        .insert("加强青年干部的实践锻炼").insert("\n", attrs("list", "bullet")).build());
    s.typeUnder(one.members().get(1), one.docId(), "科研", Delta.insert("建立科研成果转化机制\n"));
    s.typeUnder(two.members().get(0), two.docId(), "科研", Delta.insert("Build shared research databases across provinces\n"));
    s.typeUnder(two.members().get(0), two.docId(), "决策咨询", Delta.insert("完善决策咨询报送渠道\n"));
    s.typeUnder(three.members().get(0), three.docId(), "教学", Delta.insert("加强青年干部实践锻炼\n"));
    s.typeUnder(three.members().get(0), three.docId(), "决策咨询", Delta.insert("Publish policy briefs every quarter\n"));
    s.typeUnder(four.members().get(1), four.docId(), "教学", Delta.insert("开发在线课程资源\n"));

    String redEducation = s.idea(one.members().get(0), one, "用好红色教育资源", "教学");
    String fieldVisits = s.idea(three.members().get(0), three, "More field visits", "教学");
    String mentors = s.idea(one.members().get(1), one, "建立导师制", "教学");
    String thinkTanks = s.idea(two.members().get(0), two, "建设智库联盟", "决策咨询");
    for (Person voter : List.of(one.members().get(0), one.members().get(1), one.facilitator())) {
      s.vote(voter, one, redEducation);
    }
    s.vote(three.members().get(0), three, fieldVisits);
    s.vote(three.facilitator(), three, fieldVisits);
    s.vote(one.members().get(0), one, mentors);
    s.vote(two.members().get(0), two, thinkTanks);
    return s;
  }

  private static JsonObject generate(LiveSeminar s) {
    return fixture.organiser.withLanguage("zh-CN").post(s.path("/report"), new JsonObject()).expect(200);
  }

  private static List<String> texts(List<Line> lines) {
    return lines.stream().map(Line::text).toList();
  }

  @Test
  void submittingClosesTheRoomUntilTheSubmissionIsWithdrawn() {
    LiveSeminar s = LiveSeminar.create(fixture, "Submit test", ROOMS.subList(0, 2));
    SeminarRoom one = s.room(0);
    Person member = one.members().get(0);
    s.as(member).post(s.path("/rooms/" + one.id() + "/submit"), null).expectError(403, "auth.forbidden");
    s.as(s.room(1).facilitator()).post(s.path("/rooms/" + one.id() + "/submit"), null).expectError(403, "auth.forbidden");

    RawSocket typing = RawSocket.opened(fixture.vertx, fixture.node.port(), member.token(), one.docId());
    JsonObject submitted = s.as(one.facilitator()).post(s.path("/rooms/" + one.id() + "/submit"), null).expect(200);
    typing.send(new JsonObject().put("type", "doc.op").put("doc", one.docId()).put("rev", 0).put("id", "typing")
        .put("delta", new JsonObject(DeltaJson.toJsonString(Delta.insert("还在写")))));
    assertThat(typing.nextError().getString("code")).as("an editor already open is refused too").isEqualTo("doc.read_only");
    typing.close();
    assertThat(submitted.getBoolean("submitted")).isTrue();
    assertThat(submitted.getString("status")).isEqualTo("closed");
    long at = submitted.getLong("submittedAt");
    assertThat(s.as(one.facilitator()).post(s.path("/rooms/" + one.id() + "/submit"), null).expect(200)
        .getLong("submittedAt")).as("submitting again keeps the first time").isEqualTo(at);

    JsonArray rooms = fixture.organiser.get(s.path("")).expect(200).getJsonArray("rooms");
    assertThat(rooms.getJsonObject(0).getBoolean("submitted")).isTrue();
    assertThat(rooms.getJsonObject(0).getLong("submittedAt")).isEqualTo(at);
    assertThat(rooms.getJsonObject(1).getBoolean("submitted")).isFalse();
    assertThat(rooms.getJsonObject(1).getValue("submittedAt")).isNull();

    try (RawSocket ws = RawSocket.hello(fixture.vertx, fixture.node.port(), member.token())) {
      ws.send(new JsonObject().put("type", "doc.open").put("doc", one.docId()));
      JsonObject snapshot = ws.next("doc.snapshot");
      assertThat(snapshot.getBoolean("writable")).isFalse();
      ws.send(new JsonObject().put("type", "doc.op").put("doc", one.docId()).put("rev", snapshot.getLong("rev"))
          .put("id", "late").put("delta", new JsonObject(DeltaJson.toJsonString(Delta.insert("迟到")))));
      assertThat(ws.nextError().getString("code")).isEqualTo("doc.read_only");
    }

    JsonObject withdrawn = s.as(one.facilitator()).delete(s.path("/rooms/" + one.id() + "/submit")).expect(200);
    assertThat(withdrawn.getBoolean("submitted")).isFalse();
    assertThat(withdrawn.getString("status")).isEqualTo("open");
    assertThat(withdrawn.getValue("submittedAt")).isNull();
    s.as(one.facilitator()).delete(s.path("/rooms/" + one.id() + "/submit")).expectError(409, "room.not_submitted");
    s.typeUnder(member, one.docId(), "教学", Delta.insert("提交撤回后继续写\n"));

    fixture.organiser.post(s.path("/rooms/" + one.id() + "/submit"), null).expect(200);
    JsonObject reopened = fixture.organiser.patch(s.path("/rooms/" + one.id()), new JsonObject().put("status", "open")).expect(200);
    assertThat(reopened.getBoolean("submitted")).as("opening the room withdraws the submission").isFalse();
    assertThat(reopened.getValue("submittedAt")).isNull();
  }

  @Test
  void theReportGathersTheRoomsThemeByThemeAndRegeneratingKeepsEveryEdit() {
    LiveSeminar s = seminar();
    for (SeminarRoom room : s.rooms) {
      s.as(room.facilitator()).post(s.path("/rooms/" + room.id() + "/submit"), null).expect(200);
    }
    assertThat(fixture.organiser.get(s.path("")).expect(200).getJsonArray("rooms"))
        .allMatch(r -> ((JsonObject) r).getBoolean("submitted"));

    JsonObject generated = generate(s);
    assertThat(generated.getString("doc")).isEqualTo(s.reportDoc());
    assertThat(generated.getBoolean("created")).isTrue();
    assertThat(generated.getJsonArray("rooms").stream().map(r -> ((JsonObject) r).getString("roomName")))
        .containsExactly("第一组", "第二组", "Group Three", "第四组");

    List<Line> report = s.reportLines();
    assertThat(texts(report)).containsExactly(
        "教学",
        "第一组（中共北京市委党校、中共河北省委党校）",
        "推进案例教学改革",
        "加强青年干部的实践锻炼",
        "Group Three（Guangdong Party School）",
        "加强青年干部实践锻炼",
        "第四组（中共四川省委党校）",
        "开发在线课程资源",
        "热门想法",
        "用好红色教育资源（第一组，3票）",
        "More field visits（Group Three，2票）",
        "建立导师制（第一组，1票）",
        "科研",
        "第一组（中共北京市委党校、中共河北省委党校）",
        "建立科研成果转化机制",
        "第二组（中共上海市委党校）",
        "Build shared research databases across provinces",
        "决策咨询",
        "第二组（中共上海市委党校）",
        "完善决策咨询报送渠道",
        "Group Three（Guangdong Party School）",
        "Publish policy briefs every quarter",
        "热门想法",
        "建设智库联盟（第二组，1票）");
    assertThat(report.get(0).header()).isEqualTo(1);
    assertThat(report.get(1).header()).isEqualTo(2);
    assertThat(report.get(3).attributes().getString("list")).as("lists stay lists").isEqualTo("bullet");
    assertThat(report.get(9).attributes().getString("list")).isEqualTo("bullet");
    assertThat(report.get(2).provenance()).as("a line records its room and findings revision")
        .matches(s.room(0).id() + "@\\d+");
    assertThat(report).noneMatch(Line::fresh);
    try (RawSocket ws = RawSocket.hello(fixture.vertx, fixture.node.port(), fixture.node.organiserKey())) {
      ws.send(new JsonObject().put("type", "doc.open").put("doc", s.reportDoc()));
      JsonArray ops = ws.next("doc.snapshot").getJsonObject("delta").getJsonArray("ops");
      assertThat(ops).anyMatch(op -> ((JsonObject) op).getString("insert").equals("案例教学")
          && ((JsonObject) op).getJsonObject("attributes").getBoolean("bold"));
    }

    // The organiser and a facilitator polish the report together.
    CoEditor organiser = fixture.editor(fixture.node.organiserKey(), s.reportDoc());
    CoEditor facilitator = fixture.editor(s.room(1).facilitator().token(), s.reportDoc());
    try {
      LiveFixture.await(organiser.edit(doc -> {
        int at = doc.plainText().indexOf("推进案例教学改革");
        return Delta.builder().retain(at).insert("【重点】").build();
      }));
      LiveFixture.await(facilitator.edit(doc -> {
        String text = doc.plainText();
        int at = text.indexOf("Build shared research databases across provinces\n");
        return Delta.builder().retain(at).delete("Build shared research databases across provinces\n".length()).build();
      }));
      LiveFixture.await(organiser.synced());
      LiveFixture.await(facilitator.synced());
    } finally {
      fixture.disconnect(organiser);
      fixture.disconnect(facilitator);
    }

    // A room reopens, writes more; the report is regenerated while someone is still typing in it.
    SeminarRoom two = s.room(1);
    s.as(two.facilitator()).delete(s.path("/rooms/" + two.id() + "/submit")).expect(200);
    s.typeUnder(two.members().get(0), two.docId(), "科研", Delta.insert("建设跨省科研协作平台\n"));
    CoEditor typing = fixture.editor(fixture.node.organiserKey(), s.reportDoc());
    JsonObject refreshed;
    try {
      LiveFixture.await(typing.edit(doc -> Delta.builder().retain(doc.length() - 1).insert("\n组织者结语").build()));
      refreshed = generate(s);
      LiveFixture.await(typing.synced());
    } finally {
      fixture.disconnect(typing);
    }
    assertThat(refreshed.getBoolean("created")).isFalse();
    JsonArray changed = refreshed.getJsonArray("rooms");
    assertThat(changed).hasSize(1);
    assertThat(changed.getJsonObject(0).getString("room")).isEqualTo(two.id());
    assertThat(changed.getJsonObject(0).getInteger("newLines")).isEqualTo(1);

    List<Line> after = s.reportLines();
    assertThat(texts(after)).contains("【重点】推进案例教学改革", "组织者结语")
        .as("a line deleted in the report stays deleted").doesNotContain("Build shared research databases across provinces");
    assertThat(after).filteredOn(Line::fresh).extracting(Line::text).containsExactly("建设跨省科研协作平台");
    int label = texts(after).indexOf("第二组（中共上海市委党校）");
    assertThat(after.get(label + 1).text()).as("the new line goes to the end of its room's block").isEqualTo("建设跨省科研协作平台");
    assertThat(after.get(label + 1).provenance()).isNotEqualTo(after.get(label).provenance());

    JsonObject again = generate(s);
    assertThat(again.getJsonArray("rooms")).as("nothing new the second time").isEmpty();
    assertThat(texts(s.reportLines())).isEqualTo(texts(after));
  }

  @Test
  void overlapsAreListedAndTheOrganiserAcceptsAndUndoesThem() {
    LiveSeminar s = seminar();
    fixture.organiser.post(s.path("/report/overlaps/ov-nothing"), null).expectError(409, "report.not_generated");
    generate(s);
    List<String> before = texts(s.reportLines());

    JsonArray groups = s.as(s.room(0).facilitator()).get(s.path("/report/overlaps")).expect(200).getJsonArray("groups");
    JsonObject practice = groups.stream().map(JsonObject.class::cast)
        .filter(g -> g.getJsonArray("members").stream().anyMatch(m -> ((JsonObject) m).getString("text").equals("加强青年干部实践锻炼")))
        .findFirst().orElseThrow();
    assertThat(practice.getString("theme")).isEqualTo("teaching");
    assertThat(practice.getInteger("rooms")).isEqualTo(2);
    assertThat(practice.getInteger("of")).isEqualTo(3);
    assertThat(practice.getString("raisedBy")).isEqualTo("2/3 个小组提到");
    assertThat(practice.getBoolean("accepted")).isFalse();
    assertThat(practice.getJsonArray("members").stream().map(m -> ((JsonObject) m).getString("roomName")))
        .containsExactly("第一组", "Group Three");
    String id = practice.getString("id");

    s.as(s.room(0).facilitator()).post(s.path("/report/overlaps/" + id), null).expectError(403, "auth.forbidden");
    fixture.organiser.post(s.path("/report/overlaps/ov-unknown"), null).expectError(404, "overlap.not_found");
    fixture.organiser.delete(s.path("/report/overlaps/" + id)).expectError(409, "overlap.not_accepted");

    JsonObject accepted = fixture.organiser.post(s.path("/report/overlaps/" + id), null).expect(200);
    assertThat(accepted.getBoolean("accepted")).isTrue();
    List<String> merged = texts(s.reportLines());
    assertThat(merged).contains("加强青年干部的实践锻炼（2/3 个小组提到）").doesNotContain("加强青年干部实践锻炼");
    assertThat(merged).hasSize(before.size() - 1);
    fixture.organiser.post(s.path("/report/overlaps/" + id), null).expectError(409, "overlap.already_accepted");
    assertThat(fixture.organiser.get(s.path("/report/overlaps")).expect(200).getJsonArray("groups").stream()
        .map(JsonObject.class::cast).filter(g -> g.getString("id").equals(id)).findFirst().orElseThrow()
        .getBoolean("accepted")).isTrue();

    JsonObject undone = fixture.organiser.delete(s.path("/report/overlaps/" + id)).expect(200);
    assertThat(undone.getBoolean("accepted")).isFalse();
    assertThat(undone.getLong("rev")).isGreaterThan(accepted.getLong("rev"));
    assertThat(texts(s.reportLines())).isEqualTo(before);
    assertThat(fixture.organiser.withLanguage("en").get(s.path("/report/overlaps")).expect(200).getJsonArray("groups").stream()
        .map(JsonObject.class::cast).filter(g -> g.getString("id").equals(id)).findFirst().orElseThrow()
        .getBoolean("accepted")).isFalse();
  }

  @Test
  void onlyStaffWriteTheReportAndOnlyOrganisersGenerateIt() {
    LiveSeminar s = LiveSeminar.create(fixture, "Access test", ROOMS.subList(0, 1));
    LiveSeminar other = LiveSeminar.create(fixture, "Another workshop", ROOMS.subList(0, 1));
    Person member = s.room(0).members().get(0);
    Person facilitator = s.room(0).facilitator();
    Person observer = s.invited("observer", s.room(0).id(), "观察员", "测试党校");

    s.as(member).post(s.path("/report"), new JsonObject()).expectError(403, "auth.forbidden");
    s.as(facilitator).post(s.path("/report"), new JsonObject()).expectError(403, "auth.forbidden");
    s.as(member).get(s.path("/report/overlaps")).expectError(403, "auth.forbidden");
    other.as(other.room(0).facilitator()).get(s.path("/report/overlaps")).expectError(403, "auth.forbidden");
    fixture.organiser.post("/api/workshops/w-missing/report", new JsonObject()).expectError(404, "workshop.not_found");
    fixture.organiser.post(s.path("/report"), new JsonObject().put("language", "fr")).expectError(400, "request.invalid");
    JsonObject first = fixture.organiser.post(s.path("/report"), new JsonObject().put("language", "en")).expect(200);
    assertThat(first.getBoolean("created")).isTrue();
    assertThat(texts(s.reportLines())).as("an empty workshop gives an empty report").containsExactly("");

    for (Person refused : List.of(member, other.room(0).facilitator(), other.room(0).members().get(0))) {
      try (RawSocket ws = RawSocket.hello(fixture.vertx, fixture.node.port(), refused.token())) {
        ws.send(new JsonObject().put("type", "doc.open").put("doc", s.reportDoc()));
        assertThat(ws.nextError().getString("code")).isEqualTo("doc.forbidden");
      }
    }
    try (RawSocket ws = RawSocket.hello(fixture.vertx, fixture.node.port(), observer.token())) {
      ws.send(new JsonObject().put("type", "doc.open").put("doc", s.reportDoc()));
      assertThat(ws.next("doc.snapshot").getBoolean("writable")).isFalse();
    }
    try (RawSocket ws = RawSocket.hello(fixture.vertx, fixture.node.port(), facilitator.token())) {
      ws.send(new JsonObject().put("type", "doc.open").put("doc", s.reportDoc()));
      assertThat(ws.next("doc.snapshot").getBoolean("writable")).isTrue();
    }

    s.typeUnder(member, s.room(0).docId(), "教学", Delta.insert("Teaching point\n"));
    JsonObject second = fixture.organiser.withLanguage("zh").post(s.path("/report"), null).expect(200);
    assertThat(second.getBoolean("created")).isFalse();
    assertThat(texts(s.reportLines())).as("the language chosen first is kept").contains("Teaching", "Teaching point");
  }
}
