package org.yantao.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.yantao.testing.Browser;
import org.yantao.testing.CoEditor;
import org.yantao.testing.FindingsEdits;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.RawSocket;
import org.yantao.text.Delta;

/**
 * The organiser's report view against a real node: rooms with findings and ideas, the report
 * generated and shown in the editor with where each line came from, an overlap between two rooms
 * accepted and undone, the report edited (a new line does not inherit a room's provenance),
 * regenerated after a room wrote more (the new line highlighted, the organiser's edit kept), and
 * downloaded as PDF and DOCX, each read back with a real reader.
 */
class ReportBrowserIT {
  @RegisterExtension
  static final WebFixture web = new WebFixture(4);

  /** The report's text as the page shows it: one line per block. */
  private static final String REPORT_TEXT = """
      const blocks = document.querySelectorAll('#report-editor .ql-editor > :not(ol), #report-editor .ql-editor > ol > li');
      return Array.from(blocks, b => b.textContent).join('\\n') + '\\n';
      """;

  @Test
  void theOrganiserGeneratesReviewsEditsAndDownloadsTheReport(@TempDir Path downloads) throws IOException {
    typeUnder(0, "教学", Delta.builder().insert("推进案例教学改革\n").insert("加强青年干部的实践锻炼")
        .insert("\n", Map.of("list", "bullet")).build());
    typeUnder(0, "科研", Delta.insert("建立科研成果转化机制\n"));
    typeUnder(1, "教学", Delta.insert("加强青年干部实践锻炼\n"));
    typeUnder(1, "科研", Delta.insert("Build shared research databases across provinces\n"));
    typeUnder(2, "决策咨询", Delta.insert("完善决策咨询报送渠道\n"));
    String idea = idea(0, "用好红色教育资源", "教学");
    vote(0, idea);
    web.organiser.post(roomPath(0) + "/submit", new JsonObject()).expect(200);

    Browser organiser = web.browser(downloads);
    web.signInAsOrganiser(organiser);
    organiser.go("/report?workshop=" + web.workshopId());
    organiser.until(d -> organiser.connectionState().equals("connected"));
    organiser.untilText("#report-rooms li[data-room='" + web.room(0).getString("id") + "']", "已提交");
    organiser.untilText("#report-rooms li[data-room='" + web.room(1).getString("id") + "']", "未提交");

    organiser.find("#generate-report").click();
    organiser.untilText("#generation-result", "综合报告已生成");
    organiser.until(d -> reportText(organiser).contains("推进案例教学改革\n加强青年干部的实践锻炼\n"));
    assertThat(reportText(organiser)).startsWith("教学\n").contains("用好红色教育资源", "完善决策咨询报送渠道");
    // Every room's line carries its provenance, shown as the room's name beside it.
    WebElement fromRoomOne = organiser.until(d -> lineWith(organiser, "推进案例教学改革"));
    assertThat(fromRoomOne.getDomAttribute("data-provenance")).startsWith(web.room(0).getString("id") + "@");
    assertThat(fromRoomOne.getDomAttribute("data-room")).isEqualTo("第1组");
    assertThat(fromRoomOne.getDomAttribute("title")).contains("第1组");
    assertThat(organiser.find("#generate-report").getText()).isEqualTo("按各组最新成果更新报告");

    // The two rooms' nearly identical points are one overlap group: merge it, then undo.
    organiser.untilText("#overlaps", "加强青年干部实践锻炼");
    organiser.click(d -> overlapWith(organiser, "加强青年干部").findElement(By.cssSelector("button.accept-overlap")));
    organiser.until(d -> !organiser.all("#report-editor .ql-editor [data-overlap]").isEmpty());
    organiser.until(d -> overlapWith(organiser, "加强青年干部").getDomAttribute("class").contains("accepted"));
    assertThat(organiser.find("#report-editor .ql-editor [data-overlap]").getText()).contains("加强青年干部");
    assertThat(reportText(organiser)).doesNotContain("\n加强青年干部实践锻炼\n");
    organiser.click(d -> overlapWith(organiser, "加强青年干部").findElement(By.cssSelector("button.undo-overlap")));
    organiser.until(d -> organiser.all("#report-editor .ql-editor [data-overlap]").isEmpty());
    organiser.until(d -> reportText(organiser).contains("\n加强青年干部实践锻炼\n"));
    assertThat(reportText(organiser)).contains("\n加强青年干部的实践锻炼\n");

    // Enter at the end of a room's line: the new line is the organiser's own, without provenance.
    lineWith(organiser, "建立科研成果转化机制").click();
    organiser.type(Keys.END + "\n组织者补充：加强协同");
    organiser.until(d -> serverLine("组织者补充：加强协同") != null);
    assertThat(serverLine("组织者补充：加强协同").containsKey("provenance")).isFalse();
    assertThat(serverLine("建立科研成果转化机制").getString("provenance")).startsWith(web.room(0).getString("id") + "@");

    // Room 3 writes more; regenerating brings only that, highlighted, and keeps the organiser's line.
    typeUnder(2, "决策咨询", Delta.insert("建立专报直报机制\n"));
    press(organiser, "#generate-report");
    organiser.untilText("#generation-result li[data-room='" + web.room(2).getString("id") + "']", "第3组");
    WebElement fresh = organiser.until(d -> lineWith(organiser, "建立专报直报机制"));
    organiser.until(d -> "true".equals(lineWith(organiser, "建立专报直报机制").getDomAttribute("data-fresh")));
    assertThat(fresh.getCssValue("background-color")).isNotEqualTo("rgba(0, 0, 0, 0)");
    assertThat(reportText(organiser)).contains("组织者补充：加强协同").contains("推进案例教学改革");
    // Tall enough to show the rooms, the highlighted new line and the overlaps together.
    organiser.driver().manage().window().setSize(new Dimension(1280, 2000));
    organiser.screenshot("report-view");
    organiser.driver().manage().window().setSize(new Dimension(1280, 800));
    press(organiser, "#clear-fresh");
    organiser.until(d -> organiser.all("#report-editor .ql-editor [data-fresh]").isEmpty());
    organiser.until(d -> !serverLine("建立专报直报机制").containsKey("fresh"));

    press(organiser, ".report-downloads button[data-format=pdf]");
    byte[] pdf = organiser.downloaded(downloads, ".pdf");
    assertThat(new String(pdf, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
      assertThat(text).contains("推进案例教学改革", "组织者补充：加强协同", "建立专报直报机制");
    }
    press(organiser, ".report-downloads button[data-format=docx]");
    byte[] docx = organiser.downloaded(downloads, ".docx");
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      List<String> headings = document.getParagraphs().stream()
          .filter(p -> p.getStyle() != null && p.getStyle().startsWith("Heading"))
          .map(p -> p.getStyle() + ":" + p.getText()).toList();
      assertThat(headings).containsSubsequence("Heading1:教学", "Heading1:科研", "Heading1:决策咨询");
      assertThat(document.getParagraphs().stream().map(XWPFParagraph::getText)).contains("组织者补充：加强协同");
    }
  }

