package org.yantao.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class HtmlExporterTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Test
  void aStandalonePrintReadyPage() {
    ExportedFile file = new HtmlExporter(ZONE).export(SampleReport.document(Locale.SIMPLIFIED_CHINESE), "w1");
    String html = new String(file.content(), StandardCharsets.UTF_8);
    Document page = Jsoup.parse(html);

    assertThat(html).startsWith("<!doctype html>");
    assertThat(page.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
    assertThat(page.select("meta[charset]").attr("charset")).isEqualToIgnoringCase("utf-8");
    assertThat(page.title()).isEqualTo(SampleReport.TITLE);
    assertThat(page.select("style")).hasSize(1);
    assertSelfContained(page);
    assertThat(page.select(".title-page h1").text()).isEqualTo(SampleReport.TITLE);
    assertThat(page.select(".title-page .subtitle").text()).isEqualTo(SampleReport.SUBTITLE);
    assertThat(page.select(".title-page .generated").text()).isEqualTo("生成时间：2026年11月18日 19:06");
    assertThat(file.contentType()).isEqualTo("text/html; charset=UTF-8");
  }

  @Test
  void contentKeepsItsStructureFormattingAndProvenance() {
    Document page = Jsoup.parse(new HtmlExporter(ZONE).render(SampleReport.document(Locale.ENGLISH)));

    assertThat(outline(page.selectFirst("main"))).containsExactlyElementsOf(SampleReport.OUTLINE);
    assertThat(page.select("main strong").eachText()).containsExactly("案例教学", "科研选题应当紧扣");
    assertThat(page.select("main em").eachText()).containsExactly("forty percent", "科研选题应当紧扣");
    assertThat(page.select("main u").eachText()).containsExactly("地方治理的实际问题。");
    assertThat(page.select("main s").eachText()).containsExactly("决策咨询报告");
    assertThat(page.select("main a[href]").eachAttr("href")).containsExactly("https://example.org/share?a=1&b=2");
    assertThat(page.select("h3").eachAttr("data-provenance")).containsExactly("room-1@12", "room-2@7", "room-3@3", "room-4@21");
    assertThat(page.select("main ol li").eachAttr("data-provenance")).containsExactly("room-3@3", "room-3@3");
    String text = page.select("main").text();
    int previous = -1;
    for (String sentence : SampleReport.SENTENCES) {
      assertThat(text.indexOf(sentence)).as(sentence).isGreaterThan(previous);
      previous = text.indexOf(sentence);
    }
  }

  @Test
  void theTableOfContentsListsThemesAndRoomsAndPointsAtThem() {
    Document page = Jsoup.parse(new HtmlExporter(ZONE).render(SampleReport.document(Locale.ENGLISH)));

    Elements entries = page.select("nav.toc li a");
    List<String> expected = SampleReport.HEADINGS.stream()
        .filter(heading -> heading.getKey() <= 2).map(heading -> heading.getValue()).toList();
    assertThat(entries.eachText()).containsExactlyElementsOf(expected);
    for (Element entry : entries) {
      Element target = page.getElementById(entry.attr("href").substring(1));
      assertThat(target).isNotNull();
      assertThat(target.text()).isEqualTo(entry.text());
    }
    assertThat(page.select("nav.toc h2").text()).isEqualTo("Contents");
  }

  /** No script, no handler, nothing loaded from anywhere: links only to the web, mail or the page itself. */
  static void assertSelfContained(Document page) {
    assertThat(page.select("script, iframe, object, embed, img, link, svg, video, audio, source, base, form")).isEmpty();
    assertThat(page.select("[src], [srcset], [style], [background]")).isEmpty();
    for (Element element : page.getAllElements()) {
      element.attributes().forEach(attribute ->
          assertThat(attribute.getKey().toLowerCase(Locale.ROOT)).as(element.outerHtml()).doesNotStartWith("on"));
    }
    for (Element anchor : page.select("[href]")) {
      String href = anchor.attr("href");
      if (href.startsWith("#")) {
        assertThat(page.getElementById(href.substring(1))).as(href).isNotNull();
      } else {
        assertThat(href).matches("(?i)^(https?://|mailto:).*");
      }
    }
    String css = page.select("style").html().toLowerCase(Locale.ROOT);
    assertThat(css).doesNotContain("@import").doesNotContain("url(").doesNotContain("expression(");
  }

  static List<String> outline(Element main) {
    List<String> outline = new ArrayList<>();
    for (Element child : main.children()) {
      switch (child.tagName()) {
        case "ul", "ol" -> outline.add(child.tagName() + " " + child.children().size());
        case "p", "blockquote" -> outline.add(child.tagName());
        default -> outline.add(child.tagName() + " " + child.text());
      }
    }
    return outline;
  }
}
