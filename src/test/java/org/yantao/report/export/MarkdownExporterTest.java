package org.yantao.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

class MarkdownExporterTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Test
  void commonmarkReadsTheReportsStructure() {
    ExportedFile file = new MarkdownExporter(ZONE).export(SampleReport.document(Locale.SIMPLIFIED_CHINESE), "w1");
    Node document = parse(file);

    List<String> outline = outline(document);
    assertThat(outline.get(0)).isEqualTo("h1 " + SampleReport.TITLE);
    assertThat(outline).containsSubsequence(SampleReport.OUTLINE);
    assertThat(outline.subList(outline.indexOf(SampleReport.OUTLINE.get(0)), outline.size()))
        .containsExactlyElementsOf(SampleReport.OUTLINE);
    assertThat(file.contentType()).isEqualTo("text/markdown; charset=UTF-8");
    assertThat(file.fileName().ascii()).isEqualTo("2026-Seminar-Report.md");
  }

  @Test
  void boldItalicAndLinksSurvive() {
    Node document = parse(new MarkdownExporter(ZONE).export(SampleReport.document(Locale.ENGLISH), "w1"));

    List<String> strong = new ArrayList<>();
    List<String> emphasis = new ArrayList<>();
    List<String> links = new ArrayList<>();
    walk(document, node -> {
      if (node instanceof StrongEmphasis) {
        strong.add(text(node));
      } else if (node instanceof Emphasis) {
        emphasis.add(text(node));
      } else if (node instanceof Link link) {
        links.add(link.getDestination() + " " + text(link));
      }
    });
    assertThat(strong).contains("案例教学");
    assertThat(emphasis).contains("forty percent");
    assertThat(links).containsExactly("https://example.org/share?a=1&b=2 provinces");
  }

  @Test
  void markdownInUserTextStaysText() {
    String typed = "# not a heading *or emphasis* [link](http://x.example) <b>1.</b> \\ `code` 1) &amp;";
    assertThat(parse(MarkdownExporter.escape(typed, true))).satisfies(node -> {
      assertThat(node.getFirstChild()).isInstanceOf(Paragraph.class);
      assertThat(node.getFirstChild().getFirstChild()).isInstanceOf(Text.class);
      assertThat(text(node)).isEqualTo(typed);
    });
    for (String lineStart : List.of("- item", "+ item", "1. item", "12) item", "= x", "> quote", "    code")) {
      Node node = parse(MarkdownExporter.escape(lineStart, true));
      assertThat(node.getFirstChild()).as(lineStart).isInstanceOf(Paragraph.class);
    }
  }

  static Node parse(ExportedFile file) {
    return parse(new String(file.content(), StandardCharsets.UTF_8));
  }

  static Node parse(String markdown) {
    return Parser.builder().build().parse(markdown);
  }

  /** Top-level blocks as "h2 text", "p", "ul 2", "ol 2", "blockquote". */
  static List<String> outline(Node document) {
    List<String> outline = new ArrayList<>();
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading heading) {
        outline.add("h" + heading.getLevel() + " " + text(heading));
      } else if (node instanceof Paragraph) {
        outline.add("p");
      } else if (node instanceof BulletList) {
        outline.add("ul " + count(node));
      } else if (node instanceof OrderedList) {
        outline.add("ol " + count(node));
      } else if (node instanceof BlockQuote) {
        outline.add("blockquote");
      } else {
        outline.add(node.getClass().getSimpleName());
      }
    }
    return outline;
  }

  static String text(Node node) {
    StringBuilder text = new StringBuilder();
    walk(node, n -> {
      if (n instanceof Text t) {
        text.append(t.getLiteral());
      }
    });
    return text.toString();
  }

  static void walk(Node node, java.util.function.Consumer<Node> visitor) {
    visitor.accept(node);
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      walk(child, visitor);
    }
  }

  private static int count(Node list) {
    int items = 0;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      items++;
    }
    return items;
  }
}
