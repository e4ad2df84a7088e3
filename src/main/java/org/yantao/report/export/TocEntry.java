package org.yantao.report.export;

/** Which blocks the table of contents lists (themes and rooms: levels 1 and 2) and their anchors. */
final class TocEntry {

  private TocEntry() {
  }

  static boolean isEntry(Block block) {
    return block.kind() == Block.Kind.HEADING && block.level() <= 2;
  }

  /** Block positions are unique and contain nothing a user wrote. */
  static String anchor(int blockIndex) {
    return "s" + blockIndex;
  }
}
