package org.yantao.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An immutable Quill delta with the semantics of quill-delta 5.x: either a document (inserts
 * only) or a change to one. The ops are always normalised the way quill-delta's {@code push}
 * leaves them.
 */
public final class Delta {

  public static final Delta EMPTY = new Delta(List.of());

  private final List<Op> ops;

  private Delta(List<Op> ops) {
    this.ops = ops;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static Delta insert(String text) {
    return builder().insert(text).build();
  }

  public List<Op> ops() {
    return ops;
  }

  /** Total length of all ops. */
  public int length() {
    int length = 0;
    for (Op op : ops) {
      length = Math.addExact(length, op.length());
    }
    return length;
  }

  /** How much longer a document becomes by applying this change (a long: ops may add up past an int). */
  public long changeLength() {
    long length = 0;
    for (Op op : ops) {
      if (op instanceof Op.Insert) {
        length += op.length();
      } else if (op instanceof Op.Delete) {
        length -= op.length();
      }
    }
    return length;
  }

  /** The length of the document this change reaches into: its retains plus deletes. */
  public long baseLength() {
    long length = 0;
    for (Op op : ops) {
      if (!(op instanceof Op.Insert)) {
        length += op.length();
      }
    }
    return length;
  }

  public boolean isDocument() {
    for (Op op : ops) {
      if (!(op instanceof Op.Insert)) {
        return false;
      }
    }
    return true;
  }

  /** This followed by {@code other}, as quill-delta's {@code compose}. */
  public Delta compose(Delta other) {
    OpIterator thisIter = new OpIterator(ops);
    OpIterator otherIter = new OpIterator(other.ops);
    Builder result = new Builder();
    while (thisIter.hasNext() || otherIter.hasNext()) {
      if (otherIter.peekType() == OpIterator.Kind.INSERT) {
        result.push(otherIter.next());
      } else if (thisIter.peekType() == OpIterator.Kind.DELETE) {
        result.push(thisIter.next());
      } else {
        long length = Math.min(thisIter.peekLength(), otherIter.peekLength());
        Op thisOp = thisIter.next(length);
        Op otherOp = otherIter.next(length);
        if (otherOp instanceof Op.Retain otherRetain) {
          boolean thisIsRetain = thisOp instanceof Op.Retain;
          Map<String, Object> attributes =
              Attributes.compose(thisOp.attributes(), otherRetain.attributes(), thisIsRetain);
          result.push(thisIsRetain
              ? new Op.Retain(otherRetain.length(), attributes)
              : new Op.Insert(((Op.Insert) thisOp).text(), attributes));
          if (!otherIter.hasNext()) {
            // The rest of this passes through unchanged; copying it avoids op-by-op slicing.
            while (thisIter.hasNext()) {
              result.push(thisIter.next());
            }
          }
        } else if (thisOp instanceof Op.Retain) {
          result.push(otherOp);
        }
      }
    }
    return result.chop().build();
  }

  /**
   * {@code other} rewritten to apply after this, both having been made against the same
   * document, as quill-delta's {@code this.transform(other, priority)}. With {@code priority}
   * this is taken to have happened first.
   */
  public Delta transform(Delta other, boolean priority) {
    OpIterator thisIter = new OpIterator(ops);
    OpIterator otherIter = new OpIterator(other.ops);
    Builder result = new Builder();
    while (thisIter.hasNext() || otherIter.hasNext()) {
      if (thisIter.peekType() == OpIterator.Kind.INSERT
          && (priority || otherIter.peekType() != OpIterator.Kind.INSERT)) {
        result.retain(thisIter.next().length());
      } else if (otherIter.peekType() == OpIterator.Kind.INSERT) {
        result.push(otherIter.next());
      } else {
        long length = Math.min(thisIter.peekLength(), otherIter.peekLength());
        Op thisOp = thisIter.next(length);
        Op otherOp = otherIter.next(length);
        if (thisOp instanceof Op.Delete) {
          continue;
        }
        if (otherOp instanceof Op.Delete) {
          result.push(otherOp);
        } else {
          result.retain((int) length,
              Attributes.transform(thisOp.attributes(), otherOp.attributes(), priority));
        }
      }
    }
    return result.chop().build();
  }

  /** Where {@code index} moves to once this change is applied, as quill-delta's {@code transformPosition}. */
  public int transformPosition(int index, boolean priority) {
    OpIterator iter = new OpIterator(ops);
    long position = index;
    long offset = 0;
    while (iter.hasNext() && offset <= position) {
      long length = iter.peekLength();
      OpIterator.Kind kind = iter.peekType();
      iter.next();
      if (kind == OpIterator.Kind.DELETE) {
        position -= Math.min(length, position - offset);
        continue;
      }
      if (kind == OpIterator.Kind.INSERT && (offset < position || !priority)) {
        position += length;
      }
      offset += length;
    }
    return Math.toIntExact(position);
  }

  @Override
  public boolean equals(Object other) {
    return this == other || (other instanceof Delta delta && ops.equals(delta.ops));
  }

  @Override
  public int hashCode() {
    return ops.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Delta[");
    for (int i = 0; i < ops.size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      Op op = ops.get(i);
      if (op instanceof Op.Insert insert) {
        text.append("insert ").append(quoted(insert.text()));
      } else if (op instanceof Op.Retain) {
        text.append("retain ").append(op.length());
      } else {
        text.append("delete ").append(op.length());
      }
      if (!op.attributes().isEmpty()) {
        text.append(' ').append(op.attributes());
      }
    }
    return text.append(']').toString();
  }

  private static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }

  /** Accumulates ops with quill-delta's normalising {@code push}. */
  public static final class Builder {

    private final ArrayList<Op> ops = new ArrayList<>();

    private Builder() {
    }

    public Builder insert(String text) {
      return insert(text, Attributes.NONE);
    }

    public Builder insert(String text, Map<String, ?> attributes) {
      return text.isEmpty() ? this : push(new Op.Insert(text, Attributes.copyOf(attributes)));
    }

    public Builder retain(int length) {
      return retain(length, Attributes.NONE);
    }

    public Builder retain(int length, Map<String, ?> attributes) {
      return length <= 0 ? this : push(new Op.Retain(length, Attributes.copyOf(attributes)));
    }

    public Builder delete(int length) {
      return length <= 0 ? this : push(new Op.Delete(length));
    }

    public Builder push(Op op) {
      int index = ops.size();
      if (index > 0) {
        Op last = ops.get(index - 1);
        if (op instanceof Op.Delete && last instanceof Op.Delete) {
          ops.set(index - 1, new Op.Delete(Math.addExact(last.length(), op.length())));
          return this;
        }
        // Inserting before or after a delete at the same index is the same change; inserts go first.
        if (last instanceof Op.Delete && op instanceof Op.Insert) {
          index--;
          if (index == 0) {
            ops.add(0, op);
            return this;
          }
          last = ops.get(index - 1);
        }
        if (op.attributes().equals(last.attributes())) {
          if (op instanceof Op.Insert insert && last instanceof Op.Insert lastInsert) {
            ops.set(index - 1, new Op.Insert(lastInsert.text() + insert.text(), op.attributes()));
            return this;
          }
          if (op instanceof Op.Retain && last instanceof Op.Retain) {
            ops.set(index - 1,
                new Op.Retain(Math.addExact(last.length(), op.length()), op.attributes()));
            return this;
          }
        }
      }
      ops.add(index, op);
      return this;
    }

    /** Drops a trailing plain retain, which changes nothing. */
    public Builder chop() {
      int last = ops.size() - 1;
      if (last >= 0 && ops.get(last) instanceof Op.Retain retain && retain.attributes().isEmpty()) {
        ops.remove(last);
      }
      return this;
    }

    public Delta build() {
      return ops.isEmpty() ? EMPTY : new Delta(Collections.unmodifiableList(new ArrayList<>(ops)));
    }
  }
}