  @Test
  void aRoomsMembersDownloadTheirFindings(@TempDir Path downloads) throws IOException {
    typeUnder(3, "科研", Delta.insert("开发在线课程资源\n"));
    Browser participant = web.browser(downloads);
    web.joinInto(participant, 3, "孙老师", "福建省委党校");
    participant.until(d -> participant.editorText().contains("开发在线课程资源"));
    // The workshop's ideas are for facilitators and organisers only.
    assertThat(participant.all(".ideas-downloads")).isEmpty();
    participant.find(".findings-downloads button[data-format=md]").click();
    String markdown = new String(participant.downloaded(downloads, ".md"), StandardCharsets.UTF_8);
    assertThat(markdown).contains("科研", "开发在线课程资源");
  }

  /** Clicks a button where the sticky top bar cannot be over it, however far the page has scrolled. */
  private static void press(Browser browser, String css) {
    WebElement button = browser.find(css);
    browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
    button.click();
  }

  private static String roomPath(int room) {
    return "/api/workshops/" + web.workshopId() + "/rooms/" + web.room(room).getString("id");
  }

  private static String reportText(Browser browser) {
    return (String) browser.script(REPORT_TEXT);
  }

  private static WebElement lineWith(Browser browser, String text) {
    return browser.all("#report-editor .ql-editor > *, #report-editor .ql-editor li").stream()
        .filter(e -> e.getText().equals(text)).findFirst().orElse(null);
  }

