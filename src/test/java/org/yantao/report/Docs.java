package org.yantao.report;

import java.util.List;
import java.util.Map;
import org.yantao.text.Delta;
import org.yantao.text.Op;

/** Writes findings documents line by line, as participants would in the editor. */
final class Docs {

  private final Delta.Builder builder = Delta.builder();

  static Docs doc() {
    return new Docs();
  }

  Docs heading(String text, int level) {
    builder.insert(text).insert("\n", Map.of("header", level));
    return this;
  }

  Docs line(String text) {
    builder.insert(text).insert("\n");
    return this;
  }

  Docs bullet(String text) {
    builder.insert(text).insert("\n", Map.of("list", "bullet"));
    return this;
  }

  /** A line starting with a bold phrase. */
  Docs bold(String phrase, String rest) {
    builder.insert(phrase, Map.of("bold", true)).insert(rest).insert("\n");
    return this;
  }

  Docs blank() {
    builder.insert("\n");
    return this;
  }

  Delta build() {
    return builder.build();
  }

  /** The plain text of a document. */
  static String text(Delta document) {
    StringBuilder text = new StringBuilder();
    for (Op op : document.ops()) {
      text.append(((Op.Insert) op).text());
    }
    return text.toString();
  }

  static List<DocumentLine> lines(Delta document) {
    return DocumentLine.of(document);
  }

  /** The texts of the lines carrying {@code attribute = value}. */
  static List<String> linesWith(Delta document, String attribute, Object value) {
    return lines(document).stream()
        .filter(line -> value.equals(line.attribute(attribute)))
        .map(DocumentLine::text)
        .toList();
  }
}
