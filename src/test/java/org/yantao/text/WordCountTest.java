package org.yantao.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordCountTest {
  @Test
  void everyChineseCharacterIsAWord() {
    assertThat(WordCount.of("教学改革，势在必行。")).isEqualTo(8);
  }

  @Test
  void latinWordsAreRunsOfLettersAndDigits() {
    assertThat(WordCount.of("We don't need 3 more rooms\n")).isEqualTo(6);
  }

  @Test
  void mixedTextCountsBoth() {
    assertThat(WordCount.of("党校AI课程 in 2024年")).isEqualTo(8);
  }

  @Test
  void charactersOutsideTheBasicPlaneCountOnce() {
    assertThat(WordCount.of("\uD840\uDC00\uD840\uDC01 ok")).isEqualTo(3);
  }

  @Test
  void emptyAndPunctuationOnlyTextHasNoWords() {
    assertThat(WordCount.of("")).isZero();
    assertThat(WordCount.of(" \n—，。!? '")).isZero();
  }
}