  private static WebElement overlapWith(Browser browser, String text) {
    return browser.all("#overlaps li.overlap").stream().filter(e -> e.getText().contains(text)).findFirst().orElse(null);
  }

  /** Types {@code lines} right after the heading line {@code heading} of a room's findings, as the organiser. */
  private static void typeUnder(int room, String heading, Delta lines) {
    CoEditor editor = new CoEditor(web.node.port(), web.node.organiserKey(), web.room(room).getString("findingsDoc"));
    LiveFixture.await(web.vertx.deployVerticle(editor));
    try {
      LiveFixture.await(editor.edit(doc -> FindingsEdits.under(doc, heading, lines)));
      LiveFixture.await(editor.synced());
    } finally {
      LiveFixture.await(web.vertx.undeploy(editor.deploymentID()));
    }
  }

  private static String themeId(String name) {
    return web.workshop.getJsonArray("themes").stream().map(JsonObject.class::cast)
        .filter(theme -> theme.getString("name").equals(name)).findFirst().orElseThrow().getString("id");
  }

  private static RawSocket board(int room) {
    RawSocket ws = RawSocket.hello(web.vertx, web.node.port(), web.node.organiserKey());
    ws.send(new JsonObject().put("type", "board.open").put("room", web.room(room).getString("id")).put("workshop", web.workshopId()));
    ws.next("board.snapshot");
    return ws;
  }

  private static String idea(int room, String text, String theme) {
    try (RawSocket ws = board(room)) {
      ws.send(new JsonObject().put("type", "idea.add").put("room", web.room(room).getString("id"))
          .put("id", "c-" + UUID.randomUUID()).put("text", text).put("theme", themeId(theme)));
      return ws.next("idea.added").getJsonObject("idea").getString("id");
    }
  }

  private static void vote(int room, String ideaId) {
    try (RawSocket ws = board(room)) {
      ws.send(new JsonObject().put("type", "idea.vote").put("room", web.room(room).getString("id")).put("idea", ideaId)
          .put("id", "v-" + UUID.randomUUID()));
      ws.next("board.votes");
    }
  }

  /** The attributes of the report's line that reads {@code text} on the server now, null if there is none. */
  private static JsonObject serverLine(String text) {
    try (RawSocket ws = RawSocket.hello(web.vertx, web.node.port(), web.node.organiserKey())) {
      ws.send(new JsonObject().put("type", "doc.open").put("doc", "report." + web.workshopId()));
      JsonArray ops = ws.next("doc.snapshot").getJsonObject("delta").getJsonArray("ops");
      List<String> texts = new ArrayList<>();
      List<JsonObject> attributes = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (Object item : ops) {
        JsonObject op = (JsonObject) item;
        String insert = op.getString("insert");
        for (int i = 0; i < insert.length(); i++) {
          if (insert.charAt(i) == '\n') {
            texts.add(line.toString());
            attributes.add(op.getJsonObject("attributes", new JsonObject()));
            line.setLength(0);
          } else {
            line.append(insert.charAt(i));
          }
        }
      }
      int at = texts.indexOf(text);
      return at < 0 ? null : attributes.get(at);
    }
  }
}
