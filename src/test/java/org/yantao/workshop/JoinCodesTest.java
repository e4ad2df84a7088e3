package org.yantao.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JoinCodesTest {

  @Test
  void alphabetHasNoLookAlikes() {
    assertThat(JoinCodes.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
    assertThat(JoinCodes.ALPHABET.chars().distinct().count()).isEqualTo(JoinCodes.ALPHABET.length());
  }

  @Test
  void newCodesAreSixCharactersOfTheAlphabet() {
    for (int i = 0; i < 2000; i++) {
      String code = JoinCodes.next();
      assertThat(code).hasSize(JoinCodes.LENGTH);
      assertThat(code.chars()).allMatch(c -> JoinCodes.ALPHABET.indexOf(c) >= 0);
      assertThat(JoinCodes.normalise(code)).isEqualTo(code);
    }
  }

  @Test
  void typedCodesIgnoreCaseSpacesAndDashes() {
    assertThat(JoinCodes.normalise("ab3xyz")).isEqualTo("AB3XYZ");
    assertThat(JoinCodes.normalise(" AB3-XYZ ")).isEqualTo("AB3XYZ");
    assertThat(JoinCodes.normalise("ab3 - xyz")).isEqualTo("AB3XYZ");
    assertThat(JoinCodes.normalise("a b 3\txy-z")).isEqualTo("AB3XYZ");
  }

  @Test
  void wrongLengthOrForeignCharactersAreNoCode() {
    assertThat(JoinCodes.normalise(null)).isNull();
    assertThat(JoinCodes.normalise("")).isNull();
    assertThat(JoinCodes.normalise("AB3XY")).isNull();
    assertThat(JoinCodes.normalise("AB3XYZ2")).isNull();
    assertThat(JoinCodes.normalise("AB0XYZ")).isNull();
    assertThat(JoinCodes.normalise("ABIXYZ")).isNull();
    assertThat(JoinCodes.normalise("AB3XY?")).isNull();
    assertThat(JoinCodes.normalise("研讨会加入码")).isNull();
  }
}
