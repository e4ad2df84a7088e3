package org.yantao.text;

import java.util.List;

/**
 * Walks a list of ops in pieces of chosen length. Past the end it behaves as an endless plain
 * retain, which is how quill-delta lets deltas of different base lengths meet.
 */
final class OpIterator {

  static final long UNBOUNDED = Long.MAX_VALUE;

  enum Kind { INSERT, RETAIN, DELETE }

  private final List<Op> ops;
  private int index;
  private int offset;

  OpIterator(List<Op> ops) {
    this.ops = ops;
  }

  boolean hasNext() {
    return index < ops.size();
  }

  long peekLength() {
    return hasNext() ? ops.get(index).length() - offset : UNBOUNDED;
  }

  Kind peekType() {
    if (!hasNext()) {
      return Kind.RETAIN;
    }
    return kindOf(ops.get(index));
  }

  Op next() {
    return next(UNBOUNDED);
  }

  Op next(long length) {
    if (!hasNext()) {
      return new Op.Retain((int) Math.min(length, Integer.MAX_VALUE));
    }
    Op op = ops.get(index);
    int start = offset;
    int remaining = op.length() - start;
    int taken;
    if (length >= remaining) {
      taken = remaining;
      index++;
      offset = 0;
    } else {
      taken = (int) length;
      offset += taken;
    }
    return op.slice(start, taken);
  }

  static Kind kindOf(Op op) {
    if (op instanceof Op.Insert) {
      return Kind.INSERT;
    }
    return op instanceof Op.Delete ? Kind.DELETE : Kind.RETAIN;
  }
}
