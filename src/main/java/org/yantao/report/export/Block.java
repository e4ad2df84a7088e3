package org.yantao.report.export;

import java.util.List;

/**
 * One line of a document as every exporter sees it: a paragraph, a heading (level 1 to 3), a list
 * item or a quoted line, with its formatted runs and the provenance Quill kept on its line break.
 */
record Block(Kind kind, int level, List<Run> runs, String provenance) {

  enum Kind { PARAGRAPH, HEADING, BULLET, ORDERED, QUOTE }

  Block {
    runs = List.copyOf(runs);
  }

  boolean isList() {
    return kind == Kind.BULLET || kind == Kind.ORDERED;
  }

  /** The line's text without formatting. */
  String text() {
    StringBuilder text = new StringBuilder();
    for (Run run : runs) {
      text.append(run.text());
    }
    return text.toString();
  }
}
