package org.yantao.report.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yantao.error.DomainException;
import org.yantao.error.ErrorKind;
import org.yantao.error.Messages;

class PdfExporterTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** The system's CJK font, as a server with no setting uses it. */
  static final CjkFonts SYSTEM = CjkFonts.configuredOrSystem(null);

  @Test
  void chineseTextComesOutInOrderFromTheContentPages() throws IOException {
    ExportedFile file = new PdfExporter(SYSTEM, ZONE).export(SampleReport.document(Locale.SIMPLIFIED_CHINESE), "w1");

    try (PDDocument pdf = Loader.loadPDF(file.content())) {
      assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
      String content = compact(text(pdf, 3, pdf.getNumberOfPages()));
      List<String> expected = new ArrayList<>();
      SampleReport.HEADINGS.forEach(heading -> expected.add(heading.getValue()));
      int previous = -1;
      for (String heading : expected) {
        int at = content.indexOf(compact(heading), previous + 1);
        assertThat(at).as(heading).isGreaterThan(previous);
        previous = at;
      }
      previous = -1;
      for (String sentence : SampleReport.SENTENCES) {
        int at = content.indexOf(compact(sentence));
        assertThat(at).as(sentence).isGreaterThan(previous);
        previous = at;
      }
      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(SampleReport.TITLE);
    }
    assertThat(file.contentType()).isEqualTo("application/pdf");
    assertThat(file.fileName().ascii()).isEqualTo("2026-Seminar-Report.pdf");
  }

  @Test
  void aTitlePageAContentsPageByThemeAndPageNumbers() throws IOException {
    byte[] bytes = new PdfExporter(SYSTEM, ZONE).export(SampleReport.document(Locale.SIMPLIFIED_CHINESE), "w1").content();

    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      int pages = pdf.getNumberOfPages();
      String titlePage = text(pdf, 1, 1);
      assertThat(compact(titlePage)).startsWith(compact(SampleReport.TITLE))
          .contains(compact(SampleReport.SUBTITLE)).contains("生成时间：2026年11月18日19:06");
      assertThat(titlePage).doesNotContain("/ " + pages);

      List<String> contents = text(pdf, 2, 2).lines().map(String::strip).toList();
      assertThat(contents.get(0)).isEqualTo("目录");
      List<String> entries = SampleReport.HEADINGS.stream()
          .filter(heading -> heading.getKey() <= 2).map(heading -> heading.getValue()).toList();
      assertThat(contents.subList(1, 1 + entries.size())).hasSize(entries.size()).allSatisfy(line ->
          assertThat(line).matches(".+\\.+ ?3$"));
      for (int i = 0; i < entries.size(); i++) {
        assertThat(contents.get(1 + i)).startsWith(entries.get(i));
      }
      for (int page = 2; page <= pages; page++) {
        assertThat(text(pdf, page, page).strip()).endsWith(page + " / " + pages);
      }
    }
  }

  @Test
  void everyFontIsAnEmbeddedSubsetOfTheCjkFont() throws IOException {
    byte[] bytes = new PdfExporter(SYSTEM, ZONE).export(SampleReport.document(Locale.SIMPLIFIED_CHINESE), "w1").content();

    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        PDResources resources = page.getResources();
        for (COSName name : resources.getFontNames()) {
          fonts.add(resources.getFont(name));
        }
      }
      assertThat(fonts).isNotEmpty().allSatisfy(font -> {
        assertThat(font).isInstanceOf(PDType0Font.class);
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        assertThat(font.getName()).matches("[A-Z]{6}\\+.*");
        assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
      });
    }
    // A subset: the whole face is megabytes.
    assertThat(bytes.length).isLessThan(300_000);
  }

  @Test
  void theRendererFetchesNothing(@TempDir Path dir) throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.start();
    try {
      Path image = dir.resolve("secret.png");
      ImageIO.write(new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      String markup = "<!doctype html><html><head>"
          + "<style>body { font-family: '" + HtmlExporter.PDF_FONT_FAMILY + "'; }</style>"
          + "<link rel=\"stylesheet\" href=\"" + base + "/linked.css\">"
          + "<style>@import url(\"" + base + "/imported.css\"); body { background-image: url(\"" + base + "/bg.png\"); }"
          + "@font-face { font-family: x; src: url(\"" + base + "/font.ttf\"); }</style>"
          + "</head><body><p>文字</p><img src=\"" + base + "/remote.png\"><img src=\"" + image.toUri() + "\">"
          + "<object data=\"" + image.toUri() + "\"></object><iframe src=\"" + base + "/frame.html\"></iframe>"
          + "</body></html>";

      byte[] bytes = new PdfExporter(SYSTEM, ZONE).render(markup, "t");

      assertThat(requests).hasValue(0);
      try (PDDocument pdf = Loader.loadPDF(bytes)) {
        for (PDPage page : pdf.getPages()) {
          assertThat(page.getResources().getXObjectNames()).isEmpty();
        }
        assertThat(compact(text(pdf, 1, pdf.getNumberOfPages()))).isEqualTo("文字");
      }
    } finally {
      server.stop(0);
    }
  }

  @Test
  void withoutACjkFontThePdfExportNamesTheSetting() {
    PdfExporter exporter = new PdfExporter(new CjkFonts(Path.of("/nonexistent/fonts/cjk.ttc"), List.of()), ZONE);

    assertThatThrownBy(() -> exporter.export(SampleReport.document(Locale.SIMPLIFIED_CHINESE), "w1"))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.code()).isEqualTo("export.font_missing");
          assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
          assertThat(Messages.format(e.code(), e.args(), false)).contains("YANTAO_CJK_FONT").contains("font");
          assertThat(Messages.format(e.code(), e.args(), true)).contains("YANTAO_CJK_FONT").contains("字体");
        });
    assertThatThrownBy(() -> new PdfExporter(new CjkFonts(null, List.of()), ZONE)
        .export(SampleReport.document(Locale.ENGLISH), "w1"))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("export.font_missing"));
  }

  @Test
  void aConfiguredFileThatIsNoUsableFontIsReportedAsSuch(@TempDir Path dir) throws IOException {
    Path notAFont = Files.writeString(dir.resolve("font.ttf"), "not a font");
    PdfExporter exporter = new PdfExporter(new CjkFonts(notAFont, CjkFonts.SYSTEM_FONTS), ZONE);

    assertThatThrownBy(() -> exporter.export(SampleReport.document(Locale.ENGLISH), "w1"))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.code()).isEqualTo("export.font_unusable");
          assertThat(Messages.format(e.code(), e.args(), false)).contains("YANTAO_CJK_FONT").contains(notAFont.toString());
          assertThat(Messages.format(e.code(), e.args(), true)).contains("YANTAO_CJK_FONT").contains(notAFont.toString());
        });
  }

  static String text(PDDocument pdf, int from, int to) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    // Reading order as on paper: the renderer draws page furniture and bold text out of sequence.
    stripper.setSortByPosition(true);
    stripper.setStartPage(from);
    stripper.setEndPage(to);
    return stripper.getText(pdf);
  }

  /** Line breaks fall wherever the layout put them; compare text without any whitespace. */
  static String compact(String text) {
    return text.replaceAll("\\s+", "");
  }
}
