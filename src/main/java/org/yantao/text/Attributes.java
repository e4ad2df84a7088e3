package org.yantao.text;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Attribute maps as quill-delta's AttributeMap treats them. A map is unmodifiable, may hold null
 * values ("remove this attribute"), and its numbers are canonical so that equality matches
 * JavaScript's, where 1 and 1.0 are the same value.
 */
public final class Attributes {

  public static final Map<String, Object> NONE = Map.of();

  private static final double MAX_SAFE_INTEGER = 9007199254740991d;

  private Attributes() {
  }

  /** An unmodifiable canonical copy; scalars only (String, Boolean, Number, null). */
  public static Map<String, Object> copyOf(Map<String, ?> attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return NONE;
    }
    if (attributes instanceof CanonicalMap canonical) {
      return canonical;
    }
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
    attributes.forEach((key, value) -> copy.put(requireKey(key), canonicalValue(value)));
    return new CanonicalMap(copy);
  }

  /** True when some attribute is set to null, i.e. removed. */
  public static boolean removesAny(Map<String, Object> attributes) {
    for (Object value : attributes.values()) {
      if (value == null) {
        return true;
      }
    }
    return false;
  }

  static Object canonicalValue(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal
        || value instanceof BigInteger) {
      double number = ((Number) value).doubleValue();
      if (!Double.isFinite(number)) {
        throw new IllegalArgumentException("attribute value must be a finite number");
      }
      if (number == Math.rint(number) && Math.abs(number) <= MAX_SAFE_INTEGER) {
        return (long) number;
      }
      return number;
    }
    throw new IllegalArgumentException("attribute value must be a string, number, boolean or null, was "
        + value.getClass().getSimpleName());
  }

  /**
   * Applies {@code change} on top of {@code base}. With {@code keepNull} the nulls in
   * {@code change} survive (the result is itself a change); without it they remove the key.
   */
  public static Map<String, Object> compose(Map<String, Object> base, Map<String, Object> change,
                       boolean keepNull) {
    if (change.isEmpty()) {
      return base;
    }
    LinkedHashMap<String, Object> result = new LinkedHashMap<>();
    change.forEach((key, value) -> {
      if (keepNull || value != null) {
        result.put(key, value);
      }
    });
    base.forEach((key, value) -> {
      if (!change.containsKey(key)) {
        result.put(key, value);
      }
    });
    return wrap(result);
  }

  /**
   * The attributes of {@code other} to keep once {@code own} has been applied concurrently; with
   * {@code priority} the keys {@code own} already set win.
   */
  public static Map<String, Object> transform(Map<String, Object> own, Map<String, Object> other,
                        boolean priority) {
    if (own.isEmpty() || !priority) {
      return other;
    }
    LinkedHashMap<String, Object> result = new LinkedHashMap<>();
    other.forEach((key, value) -> {
      if (!own.containsKey(key)) {
        result.put(key, value);
      }
    });
    return wrap(result);
  }

  private static Map<String, Object> wrap(LinkedHashMap<String, Object> canonicalEntries) {
    return canonicalEntries.isEmpty() ? NONE : new CanonicalMap(canonicalEntries);
  }

  private static String requireKey(String key) {
    if (key == null) {
      throw new IllegalArgumentException("attribute name must not be null");
    }
    return key;
  }

  /** Marks maps whose values are already canonical, so copies can be skipped. */
  private static final class CanonicalMap extends AbstractMap<String, Object> {
    private final Map<String, Object> entries;
    private int hash;

    CanonicalMap(LinkedHashMap<String, Object> entries) {
      this.entries = Collections.unmodifiableMap(entries);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return entries.entrySet();
    }

    @Override
    public Object get(Object key) {
      return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return entries.containsKey(key);
    }

    @Override
    public int size() {
      return entries.size();
    }

    @Override
    public int hashCode() {
      int h = hash;
      if (h == 0) {
        h = entries.hashCode();
        hash = h;
      }
      return h;
    }

    @Override
    public boolean equals(Object other) {
      return this == other || (other instanceof Map<?, ?> map && hashMatches(map) && entries.equals(map));
    }

    private boolean hashMatches(Map<?, ?> map) {
      return !(map instanceof CanonicalMap canonical) || canonical.hashCode() == hashCode();
    }
  }
}
