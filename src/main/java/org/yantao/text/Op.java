package org.yantao.text;

import java.util.Map;
import java.util.Objects;

/** One operation of a {@link Delta}; lengths are UTF-16 code units. */
public sealed interface Op permits Op.Insert, Op.Retain, Op.Delete {

  int length();

  /** Never null; empty when the op carries no attributes. */
  Map<String, Object> attributes();

  /** The part of this op covering {@code [offset, offset + length)}. */
  Op slice(int offset, int length);

  record Insert(String text, Map<String, Object> attributes) implements Op {
    public Insert {
      Objects.requireNonNull(text, "text");
      if (text.isEmpty()) {
        throw new IllegalArgumentException("insert text must not be empty");
      }
      attributes = Attributes.copyOf(attributes);
      if (Attributes.removesAny(attributes)) {
        // A null only means "remove" when formatting existing text; inserted text has nothing to remove.
        throw new IllegalArgumentException("insert attributes must not be null");
      }
    }

    public Insert(String text) {
      this(text, Attributes.NONE);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public Op slice(int offset, int length) {
      if (offset == 0 && length == text.length()) {
        return this;
      }
      return new Insert(text.substring(offset, offset + length), attributes);
    }
  }

  record Retain(int length, Map<String, Object> attributes) implements Op {
    public Retain {
      requirePositive(length);
      attributes = Attributes.copyOf(attributes);
    }

    public Retain(int length) {
      this(length, Attributes.NONE);
    }

    @Override
    public Op slice(int offset, int length) {
      return length == this.length ? this : new Retain(length, attributes);
    }
  }

  record Delete(int length) implements Op {
    public Delete {
      requirePositive(length);
    }

    @Override
    public Map<String, Object> attributes() {
      return Attributes.NONE;
    }

    @Override
    public Op slice(int offset, int length) {
      return length == this.length ? this : new Delete(length);
    }
  }

  private static void requirePositive(int length) {
    if (length <= 0) {
      throw new IllegalArgumentException("length must be positive, was " + length);
    }
  }
}
