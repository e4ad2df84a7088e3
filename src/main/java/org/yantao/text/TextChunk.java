package org.yantao.text;

import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A bounded stretch of a {@link RichText}: its characters plus the attributed runs covering them.
 * Adjacent runs always differ in attributes, and no run is empty.
 */
final class TextChunk {

  private final StringBuilder text;
  private int[] runLengths;
  private Map<String, Object>[] runAttributes;
  private int runCount;

  TextChunk() {
    this(new StringBuilder(), 4);
  }

  @SuppressWarnings("unchecked")
  private TextChunk(StringBuilder text, int runCapacity) {
    this.text = text;
    this.runLengths = new int[Math.max(runCapacity, 4)];
    this.runAttributes = new Map[runLengths.length];
  }

  int length() {
    return text.length();
  }

  char charAt(int offset) {
    return text.charAt(offset);
  }

  void appendTextTo(StringBuilder out) {
    out.append(text);
  }

  void forEachRun(BiConsumer<CharSequence, Map<String, Object>> visitor) {
    int start = 0;
    for (int i = 0; i < runCount; i++) {
      int end = start + runLengths[i];
      visitor.accept(text.subSequence(start, end), runAttributes[i]);
      start = end;
    }
  }

  void insert(int offset, String inserted, Map<String, Object> attributes) {
    text.insert(offset, inserted);
    int start = 0;
    for (int i = 0; i < runCount; i++) {
      int end = start + runLengths[i];
      if (offset <= end) {
        if (sameAttributes(runAttributes[i], attributes)) {
          runLengths[i] += inserted.length();
          return;
        }
        if (offset == end && i + 1 < runCount && sameAttributes(runAttributes[i + 1], attributes)) {
          runLengths[i + 1] += inserted.length();
          return;
        }
        break;
      }
      start = end;
    }
    insertRun(splitAt(offset), inserted.length(), attributes);
  }

  void delete(int offset, int count) {
    text.delete(offset, offset + count);
    int first = splitAt(offset);
    int last = splitAt(offset + count);
    removeRuns(first, last);
    mergeRuns(first - 1, first + 1);
  }

  void format(int offset, int count, Map<String, Object> change) {
    int first = splitAt(offset);
    int last = splitAt(offset + count);
    for (int i = first; i < last; i++) {
      runAttributes[i] = Attributes.compose(runAttributes[i], change, false);
    }
    mergeRuns(first - 1, last + 1);
  }

  /** Moves {@code [offset, length)} into a new chunk. */
  TextChunk splitOff(int offset) {
    int first = splitAt(offset);
    TextChunk tail = new TextChunk(new StringBuilder(text.substring(offset)), runCount - first);
    System.arraycopy(runLengths, first, tail.runLengths, 0, runCount - first);
    System.arraycopy(runAttributes, first, tail.runAttributes, 0, runCount - first);
    tail.runCount = runCount - first;
    Arrays.fill(runAttributes, first, runCount, null);
    runCount = first;
    text.setLength(offset);
    return tail;
  }

  void append(TextChunk other) {
    text.append(other.text);
    int join = runCount;
    for (int i = 0; i < other.runCount; i++) {
      insertRun(runCount, other.runLengths[i], other.runAttributes[i]);
    }
    mergeRuns(join - 1, join + 1);
  }

  TextChunk copy() {
    TextChunk copy = new TextChunk(new StringBuilder(text), runCount);
    System.arraycopy(runLengths, 0, copy.runLengths, 0, runCount);
    System.arraycopy(runAttributes, 0, copy.runAttributes, 0, runCount);
    copy.runCount = runCount;
    return copy;
  }

  /** Ensures a run starts at {@code offset} and returns its index ({@code runCount} at the end). */
  private int splitAt(int offset) {
    int start = 0;
    for (int i = 0; i < runCount; i++) {
      if (start == offset) {
        return i;
      }
      int end = start + runLengths[i];
      if (offset < end) {
        runLengths[i] = offset - start;
        insertRun(i + 1, end - offset, runAttributes[i]);
        return i + 1;
      }
      start = end;
    }
    return runCount;
  }

  private void insertRun(int index, int length, Map<String, Object> attributes) {
    if (runCount == runLengths.length) {
      runLengths = Arrays.copyOf(runLengths, runCount * 2);
      runAttributes = Arrays.copyOf(runAttributes, runCount * 2);
    }
    System.arraycopy(runLengths, index, runLengths, index + 1, runCount - index);
    System.arraycopy(runAttributes, index, runAttributes, index + 1, runCount - index);
    runLengths[index] = length;
    runAttributes[index] = attributes;
    runCount++;
  }

  private void removeRuns(int from, int to) {
    System.arraycopy(runLengths, to, runLengths, from, runCount - to);
    System.arraycopy(runAttributes, to, runAttributes, from, runCount - to);
    Arrays.fill(runAttributes, runCount - (to - from), runCount, null);
    runCount -= to - from;
  }

  /** Joins equal neighbours among the runs with index in {@code [from, to]}. */
  private void mergeRuns(int from, int to) {
    int i = Math.max(from, 0);
    int last = Math.min(to, runCount - 1);
    while (i < last) {
      if (sameAttributes(runAttributes[i], runAttributes[i + 1])) {
        runLengths[i] += runLengths[i + 1];
        removeRuns(i + 1, i + 2);
        last--;
      } else {
        i++;
      }
    }
  }

  private static boolean sameAttributes(Map<String, Object> a, Map<String, Object> b) {
    return a == b || a.equals(b);
  }
}
