package org.yantao.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A mutable rich-text document built for applying many small changes to a large text. The
 * content lives in bounded chunks, so a change costs time in proportion to the number of chunks
 * and the chunk size rather than to the whole document. The result of every {@link #apply} is
 * exactly quill-delta's {@code document.compose(change)}.
 *
 * <p>The document never holds a lone UTF-16 surrogate: changes that would cut a pair or insert
 * half of one are rejected, because browsers cannot render them and clients would diverge.
 */
public final class RichText {

  public static final String OUT_OF_RANGE = "delta.out_of_range";
  public static final String SURROGATE = "delta.surrogate";
  public static final String TOO_LARGE = "doc.too_large";
  public static final String NOT_DOCUMENT = "delta.not_document";

  static final int MAX_CHUNK = 2048;
  private static final int SPLIT_CHUNK = MAX_CHUNK / 2;
  private static final int MIN_CHUNK = MAX_CHUNK / 8;

  private final int maxLength;
  private final List<TextChunk> chunks;
  private int length;

  private int foundChunk;
  private int foundOffset;

  private RichText(int maxLength, List<TextChunk> chunks, int length) {
    this.maxLength = maxLength;
    this.chunks = chunks;
    this.length = length;
  }

  public static RichText of(Delta document) {
    return of(document, Integer.MAX_VALUE);
  }

  /** A document that rejects changes that would make it longer than {@code maxLength} code units. */
  public static RichText of(Delta document, int maxLength) {
    if (!document.isDocument()) {
      throw new DeltaRejectedException(NOT_DOCUMENT, "a document may only contain inserts");
    }
    RichText richText = new RichText(maxLength, new ArrayList<>(), 0);
    long total = 0;
    for (Op op : document.ops()) {
      String text = ((Op.Insert) op).text();
      requireWholeSurrogates(text);
      total += text.length();
    }
    if (total > maxLength) {
      throw new DeltaRejectedException(TOO_LARGE,
          "the document has " + total + " characters, more than the limit of " + maxLength);
    }
    for (Op op : document.ops()) {
      richText.insertAt(richText.length, ((Op.Insert) op).text(), op.attributes());
      richText.length += op.length();
    }
    return richText;
  }

  public int length() {
    return length;
  }

  public int maxLength() {
    return maxLength;
  }

  /**
   * Applies {@code change}, or throws {@link DeltaRejectedException} and leaves the document as
   * it was.
   */
  public void apply(Delta change) {
    validate(change);
    int position = 0;
    for (Op op : change.ops()) {
      if (op instanceof Op.Insert insert) {
        insertAt(position, insert.text(), insert.attributes());
        position += insert.length();
        length += insert.length();
      } else if (op instanceof Op.Delete) {
        deleteRange(position, op.length());
        length -= op.length();
      } else {
        if (!op.attributes().isEmpty()) {
          formatRange(position, op.length(), op.attributes());
        }
        position += op.length();
      }
    }
  }

  public Delta toDelta() {
    RunCollector collector = new RunCollector();
    for (TextChunk chunk : chunks) {
      chunk.forEachRun(collector);
    }
    return collector.finish();
  }

  public String plainText() {
    StringBuilder text = new StringBuilder(length);
    for (TextChunk chunk : chunks) {
      chunk.appendTextTo(text);
    }
    return text.toString();
  }

  public RichText copy() {
    List<TextChunk> copies = new ArrayList<>(chunks.size());
    for (TextChunk chunk : chunks) {
      copies.add(chunk.copy());
    }
    return new RichText(maxLength, copies, length);
  }

  @Override
  public String toString() {
    return "RichText[length=" + length + ", chunks=" + chunks.size() + "]";
  }

  private void validate(Delta change) {
    long base = change.baseLength();
    long grown = length + change.changeLength();
    if (base > length) {
      throw new DeltaRejectedException(OUT_OF_RANGE, "the change reaches position " + base
          + " but the document has only " + length + " characters");
    }
    int position = 0;
    for (Op op : change.ops()) {
      if (op instanceof Op.Insert insert) {
        requireWholeSurrogates(insert.text());
        requireBoundary(position);
      } else {
        if (op instanceof Op.Delete || !op.attributes().isEmpty()) {
          requireBoundary(position);
          requireBoundary(position + op.length());
        }
        position += op.length();
      }
    }
    if (grown > maxLength) {
      throw new DeltaRejectedException(TOO_LARGE, "the change would make the document " + grown
          + " characters long, more than the limit of " + maxLength);
    }
  }

  /** Relies on the document holding only whole pairs: a low surrogate always ends one. */
  private void requireBoundary(int position) {
    if (position > 0 && position < length && Character.isLowSurrogate(charAt(position))) {
      throw new DeltaRejectedException(SURROGATE,
          "position " + position + " falls inside a character made of a UTF-16 surrogate pair");
    }
  }

  private static void requireWholeSurrogates(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new DeltaRejectedException(SURROGATE,
            "the text contains half of a UTF-16 surrogate pair at index " + i);
      }
    }
  }

  private char charAt(int position) {
    find(position, false);
    return chunks.get(foundChunk).charAt(foundOffset);
  }

  /**
   * Sets {@link #foundChunk} and {@link #foundOffset} for {@code position}. At a boundary
   * between chunks, {@code atEnd} picks the end of the earlier chunk rather than the start of
   * the later one.
   */
  private void find(int position, boolean atEnd) {
    int start = 0;
    int last = chunks.size() - 1;
    for (int i = 0; i < last; i++) {
      int end = start + chunks.get(i).length();
      if (position < end || (atEnd && position == end)) {
        foundChunk = i;
        foundOffset = position - start;
        return;
      }
      start = end;
    }
    foundChunk = last;
    foundOffset = position - start;
  }

  private void insertAt(int position, String text, Map<String, Object> attributes) {
    if (chunks.isEmpty()) {
      chunks.add(new TextChunk());
    }
    find(position, true);
    int index = foundChunk;
    TextChunk chunk = chunks.get(index);
    chunk.insert(foundOffset, text, attributes);
    while (chunk.length() > MAX_CHUNK) {
      chunks.add(index + 1, chunk.splitOff(chunk.length() - SPLIT_CHUNK));
    }
  }

  private void deleteRange(int position, int count) {
    find(position, false);
    int index = foundChunk;
    int offset = foundOffset;
    int remaining = count;
    while (remaining > 0) {
      TextChunk chunk = chunks.get(index);
      int taken = Math.min(remaining, chunk.length() - offset);
      chunk.delete(offset, taken);
      remaining -= taken;
      if (chunk.length() == 0) {
        chunks.remove(index);
      } else {
        index++;
      }
      offset = 0;
    }
    rebalance(Math.min(index, chunks.size() - 1));
    rebalance(index - 1);
  }

  private void formatRange(int position, int count, Map<String, Object> change) {
    find(position, false);
    int index = foundChunk;
    int offset = foundOffset;
    int remaining = count;
    while (remaining > 0) {
      TextChunk chunk = chunks.get(index);
      int taken = Math.min(remaining, chunk.length() - offset);
      chunk.format(offset, taken, change);
      remaining -= taken;
      index++;
      offset = 0;
    }
  }

  /** Keeps chunks from fragmenting: a small chunk joins a neighbour when the two fit in one. */
  private void rebalance(int index) {
    if (index < 0 || index >= chunks.size() || chunks.get(index).length() >= MIN_CHUNK) {
      return;
    }
    TextChunk chunk = chunks.get(index);
    if (index + 1 < chunks.size() && chunk.length() + chunks.get(index + 1).length() <= MAX_CHUNK) {
      chunk.append(chunks.remove(index + 1));
    } else if (index > 0 && chunk.length() + chunks.get(index - 1).length() <= MAX_CHUNK) {
      chunks.get(index - 1).append(chunks.remove(index));
    }
  }

  /** Joins runs with equal attributes across chunk boundaries into single inserts. */
  private static final class RunCollector implements BiConsumer<CharSequence, Map<String, Object>> {
    private final Delta.Builder builder = Delta.builder();
    private final StringBuilder pendingText = new StringBuilder();
    private Map<String, Object> pendingAttributes = Attributes.NONE;

    @Override
    public void accept(CharSequence text, Map<String, Object> attributes) {
      if (pendingText.length() > 0 && !pendingAttributes.equals(attributes)) {
        flush();
      }
      pendingAttributes = attributes;
      pendingText.append(text);
    }

    Delta finish() {
      if (pendingText.length() > 0) {
        flush();
      }
      return builder.build();
    }

    private void flush() {
      builder.push(new Op.Insert(pendingText.toString(), pendingAttributes));
      pendingText.setLength(0);
    }
  }
}
