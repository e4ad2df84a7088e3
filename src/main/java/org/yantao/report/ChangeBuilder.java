package org.yantao.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.yantao.text.Delta;
import org.yantao.text.Op;

/**
 * Collects edits addressed by positions in one document version and turns them into a single
 * change against that version. Edits must not overlap; inserts at the same position keep the order
 * they were added in and come before a delete or format starting there.
 */
final class ChangeBuilder {

  private record Edit(int position, int order, Delta insert, int delete, Map<String, Object> format, int formatLength) {}

  private final List<Edit> edits = new ArrayList<>();

  ChangeBuilder insert(int position, Delta lines) {
    if (lines.length() > 0) {
      edits.add(new Edit(position, edits.size(), lines, 0, null, 0));
    }
    return this;
  }

  ChangeBuilder delete(int position, int length) {
    edits.add(new Edit(position, edits.size(), null, length, null, 0));
    return this;
  }

  ChangeBuilder format(int position, int length, Map<String, Object> attributes) {
    edits.add(new Edit(position, edits.size(), null, 0, attributes, length));
    return this;
  }

  Delta build() {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::position)
        .thenComparing(edit -> edit.insert() == null)
        .thenComparingInt(Edit::order));
    Delta.Builder change = Delta.builder();
    int at = 0;
    for (Edit edit : sorted) {
      if (edit.position() < at) {
        throw new IllegalStateException("overlapping edits at " + edit.position());
      }
      change.retain(edit.position() - at);
      at = edit.position();
      if (edit.insert() != null) {
        for (Op op : edit.insert().ops()) {
          change.push(op);
        }
      } else if (edit.format() != null) {
        change.retain(edit.formatLength(), edit.format());
        at += edit.formatLength();
      } else {
        change.delete(edit.delete());
        at += edit.delete();
      }
    }
    return change.chop().build();
  }
}
