package org.yantao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yantao.report.LiveSeminar.attrs;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yantao.report.LiveSeminar.Person;
import org.yantao.report.LiveSeminar.RoomSpec;
import org.yantao.report.LiveSeminar.SeminarRoom;
import org.yantao.testing.Download;
import org.yantao.testing.LiveFixture;
import org.yantao.text.Delta;

/**
 * Every export over HTTP, read back with a real reader (the exporters' own tests go deeper into
 * each format): status, type, file name, who may download, the report's order in each format, and
 * an injection corpus in room names, ideas and findings that comes out as inert text.
 */
class ReportExportIT {
  @RegisterExtension
  static final LiveFixture fixture = LiveFixture.withMembers(0);

  private static final String SCRIPT = "<script>alert('x')</script>";
  private static final String ROOM_XSS = "\"><img src=x onerror=alert(1)>组";
  private static LiveSeminar s;

  @BeforeAll
  static void seminar() {
    s = LiveSeminar.create(fixture, "Export test 研讨", List.of(
        new RoomSpec("第一组", List.of("教学", "科研", "决策咨询"), List.of("中共北京市委党校")),
        new RoomSpec(ROOM_XSS, List.of("教学", "科研", "决策咨询"), List.of("Party School <b>bold</b>"))));
    SeminarRoom one = s.room(0);
    SeminarRoom two = s.room(1);
    s.typeUnder(one.members().get(0), one.docId(), "教学", Delta.insert("推进案例教学改革\n"));
    s.typeUnder(one.members().get(0), one.docId(), "科研", Delta.insert("建立科研成果转化机制\n"));
    s.typeUnder(one.members().get(0), one.docId(), "决策咨询", Delta.insert("完善决策咨询报送渠道\n"));
    s.typeUnder(two.members().get(0), two.docId(), "教学", Delta.builder()
        .insert(SCRIPT + "\n")
        .insert("点我", attrs("link", "javascript:alert(1)")).insert("\n")
        .insert("本地文件", attrs("link", "file:///etc/passwd")).insert("\n")
        .insert("<style>@import url(http://example.invalid/x.css)</style><img src=\"file:///etc/passwd\">\n").build());
    String formula = s.idea(two.members().get(0), two, "=HYPERLINK(\"http://example.invalid\",\"click\")", "教学");
    s.idea(two.members().get(0), two, "<img src=x onerror=alert(2)>", "科研");
    s.idea(one.members().get(0), one, "@SUM(1+1) 用好红色教育资源", "教学");
    s.vote(two.members().get(0), two, formula);
    fixture.organiser.post(s.path("/report/overlaps/none"), null).expectError(409, "report.not_generated");
    fixture.organiser.download(s.path("/report.md")).reply().expectError(409, "report.not_generated");
    fixture.organiser.withLanguage("zh").post(s.path("/report"), new JsonObject()).expect(200);
  }

  private static Download file(String path, String contentType, String extension) {
    Download file = fixture.organiser.download(s.path(path));
    assertThat(file.status()).as("%s: %s", path, file.text()).isEqualTo(200);
    assertThat(file.header("Content-Type")).startsWith(contentType);
    assertThat(file.header("Content-Disposition"))
        .startsWith("attachment; filename=\"Export-test." + extension + "\"")
        .contains("filename*=UTF-8''Export%20test%20%E7%A0%94%E8%AE%A8." + extension);
    assertThat(file.header("Content-Disposition").chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    return file;
  }

  private static void assertInert(Document html) {
    assertThat(html.select("script, link, iframe, object, embed, base, meta[http-equiv]")).isEmpty();
    assertThat(html.select("img")).isEmpty();
    for (Element element : html.getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        assertThat(attribute.getKey()).as("attribute on <%s>", element.tagName()).doesNotStartWith("on");
        if (Set.of("href", "src").contains(attribute.getKey())) {
          assertThat(attribute.getValue()).as("link target").matches("(#.*|https?:.*|mailto:.*)");
        }
      }
    }
    assertThat(html.select("style").html()).doesNotContain("@import").doesNotContain("url(");
    assertThat(html.text()).contains(SCRIPT).contains(ROOM_XSS);
  }

  @Test
  void htmlIsOneStandaloneFileWithEveryInjectionShownAsText() {
    Document html = Jsoup.parse(file("/report.html", "text/html", "html").text());
    assertInert(html);
    assertThat(html.select("h1, h2, h3").eachText())
        .containsSubsequence("Export test 研讨", "教学", "第一组（中共北京市委党校）", "科研", "决策咨询");
    assertThat(html.select("h3").eachText()).contains(ROOM_XSS + "（Party School <b>bold</b>）");
  }

