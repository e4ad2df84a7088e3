package org.yantao.report;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How much two short texts say the same thing, by the Dice coefficient of their character n-gram
 * sets, so Chinese needs no word segmentation: runs of CJK characters give bigrams (a lone
 * character gives itself), Latin words give trigrams of the lower-cased word padded with a space
 * at each end (so "teacher" and "teachers" share most of theirs). Punctuation, whitespace and a few
 * function words (的, 了, "the", "of", ...) are ignored: they occur everywhere and would make
 * unrelated points look alike.
 */
public final class Similarity {

  /**
   * Chinese points scoring at least this say the same thing. Tuned on the pairs in
   * {@code SimilarityTest}: paraphrases there score 0.44 and more, different points on the same
   * theme 0.27 and less.
   */
  static final double CJK_THRESHOLD = 0.4;

  /**
   * The same for English. Trigrams of shared words overlap more than bigrams of shared characters
   * do, so two different points that share a few theme words ("colleges", "teachers", "training")
   * score up to 0.56 there, while paraphrases score 0.67 and more.
   */
  static final double LATIN_THRESHOLD = 0.62;

  /** Below this many n-grams a text ("无", "N/A") says too little to be matched with anything. */
  static final int MIN_GRAMS = 3;

  private static final String CJK_STOP = "的了和与及等之";
  private static final Set<String> LATIN_STOP = Set.of(
      "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "is", "are", "be", "we", "our",
      "with", "by", "at", "as", "it", "that", "this", "should", "more", "need", "needs");

  private Similarity() {
  }

  public static double of(String a, String b) {
    return dice(grams(a), grams(b));
  }

  /** True when the two texts say the same thing. */
  public static boolean similar(String a, String b) {
    return similar(grams(a), grams(b));
  }

  /**
   * Compares the score with a threshold between {@link #CJK_THRESHOLD} and
   * {@link #LATIN_THRESHOLD}, by the share of Latin n-grams in the two texts, so mixed text (a
   * Chinese point naming an English term) is judged by what it mostly is.
   */
  static boolean similar(Set<String> a, Set<String> b) {
    if (a.size() < MIN_GRAMS || b.size() < MIN_GRAMS) {
      return false;
    }
    double latinShare = (double) (latinCount(a) + latinCount(b)) / (a.size() + b.size());
    double threshold = CJK_THRESHOLD + (LATIN_THRESHOLD - CJK_THRESHOLD) * latinShare;
    return dice(a, b) >= threshold;
  }

  private static long latinCount(Set<String> grams) {
    return grams.stream().filter(gram -> !isCjk(gram.codePointAt(0))).count();
  }

  public static double dice(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<String> smaller = a.size() <= b.size() ? a : b;
    Set<String> larger = smaller == a ? b : a;
    int shared = 0;
    for (String gram : smaller) {
      if (larger.contains(gram)) {
        shared++;
      }
    }
    return 2.0 * shared / (a.size() + b.size());
  }

  public static Set<String> grams(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    Set<String> grams = new HashSet<>();
    StringBuilder cjk = new StringBuilder();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < folded.length(); ) {
      int codePoint = folded.codePointAt(i);
      i += Character.charCount(codePoint);
      if (isCjk(codePoint)) {
        addWord(word, grams);
        if (CJK_STOP.indexOf(codePoint) < 0) {
          cjk.appendCodePoint(codePoint);
        }
      } else if (Character.isLetterOrDigit(codePoint)) {
        addCjk(cjk, grams);
        word.appendCodePoint(codePoint);
      } else {
        addCjk(cjk, grams);
        addWord(word, grams);
      }
    }
    addCjk(cjk, grams);
    addWord(word, grams);
    return grams;
  }

  /** A line's identity for "is this line already in the report": case, width, spacing and punctuation ignored. */
  public static String normalise(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder kept = new StringBuilder(folded.length());
    folded.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
    return kept.toString();
  }

  private static void addCjk(StringBuilder run, Set<String> grams) {
    int count = run.codePointCount(0, run.length());
    if (count == 1) {
      grams.add(run.toString());
    }
    for (int start = 0, n = 0; n + 1 < count; n++) {
      int second = run.offsetByCodePoints(start, 1);
      int end = run.offsetByCodePoints(second, 1);
      grams.add(run.substring(start, end));
      start = second;
    }
    run.setLength(0);
  }

  private static void addWord(StringBuilder word, Set<String> grams) {
    if (word.length() > 0 && !LATIN_STOP.contains(word.toString())) {
      String padded = " " + word + " ";
      for (int start = 0; start + 3 <= padded.length(); start++) {
        grams.add(padded.substring(start, start + 3));
      }
    }
    word.setLength(0);
  }

  private static boolean isCjk(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
  }
}
