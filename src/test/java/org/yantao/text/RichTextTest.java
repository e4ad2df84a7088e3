package org.yantao.text;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RichTextTest {

  private static final Map<String, Object> BOLD = Map.of("bold", true);

  @Test
  void formatsAndUnformatsExistingText() {
    RichText text = RichText.of(Delta.insert("hello world\n"));

    text.apply(Delta.builder().retain(6).retain(5, BOLD).build());
    text.apply(Delta.builder().retain(8).retain(3, nullable("bold")).build());

    assertThat(text.toDelta()).isEqualTo(Delta.builder()
        .insert("hello ").insert("wo", BOLD).insert("rld\n").build());
  }

  @Test
  void insertsDeletesAndSplitsAcrossChunks() {
    String large = "abcdefghij".repeat(2000);
    RichText text = RichText.of(Delta.insert(large + "\n"));

    text.apply(Delta.builder().retain(5).delete(15_000).insert("XY", BOLD).build());
    text.apply(Delta.builder().retain(1000).retain(3000, Map.of("italic", true)).build());

    Delta expected = Delta.insert(large + "\n")
        .compose(Delta.builder().retain(5).delete(15_000).insert("XY", BOLD).build())
        .compose(Delta.builder().retain(1000).retain(3000, Map.of("italic", true)).build());
    assertThat(text.toDelta()).isEqualTo(expected);
    assertThat(text.length()).isEqualTo(expected.length());
  }

  @Test
  void rejectsChangesReachingPastTheEnd() {
    assertRejected("ab\n", Delta.builder().retain(4).build(), RichText.OUT_OF_RANGE);
    assertRejected("ab\n", Delta.builder().retain(2).delete(2).build(), RichText.OUT_OF_RANGE);
    assertRejected("ab\n", Delta.builder().retain(3).retain(1, BOLD).build(), RichText.OUT_OF_RANGE);
  }

  @Test
  void rejectsChangesThatSplitASurrogatePair() {
    String document = "a😀b\n";
    assertRejected(document, Delta.builder().retain(2).insert("x").build(), RichText.SURROGATE);
    assertRejected(document, Delta.builder().retain(2).delete(1).build(), RichText.SURROGATE);
    assertRejected(document, Delta.builder().retain(1).delete(1).build(), RichText.SURROGATE);
    assertRejected(document, Delta.builder().retain(2).retain(2, BOLD).build(), RichText.SURROGATE);
  }

  @Test
  void rejectsLoneSurrogatesInInsertedText() {
    assertRejected("ab\n", Delta.insert("x\uD83D"), RichText.SURROGATE);
    assertRejected("ab\n", Delta.insert("\uDE00x"), RichText.SURROGATE);
    assertThatThrownBy(() -> RichText.of(Delta.insert("\uD83D\n")))
        .isInstanceOfSatisfying(DeltaRejectedException.class,
            e -> assertThat(e.code()).isEqualTo(RichText.SURROGATE));
  }

  @Test
  void acceptsChangesThatKeepPairsWhole() {
    RichText text = RichText.of(Delta.insert("a😀b\n"));

    text.apply(Delta.builder().retain(1).delete(2).insert("🎉").retain(1, BOLD).build());

    assertThat(text.toDelta()).isEqualTo(Delta.builder().insert("a🎉").insert("b", BOLD).insert("\n").build());
  }

  @Test
  void rejectsDocumentsGrowingPastTheLimit() {
    RichText text = RichText.of(Delta.insert("abc\n"), 6);

    text.apply(Delta.insert("xy"));
    assertThat(text.length()).isEqualTo(6);

    assertRejectedOn(text, Delta.insert("z"), RichText.TOO_LARGE);
    text.apply(Delta.builder().delete(1).insert("z").build());
    assertThat(text.plainText()).isEqualTo("zyabc\n");
    assertThatThrownBy(() -> RichText.of(Delta.insert("1234567"), 6))
        .isInstanceOfSatisfying(DeltaRejectedException.class,
            e -> assertThat(e.code()).isEqualTo(RichText.TOO_LARGE));
  }

  @Test
  void rejectsDocumentsWithRetainsOrDeletes() {
    assertThatThrownBy(() -> RichText.of(Delta.builder().retain(1).insert("a").build()))
        .isInstanceOfSatisfying(DeltaRejectedException.class,
            e -> assertThat(e.code()).isEqualTo(RichText.NOT_DOCUMENT));
  }

  @Test
  void copiesAreIndependent() {
    RichText original = RichText.of(Delta.insert("abc\n"));
    RichText copy = original.copy();

    copy.apply(Delta.insert("x"));

    assertThat(original.plainText()).isEqualTo("abc\n");
    assertThat(copy.plainText()).isEqualTo("xabc\n");
  }

  private static void assertRejected(String document, Delta change, String code) {
    Delta formatted = Delta.builder().insert(document.substring(0, 1), BOLD).insert(document.substring(1)).build();
    assertRejectedOn(RichText.of(formatted), change, code);
  }

  private static void assertRejectedOn(RichText text, Delta change, String code) {
    Delta before = text.toDelta();
    int lengthBefore = text.length();

    assertThatThrownBy(() -> text.apply(change))
        .isInstanceOfSatisfying(DeltaRejectedException.class, e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.getMessage()).isNotBlank();
        });

    assertThat(text.toDelta()).isEqualTo(before);
    assertThat(text.length()).isEqualTo(lengthBefore);
  }

  private static Map<String, Object> nullable(String key) {
    Map<String, Object> map = new HashMap<>();
    map.put(key, null);
    return map;
  }
}
