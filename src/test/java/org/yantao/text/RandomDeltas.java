package org.yantao.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Seeded random documents and changes that keep surrogate pairs whole. */
final class RandomDeltas {

  private static final String[] FRAGMENTS = {
    "a", "b", "hello", " ", "world", "\n", "\n", "你好", "世界", "编辑", "é", "😀", "🎉", "👍🏽", "𝒳", "𠀋",
  };
  private static final Object[][] FORMATS = {
    {"bold", true}, {"italic", true}, {"header", 1L}, {"header", 2L}, {"list", "ordered"},
    {"list", "bullet"}, {"link", "https://example.org/a"}, {"link", "https://example.org/b"},
  };

  private final Random random;
  private final int scale;

  /** {@code scale} bounds the number of runs in a document and the length of retains and deletes. */
  RandomDeltas(long seed, int scale) {
    this.random = new Random(seed);
    this.scale = scale;
  }

  Delta document() {
    Delta.Builder builder = Delta.builder();
    int runs = random.nextInt(scale + 1);
    for (int i = 0; i < runs; i++) {
      builder.insert(text(4), attributes(false, 0.5));
    }
    return builder.insert("\n").build();
  }

  Delta change(Delta document) {
    String text = plainText(document);
    Delta.Builder builder = Delta.builder();
    int position = 0;
    int steps = 1 + random.nextInt(4);
    for (int i = 0; i < steps; i++) {
      double roll = random.nextDouble();
      if (roll < 0.35 || position >= text.length()) {
        builder.insert(text(3), attributes(false, 0.5));
        continue;
      }
      int end = position + 1 + random.nextInt(Math.min(text.length() - position, scale * 2));
      if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
        end++;
      }
      int length = end - position;
      if (roll < 0.6) {
        builder.delete(length);
      } else if (roll < 0.8) {
        builder.retain(length);
      } else {
        builder.retain(length, attributes(true, 1));
      }
      position = end;
    }
    return builder.build();
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  boolean nextBoolean() {
    return random.nextBoolean();
  }

  static String plainText(Delta document) {
    StringBuilder text = new StringBuilder();
    for (Op op : document.ops()) {
      text.append(((Op.Insert) op).text());
    }
    return text.toString();
  }

  private String text(int maxPieces) {
    StringBuilder text = new StringBuilder();
    int pieces = 1 + random.nextInt(maxPieces);
    for (int i = 0; i < pieces; i++) {
      text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
    }
    return text.toString();
  }

  private Map<String, Object> attributes(boolean allowNull, double probability) {
    if (random.nextDouble() >= probability) {
      return Attributes.NONE;
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      Object[] format = FORMATS[random.nextInt(FORMATS.length)];
      attributes.put((String) format[0], allowNull && random.nextDouble() < 0.3 ? null : format[1]);
    }
    return attributes;
  }
}
