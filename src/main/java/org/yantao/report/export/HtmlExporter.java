package org.yantao.report.export;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/**
 * One standalone, print-ready HTML file: styles inline, no script, nothing fetched from anywhere.
 * Every piece of user text is escaped, and links go only to http(s) and mailto targets. The same
 * markup is what the PDF is rendered from, so it carries a title page, a table of contents of the
 * level-1 and level-2 headings (with page numbers where the renderer knows them) and page counters.
 */
public final class HtmlExporter implements ReportExporter {

  public static final String CONTENT_TYPE = "text/html; charset=UTF-8";
  /** The family the PDF renderer registers its embedded CJK font under; browsers fall through it. */
  static final String PDF_FONT_FAMILY = "Yantao CJK";

  private static final String FONTS = "\"" + PDF_FONT_FAMILY + "\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", "
      + "\"Microsoft YaHei\", \"PingFang SC\", \"WenQuanYi Micro Hei\", sans-serif";

  private static final String STYLE = """
      @page { size: A4; margin: 22mm 20mm 24mm 20mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-family: %1$s; font-size: 9pt; color: #555; } }
      @page :first { @bottom-center { content: none; } }
      html { font-family: %1$s; font-size: 11pt; line-height: 1.6; color: #111; }
      body { margin: 0 auto; max-width: 46em; padding: 0 1em; }
      .title-page { text-align: center; padding-top: 70mm; page-break-after: always; }
      .title-page h1 { font-size: 24pt; margin: 0 0 0.6em; }
      .subtitle { font-size: 14pt; color: #333; }
      .generated { font-size: 10pt; color: #555; margin-top: 3em; }
      .toc { page-break-after: always; }
      .toc h2 { font-size: 16pt; }
      .toc ul { list-style: none; padding: 0; }
      .toc li.toc-2 { padding-left: 1.5em; font-size: 10pt; }
      .toc a { color: inherit; text-decoration: none; }
      .toc a::after { content: leader('.') target-counter(attr(href), page); }
      h2 { font-size: 18pt; margin: 1.2em 0 0.4em; page-break-after: avoid; }
      h3 { font-size: 14pt; margin: 1em 0 0.3em; page-break-after: avoid; }
      h4 { font-size: 12pt; margin: 0.8em 0 0.2em; page-break-after: avoid; }
      p, li { margin: 0.3em 0; }
      blockquote { margin: 0.5em 0; padding-left: 1em; border-left: 3px solid #bbb; color: #333; }
      code { font-family: %1$s; background: #f1f1f1; padding: 0 0.2em; }
      a { color: #0645ad; }
      """.formatted(FONTS);

  private final ZoneId zone;

  public HtmlExporter(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ExportedFile export(ExportDocument document, String fileId) {
    return new ExportedFile(render(document).getBytes(StandardCharsets.UTF_8), CONTENT_TYPE,
        FileName.of(document.title(), fileId, "html"));
  }

  String render(ExportDocument document) {
    Labels labels = Labels.of(document.locale());
    List<Block> blocks = DeltaBlocks.of(document.content());
    StringBuilder html = new StringBuilder(4096 + document.content().length() * 2);
    html.append("<!doctype html>\n<html lang=\"").append(escape(document.locale().toLanguageTag()))
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(document.title()))
        .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    html.append("<section class=\"title-page\">\n<h1>").append(escape(document.title())).append("</h1>\n");
    if (document.subtitle() != null && !document.subtitle().isBlank()) {
      html.append("<p class=\"subtitle\">").append(escape(document.subtitle())).append("</p>\n");
    }
    html.append("<p class=\"generated\">")
        .append(escape(labels.generatedLine(document.generatedAt(), zone))).append("</p>\n</section>\n");
    appendContents(html, blocks, labels);
    html.append("<main>\n");
    appendBlocks(html, blocks);
    html.append("</main>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void appendContents(StringBuilder html, List<Block> blocks, Labels labels) {
    if (blocks.stream().noneMatch(TocEntry::isEntry)) {
      return;
    }
    html.append("<nav class=\"toc\">\n<h2>").append(escape(labels.contents())).append("</h2>\n<ul>\n");
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      if (TocEntry.isEntry(block)) {
        html.append("<li class=\"toc-").append(block.level()).append("\"><a href=\"#")
            .append(TocEntry.anchor(i)).append("\">").append(escape(block.text())).append("</a></li>\n");
      }
    }
    html.append("</ul>\n</nav>\n");
  }

  private static void appendBlocks(StringBuilder html, List<Block> blocks) {
    Block.Kind open = null;
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      if (open != null && open != block.kind()) {
        html.append(closing(open));
        open = null;
      }
      if (open == null && opening(block.kind()) != null) {
        html.append(opening(block.kind()));
        open = block.kind();
      }
      String tag = switch (block.kind()) {
        case HEADING -> "h" + (block.level() + 1);
        case BULLET, ORDERED -> "li";
        case PARAGRAPH, QUOTE -> "p";
      };
      html.append('<').append(tag);
      if (TocEntry.isEntry(block)) {
        html.append(" id=\"").append(TocEntry.anchor(i)).append('"');
      }
      if (block.provenance() != null) {
        html.append(" data-provenance=\"").append(escape(block.provenance())).append('"');
      }
      html.append('>');
      appendRuns(html, block.runs());
      html.append("</").append(tag).append(">\n");
    }
    if (open != null) {
      html.append(closing(open));
    }
  }

  private static String opening(Block.Kind kind) {
    return switch (kind) {
      case BULLET -> "<ul>\n";
      case ORDERED -> "<ol>\n";
      case QUOTE -> "<blockquote>\n";
      default -> null;
    };
  }

  private static String closing(Block.Kind kind) {
    return switch (kind) {
      case BULLET -> "</ul>\n";
      case ORDERED -> "</ol>\n";
      case QUOTE -> "</blockquote>\n";
      default -> "";
    };
  }

  private static void appendRuns(StringBuilder html, List<Run> runs) {
    for (Run run : runs) {
      StringBuilder open = new StringBuilder();
      StringBuilder close = new StringBuilder();
      if (run.link() != null) {
        wrap(open, close, "a href=\"" + escape(run.link()) + "\"", "a");
      }
      if (run.bold()) {
        wrap(open, close, "strong", "strong");
      }
      if (run.italic()) {
        wrap(open, close, "em", "em");
      }
      if (run.underline()) {
        wrap(open, close, "u", "u");
      }
      if (run.strike()) {
        wrap(open, close, "s", "s");
      }
      if (run.code()) {
        wrap(open, close, "code", "code");
      }
      html.append(open).append(escape(run.text())).append(close);
    }
  }

  private static void wrap(StringBuilder open, StringBuilder close, String start, String end) {
    open.append('<').append(start).append('>');
    close.insert(0, "</" + end + ">");
  }

  /** Text and attribute values alike: the five characters HTML gives a meaning. */
  static String escape(String text) {
    String clean = XmlText.clean(text);
    StringBuilder escaped = new StringBuilder(clean.length() + 16);
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
