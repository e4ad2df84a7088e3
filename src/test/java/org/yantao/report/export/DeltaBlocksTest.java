package org.yantao.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.yantao.text.Delta;

class DeltaBlocksTest {

  @Test
  void linesTakeTheirFormatFromTheirLineBreak() {
    Delta document = Delta.builder()
        .insert("标题").insert("\n", Map.of("header", 5, "align", "center"))
        .insert("\n\n")
        .insert("a", Map.of("bold", true, "color", "red")).insert("b", Map.of("bold", true))
        .insert("\n", Map.of("list", "checked"))
        .insert("no final line break")
        .build();

    List<Block> blocks = DeltaBlocks.of(document);

    assertThat(blocks).extracting(Block::kind)
        .containsExactly(Block.Kind.HEADING, Block.Kind.BULLET, Block.Kind.PARAGRAPH);
    assertThat(blocks.get(0).level()).isEqualTo(3);
    assertThat(blocks.get(1).runs()).containsExactly(new Run("ab", true, false, false, false, false, null));
    assertThat(blocks.get(2).text()).isEqualTo("no final line break");
  }

  @Test
  void onlyWebAndMailLinksSurviveAndTextIsFitForXml() {
    Delta document = Delta.builder()
        .insert("a", Map.of("link", "javascript:alert(1)"))
        .insert("b", Map.of("link", "https://例子.example/路径?q=中文"))
        .insert("c\u0001\u0008\uD800d", Map.of("link", "mailto:a@example.org"))
        .insert("\n")
        .build();

    List<Run> runs = DeltaBlocks.of(document).get(0).runs();

    assertThat(runs).extracting(Run::text).containsExactly("a", "b", "cd");
    assertThat(runs).extracting(Run::link).containsExactly(null,
        "https://xn--fsqu00a.example/%E8%B7%AF%E5%BE%84?q=%E4%B8%AD%E6%96%87", "mailto:a@example.org");
  }

  @Test
  void anEmptyDocumentStillExports() throws IOException {
    ExportDocument empty = new ExportDocument("空 Empty", null, 0, Delta.EMPTY, Locale.ENGLISH);
    ZoneId zone = ZoneId.of("UTC");

    try (PDDocument pdf = Loader.loadPDF(new PdfExporter(PdfExporterTest.SYSTEM, zone).export(empty, "w1").content())) {
      assertThat(PdfExporterTest.text(pdf, 1, 1)).contains("空 Empty");
    }
    assertThat(DocxExporterTest.read(new DocxExporter(zone).export(empty, "w1").content()).getParagraphs()).isNotEmpty();
    assertThat(new String(new MarkdownExporter(zone).export(empty, "w1").content())).startsWith("# 空 Empty\n");
  }
}
