package org.yantao.text;

import java.lang.Character.UnicodeScript;

/**
 * Counts words the way a reader of mixed Chinese and English text would: every Chinese (or other
 * CJK) character is a word of its own, and a run of Latin letters or digits is one word, an
 * apostrophe inside it included ("don't").
 */
public final class WordCount {
  private WordCount() {}

  public static int of(CharSequence text) {
    int words = 0;
    boolean inWord = false;
    int i = 0;
    while (i < text.length()) {
      int cp = Character.codePointAt(text, i);
      int next = i + Character.charCount(cp);
      if (ideographic(cp)) {
        words++;
        inWord = false;
      } else if (Character.isLetterOrDigit(cp)) {
        if (!inWord) {
          words++;
          inWord = true;
        }
      } else if (!(inWord && apostrophe(cp) && next < text.length() && Character.isLetter(Character.codePointAt(text, next)))) {
        inWord = false;
      }
      i = next;
    }
    return words;
  }

  private static boolean ideographic(int cp) {
    UnicodeScript script = UnicodeScript.of(cp);
    return script == UnicodeScript.HAN || script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA
        || script == UnicodeScript.HANGUL;
  }

  private static boolean apostrophe(int cp) {
    return cp == '\'' || cp == '\u2019';
  }
}
