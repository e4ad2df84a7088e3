package org.yantao.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.yantao.text.Delta;

/** Hostile text in every place a user can type comes out of every export as text and nothing else. */
class InjectionCorpusTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  static final List<String> CORPUS = List.of(
      "<script>alert('x')</script>",
      "<img src=x onerror=alert(1)>",
      "\"><svg onload=alert(1)>",
      "<a href=\"javascript:alert(1)\">click</a>",
      "<img src=\"file:///etc/passwd\">",
      "<style>@import url(http://evil.example/x.css); body { background: url(file:///etc/passwd) }</style>",
      "</style><script>alert(2)</script>",
      "<link rel=stylesheet href=http://evil.example/x.css>",
      "[click me](javascript:alert(1)) ![x](file:///etc/passwd) <http://evil.example> &lt;b&gt;",
      "# not a heading",
      "- not a list",
      "=HYPERLINK(\"http://evil.example\",\"点我\")",
      "+1+1",
      "-2+3",
      "@SUM(A1:A2)");

  static final List<String> HOSTILE_LINKS = List.of(
      "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "file:///etc/passwd",
      "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "//evil.example/x", "http:evil");

  static ExportDocument hostileDocument() {
    Delta.Builder d = Delta.builder();
    d.insert("<h1>主题 Theme <script>alert(0)</script></h1>").insert("\n", Map.of("header", 1));
    for (String text : CORPUS) {
      d.insert("组 " + text).insert("\n", Map.of("header", 2, "provenance", "\"><script>alert(3)</script>"));
      d.insert(text).insert("\n");
      d.insert(text).insert("\n", Map.of("list", "bullet"));
      d.insert(text, Map.of("bold", true, "code", true)).insert("\n");
    }
    for (String link : HOSTILE_LINKS) {
      d.insert("link " + link, Map.of("link", link)).insert("\n");
    }
    d.insert("安全链接", Map.of("link", "mailto:team@example.org")).insert("\n");
    return new ExportDocument(CORPUS.get(0) + " " + CORPUS.get(5), CORPUS.get(2), 0, d.build(), Locale.SIMPLIFIED_CHINESE);
  }

  static List<IdeaExportRow> hostileIdeas() {
    List<IdeaExportRow> rows = new ArrayList<>();
    for (String text : CORPUS) {
      rows.add(new IdeaExportRow(text, text, text, text, text, 1, 0));
    }
    return rows;
  }

  @Test
  void htmlIsInert() {
    String html = new String(new HtmlExporter(ZONE).export(hostileDocument(), "w1").content(), StandardCharsets.UTF_8);
    Document page = Jsoup.parse(html);

    HtmlExporterTest.assertSelfContained(page);
    assertThat(page.select("main a[href]").eachAttr("href")).containsExactly("mailto:team@example.org");
    assertThat(page.title()).isEqualTo(hostileDocument().title());
    assertThat(page.select("main").text()).contains(CORPUS);
    assertThat(page.select("h3").eachAttr("data-provenance")).allMatch("\"><script>alert(3)</script>"::equals);
  }

  @Test
  void markdownIsInert() {
    String markdown = new String(new MarkdownExporter(ZONE).export(hostileDocument(), "w1").content(), StandardCharsets.UTF_8);
    Node document = MarkdownExporterTest.parse(markdown);

    List<Node> dangerous = new ArrayList<>();
    List<String> links = new ArrayList<>();
    MarkdownExporterTest.walk(document, node -> {
      if (node instanceof HtmlBlock || node instanceof HtmlInline || node instanceof Image) {
        dangerous.add(node);
      } else if (node instanceof Link link) {
        links.add(link.getDestination());
      }
    });
    assertThat(dangerous).isEmpty();
    assertThat(links).containsExactly("mailto:team@example.org");
    List<String> outline = MarkdownExporterTest.outline(document);
    assertThat(outline.stream().filter(line -> line.startsWith("h"))).hasSize(2 + CORPUS.size());
    assertThat(outline.stream().filter(line -> line.startsWith("ul"))).hasSize(CORPUS.size());
    assertThat(MarkdownExporterTest.text(document)).contains(CORPUS);

    Document rendered = Jsoup.parse(HtmlRenderer.builder().build().render(document));
    HtmlExporterTest.assertSelfContained(rendered);
  }

  @Test
  void pdfIsInert() throws IOException {
    byte[] bytes = new PdfExporter(PdfExporterTest.SYSTEM, ZONE).export(hostileDocument(), "w1").content();

    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      List<String> uris = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        assertThat(page.getResources().getXObjectNames()).isEmpty();
        for (PDAnnotation annotation : page.getAnnotations()) {
          if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
            uris.add(uri.getURI());
          }
        }
      }
      assertThat(uris).containsOnly("mailto:team@example.org");
      assertThat(pdf.getDocumentCatalog().getNames() == null
          || pdf.getDocumentCatalog().getNames().getJavaScript() == null).isTrue();
      assertThat(pdf.getDocumentCatalog().getOpenAction()).isNull();
      String text = PdfExporterTest.compact(PdfExporterTest.text(pdf, 1, pdf.getNumberOfPages()));
      for (String typed : CORPUS) {
        assertThat(text).contains(PdfExporterTest.compact(typed));
      }
    }
  }

  @Test
  void docxIsInert() throws Exception {
    byte[] bytes = new DocxExporter(ZONE).export(hostileDocument(), "w1").content();

    try (XWPFDocument docx = DocxExporterTest.read(bytes)) {
      PackagePart main = docx.getPackagePart();
      List<String> external = new ArrayList<>();
      for (PackageRelationship relationship : main.getRelationships()) {
        if (relationship.getTargetMode() == org.apache.poi.openxml4j.opc.TargetMode.EXTERNAL) {
          external.add(relationship.getTargetURI().toString());
        }
      }
      assertThat(external).containsExactly("mailto:team@example.org");
      String xml = new String(main.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(xml).doesNotContain("w:instrText").doesNotContain("w:fldSimple").doesNotContain("<script");
      String text = String.join("\n", docx.getParagraphs().stream().map(p -> p.getText()).toList());
      assertThat(text).contains(CORPUS);
    }
  }

  @Test
  void spreadsheetsAreInert() throws IOException {
    List<CSVRecord> records = IdeasExportTest.csv(
        new IdeasCsvExporter(ZONE).export(CORPUS.get(0), hostileIdeas(), Locale.ENGLISH, "w1").content());
    assertThat(records).hasSize(1 + CORPUS.size());
    for (int i = 0; i < CORPUS.size(); i++) {
      String expected = "=+-@".indexOf(CORPUS.get(i).charAt(0)) >= 0 ? "'" + CORPUS.get(i) : CORPUS.get(i);
      assertThat(records.get(i + 1).toList().subList(0, 5)).containsOnly(expected);
    }

    byte[] xlsx = new IdeasXlsxExporter(ZONE).export(CORPUS.get(0), hostileIdeas(), Locale.ENGLISH, "w1").content();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Row row : workbook.getSheetAt(0)) {
        row.forEach(cell -> {
          assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
          if (cell.getCellType() == CellType.STRING) {
            assertThat(cell.getStringCellValue()).doesNotStartWith("=").doesNotStartWith("+")
                .doesNotStartWith("-").doesNotStartWith("@");
          }
        });
      }
    }
  }
}
