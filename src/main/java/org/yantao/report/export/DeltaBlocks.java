package org.yantao.report.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yantao.text.Attributes;
import org.yantao.text.Delta;
import org.yantao.text.Op;

/**
 * Reads a Quill document into {@link Block}s, the one model every exporter renders. Quill keeps a
 * line's format (header, list, blockquote, provenance) on the line's {@code "\n"} and inline formats
 * on the text; attributes this export does not know are dropped, and links that are not
 * http(s)/mailto become plain text. Blank lines carry nothing worth exporting and are left out.
 */
final class DeltaBlocks {

  private DeltaBlocks() {
  }

  static List<Block> of(Delta document) {
    List<Block> blocks = new ArrayList<>();
    List<Run> line = new ArrayList<>();
    for (Op op : document.ops()) {
      if (!(op instanceof Op.Insert insert)) {
        continue;
      }
      String text = insert.text();
      int start = 0;
      for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        addRun(line, text.substring(start, end), insert.attributes());
        endLine(blocks, line, insert.attributes());
        line = new ArrayList<>();
        start = end + 1;
      }
      addRun(line, text.substring(start), insert.attributes());
    }
    endLine(blocks, line, Attributes.NONE);
    return blocks;
  }

  private static void addRun(List<Run> line, String rawText, Map<String, Object> attributes) {
    String text = XmlText.clean(rawText).replace('\r', ' ');
    if (text.isEmpty()) {
      return;
    }
    Run run = new Run(text,
        isTrue(attributes.get("bold")),
        isTrue(attributes.get("italic")),
        isTrue(attributes.get("underline")),
        isTrue(attributes.get("strike")),
        isTrue(attributes.get("code")),
        SafeLink.of(attributes.get("link")).orElse(null));
    int last = line.size() - 1;
    if (last >= 0 && line.get(last).sameFormatting(run)) {
      line.set(last, line.get(last).append(text));
    } else {
      line.add(run);
    }
  }

  private static void endLine(List<Block> blocks, List<Run> runs, Map<String, Object> attributes) {
    if (runs.stream().allMatch(run -> run.text().isBlank())) {
      return;
    }
    String provenance = attributes.get("provenance") instanceof String p && !p.isBlank() ? p : null;
    Object header = attributes.get("header");
    Object list = attributes.get("list");
    Block.Kind kind = Block.Kind.PARAGRAPH;
    int level = 0;
    if (header instanceof Number number && number.intValue() >= 1) {
      kind = Block.Kind.HEADING;
      level = Math.min(number.intValue(), 3);
    } else if ("ordered".equals(list)) {
      kind = Block.Kind.ORDERED;
    } else if (list instanceof String) {
      // "bullet", and Quill 2's "checked"/"unchecked", which print as bullets.
      kind = Block.Kind.BULLET;
    } else if (isTrue(attributes.get("blockquote"))) {
      kind = Block.Kind.QUOTE;
    }
    blocks.add(new Block(kind, level, runs, provenance));
  }

  private static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value);
  }
}
