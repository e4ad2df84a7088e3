package org.yantao.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.junit.jupiter.api.Test;

class DocxExporterTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Test
  void headingsUseWordsBuiltInStylesInOrder() throws IOException {
    ExportedFile file = new DocxExporter(ZONE).export(SampleReport.document(Locale.SIMPLIFIED_CHINESE), "w1");

    try (XWPFDocument docx = read(file.content())) {
      List<Map.Entry<Integer, String>> headings = docx.getParagraphs().stream()
          .filter(p -> p.getStyle() != null && p.getStyle().startsWith("Heading"))
          .map(p -> Map.entry(Integer.parseInt(p.getStyle().substring("Heading".length())), p.getText()))
          .toList();
      assertThat(headings).containsExactlyElementsOf(SampleReport.HEADINGS);
      for (int level = 1; level <= 3; level++) {
        XWPFStyle style = docx.getStyles().getStyle("Heading" + level);
        assertThat(style.getName()).isEqualTo("heading " + level);
        assertThat(style.getCTStyle().getPPr().getOutlineLvl().getVal()).isEqualTo(BigInteger.valueOf(level - 1));
      }
      XWPFParagraph title = docx.getParagraphs().get(0);
      assertThat(title.getStyle()).isEqualTo("Title");
      assertThat(title.getText()).isEqualTo(SampleReport.TITLE);
      assertThat(docx.getProperties().getCoreProperties().getTitle()).isEqualTo(SampleReport.TITLE);
    }
    assertThat(file.fileName().ascii()).isEqualTo("2026-Seminar-Report.docx");
  }

  @Test
  void runsKeepTheirFormattingAndAnEastAsianFont() throws IOException {
    byte[] bytes = new DocxExporter(ZONE).export(SampleReport.document(Locale.SIMPLIFIED_CHINESE), "w1").content();

    try (XWPFDocument docx = read(bytes)) {
      List<XWPFRun> runs = docx.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).toList();
      assertThat(run(runs, "案例教学").isBold()).isTrue();
      assertThat(run(runs, "案例教学").isItalic()).isFalse();
      assertThat(run(runs, "forty percent").isItalic()).isTrue();
      assertThat(run(runs, "科研选题应当紧扣")).satisfies(r -> assertThat(r.isBold() && r.isItalic()).isTrue());
      assertThat(run(runs, "地方治理的实际问题。").getUnderline().name()).isEqualTo("SINGLE");
      assertThat(run(runs, "决策咨询报告").isStrikeThrough()).isTrue();
      assertThat(runs).allSatisfy(r -> assertThat(r.getFontFamily(XWPFRun.FontCharRange.eastAsia))
          .as(r.text()).isIn(DocxExporter.BODY_EAST_ASIAN_FONT, DocxExporter.HEADING_EAST_ASIAN_FONT));
      assertThat(run(runs, "课堂教学要以学员为中心，").getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("宋体");
      assertThat(run(runs, "教学 Teaching").getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");

      XWPFRun link = run(runs, "provinces");
      assertThat(link).isInstanceOf(XWPFHyperlinkRun.class);
      assertThat(((XWPFHyperlinkRun) link).getHyperlink(docx).getURL()).isEqualTo("https://example.org/share?a=1&b=2");
    }
  }

  @Test
  void listsAreRealWordLists() throws IOException {
    byte[] bytes = new DocxExporter(ZONE).export(SampleReport.document(Locale.SIMPLIFIED_CHINESE), "w1").content();

    try (XWPFDocument docx = read(bytes)) {
      XWPFParagraph bullet = paragraph(docx, "建立跨省师资共享平台");
      XWPFParagraph first = paragraph(docx, "首先，设立联合课题");
      XWPFParagraph second = paragraph(docx, "其次，成果转化为决策咨询报告");
      assertThat(bullet.getNumFmt()).isEqualTo("bullet");
      assertThat(paragraph(docx, "Share lecturers across provinces").getNumID()).isEqualTo(bullet.getNumID());
      assertThat(first.getNumFmt()).isEqualTo("decimal");
      assertThat(second.getNumID()).isEqualTo(first.getNumID());
      assertThat(first.getNumID()).isNotEqualTo(bullet.getNumID());
      assertThat(paragraph(docx, "决策咨询报告要短、准、快。").getStyle()).isEqualTo("Quote");
    }
  }

  static XWPFDocument read(byte[] bytes) throws IOException {
    return new XWPFDocument(new ByteArrayInputStream(bytes));
  }

  private static XWPFRun run(List<XWPFRun> runs, String text) {
    return runs.stream().filter(r -> text.equals(r.text())).findFirst()
        .orElseThrow(() -> new AssertionError("no run " + text + " in " + runs.stream().map(XWPFRun::text).toList()));
  }

  private static XWPFParagraph paragraph(XWPFDocument docx, String text) {
    return docx.getParagraphs().stream().filter(p -> text.equals(p.getText())).findFirst()
        .orElseThrow(() -> new AssertionError("no paragraph " + text));
  }
}