  @Test
  void markdownRendersToTheSameStructureAndStaysInert() {
    String markdown = file("/report.md", "text/markdown", "md").text();
    Document rendered = Jsoup.parse(HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown)));
    assertInert(rendered);
    assertThat(rendered.select("h1, h2, h3").eachText())
        .containsSubsequence("Export test 研讨", "教学", "第一组（中共北京市委党校）", "科研", "决策咨询");
  }

  @Test
  void pdfHasTheChineseTextInOrderInAnEmbeddedFont() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(file("/report.pdf", "application/pdf", "pdf").body())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
      assertThat(text).containsSubsequence("推进案例教学改革", "建立科研成果转化机制", "完善决策咨询报送渠道");
      assertThat(text).contains("<script>alert('x')</script>");
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name));
        }
      }
      assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded);
    }
  }

  @Test
  void docxUsesWordHeadingStylesInTheReportsOrder() throws IOException {
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(
        file("/report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx").body()))) {
      List<String> headings = docx.getParagraphs().stream()
          .filter(p -> p.getStyle() != null && p.getStyle().startsWith("Heading"))
          .map(p -> p.getStyle() + ":" + p.getText()).toList();
      assertThat(headings).containsSubsequence("Heading1:教学", "Heading2:第一组（中共北京市委党校）", "Heading1:科研", "Heading1:决策咨询");
      assertThat(docx.getParagraphs().stream().map(XWPFParagraph::getText)).contains(SCRIPT);
    }
  }

  @Test
  void ideasCsvNeutralisesFormulasAndXlsxOpens() throws IOException {
    String csv = file("/ideas.csv", "text/csv", "ideas.csv").text();
    assertThat(csv).startsWith("\uFEFF");
    List<CSVRecord> rows;
    try (CSVParser parser = CSVParser.parse(csv.substring(1), CSVFormat.RFC4180)) {
      rows = parser.getRecords();
    }
    assertThat(rows).hasSize(4);
    List<String> texts = rows.stream().skip(1).map(r -> r.get(2)).toList();
    assertThat(texts).contains("'=HYPERLINK(\"http://example.invalid\",\"click\")", "'@SUM(1+1) 用好红色教育资源",
        "<img src=x onerror=alert(2)>");
    CSVRecord formula = rows.stream().filter(r -> r.get(2).startsWith("'=")).findFirst().orElseThrow();
    assertThat(formula.get(0)).isEqualTo(ROOM_XSS);
    assertThat(formula.get(1)).isEqualTo("教学");
    assertThat(formula.get(5)).isEqualTo("1");

    Download xlsx = file("/ideas.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ideas.xlsx");
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      assertThat(workbook.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(4);
    }
  }

  @Test
  void aRoomsFindingsAreForStaffAndItsMembersOnly() {
    SeminarRoom one = s.room(0);
    String path = s.path("/rooms/" + one.id() + "/findings");
    Person member = one.members().get(0);
    Download own = s.as(member).download(path + ".md");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.text()).contains("# 第一组").contains("推进案例教学改革");
    assertThat(own.header("Content-Disposition")).startsWith("attachment; filename=\"" + one.id() + "-findings.md\"");
    assertThat(s.as(s.room(1).facilitator()).download(path + ".docx").status()).isEqualTo(200);
    assertThat(s.as(member).download(path + ".pdf").header("Content-Type")).isEqualTo("application/pdf");
    s.as(s.room(1).members().get(0)).download(path + ".html").reply().expectError(403, "auth.forbidden");
    s.as(member).download(s.path("/rooms/r-missing/findings.md")).reply().expectError(404, "room.not_found");
  }

  @Test
  void participantsAndOtherWorkshopsAreRefusedTheReportAndIdeas() {
    LiveSeminar other = LiveSeminar.create(fixture, "Other", List.of(new RoomSpec("组", List.of(), List.of("单位"))));
    for (String path : List.of("/report.pdf", "/report.md", "/ideas.csv", "/ideas.xlsx")) {
      s.as(s.room(0).members().get(0)).download(s.path(path)).reply().expectError(403, "auth.forbidden");
      other.as(other.room(0).facilitator()).download(s.path(path)).reply().expectError(403, "auth.forbidden");
    }
    assertThat(s.as(s.room(0).facilitator()).download(s.path("/report.docx")).status()).isEqualTo(200);
    fixture.node.client(fixture.vertx).download(s.path("/report.html")).reply().expectError(401, "auth.missing");
    other.as(other.room(0).facilitator()).download(other.path("/report.pdf")).reply().expectError(409, "report.not_generated");
    assertThat(new String(fixture.organiser.download(other.path("/ideas.csv")).body(), StandardCharsets.UTF_8).lines())
        .as("a workshop without ideas exports the header only").hasSize(1);
  }
}
