package org.yantao.testing;

import java.util.Random;
import java.util.function.Function;
import org.yantao.text.Delta;
import org.yantao.text.RichText;

/**
 * Random typing at random places: English words, Chinese committed by an IME in runs of one to
 * four characters, emoji and other characters outside the BMP, and deletions. Positions are
 * always on code-point boundaries, as a real editor's are.
 */
public final class RandomEdits {
  public enum Script { ENGLISH, CHINESE, EMOJI, MIXED }

  private static final String[] WORDS = {"policy ", "teaching ", "research ", "the ", "group ", "finds ", "that "};
  private static final String HANZI = "教学科研决策咨询党校培训干部课程案例分析调研报告建议创新发展基层治理";
  private static final String[] ASTRAL = {"😀", "👍", "🎓", "📚", "𠀋", "𡈽", "🇨🇳"};

  private RandomEdits() {}

  public static Function<RichText, Delta> next(Random random, Script script) {
    return doc -> change(doc.plainText(), random, script);
  }

  public static Delta change(String text, Random random, Script script) {
    int length = text.length();
    int at = boundary(text, random.nextInt(length));
    boolean delete = length > 2 && random.nextInt(4) == 0;
    if (delete) {
      int end = boundary(text, Math.min(length - 1, at + 1 + random.nextInt(3)));
      if (end > at) {
        return Delta.builder().retain(at).delete(end - at).build();
      }
    }
    return Delta.builder().retain(at).insert(insertion(random, script)).build();
  }

  static String insertion(Random random, Script script) {
    Script pick = script == Script.MIXED ? Script.values()[random.nextInt(3)] : script;
    return switch (pick) {
      case ENGLISH -> WORDS[random.nextInt(WORDS.length)];
      case CHINESE -> {
        int n = 1 + random.nextInt(4);
        StringBuilder commit = new StringBuilder();
        for (int i = 0; i < n; i++) {
          commit.append(HANZI.charAt(random.nextInt(HANZI.length())));
        }
        yield commit.toString();
      }
      default -> ASTRAL[random.nextInt(ASTRAL.length)];
    };
  }

  /** Moves a position off the middle of a surrogate pair (and before the final newline). */
  private static int boundary(String text, int index) {
    int i = Math.min(index, Math.max(0, text.length() - 1));
    if (i > 0 && i < text.length() && Character.isLowSurrogate(text.charAt(i)) && Character.isHighSurrogate(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }
}
