package org.yantao.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yantao.text.Attributes;
import org.yantao.text.Delta;
import org.yantao.text.Op;

/**
 * One line of a document: its inline content and the block attributes Quill keeps on the line's
 * closing "\n". {@code start} is the line's offset in the document (UTF-16 code units).
 */
record DocumentLine(int start, Delta content, String text, Map<String, Object> attributes, boolean terminated) {

  static final String NEWLINE = "\n";

  /** Cuts a document (inserts only) into lines; text after the last "\n" becomes an unterminated line. */
  static List<DocumentLine> of(Delta document) {
    List<DocumentLine> lines = new ArrayList<>();
    Delta.Builder content = Delta.builder();
    StringBuilder text = new StringBuilder();
    int start = 0;
    int position = 0;
    for (Op op : document.ops()) {
      if (!(op instanceof Op.Insert insert)) {
        throw new IllegalArgumentException("not a document: it contains " + op);
      }
      String chunk = insert.text();
      int from = 0;
      int newline;
      while ((newline = chunk.indexOf('\n', from)) >= 0) {
        String piece = chunk.substring(from, newline);
        content.insert(piece, insert.attributes());
        text.append(piece);
        lines.add(new DocumentLine(start, content.build(), text.toString(), insert.attributes(), true));
        position += piece.length() + 1;
        start = position;
        content = Delta.builder();
        text.setLength(0);
        from = newline + 1;
      }
      String rest = chunk.substring(from);
      content.insert(rest, insert.attributes());
      text.append(rest);
      position += rest.length();
    }
    if (text.length() > 0) {
      lines.add(new DocumentLine(start, content.build(), text.toString(), Attributes.NONE, false));
    }
    return lines;
  }

  int length() {
    return text.length() + (terminated ? 1 : 0);
  }

  int end() {
    return start + length();
  }

  Object attribute(String name) {
    return attributes.get(name);
  }

  boolean isHeading() {
    return attributes.get("header") != null;
  }

  boolean isBlank() {
    return text.isBlank();
  }

  /** The line as a document of its own, with {@code lineAttributes} on its "\n". */
  Delta withLineAttributes(Map<String, Object> lineAttributes) {
    Delta.Builder line = Delta.builder();
    content.ops().forEach(line::push);
    return line.insert(NEWLINE, lineAttributes).build();
  }

  Delta toDelta() {
    return withLineAttributes(attributes);
  }
}
