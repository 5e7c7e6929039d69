package org.labelcritic.imaging.critic.lvlm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.labelcritic.imaging.critic.lvlm.AnswerParser.Parsed;
import org.labelcritic.imaging.critic.lvlm.AnswerParser.Pick;

class AnswerParserTest {

  static Pick pick(String answer) {
    Parsed p = AnswerParser.parse(answer);
    assertThat(p).as(answer).isInstanceOf(Parsed.Picked.class);
    return ((Parsed.Picked) p).pick();
  }

  static String malformed(String answer) {
    Parsed p = AnswerParser.parse(answer);
    assertThat(p).as(answer).isInstanceOf(Parsed.Malformed.class);
    return ((Parsed.Malformed) p).why();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Overlay 1|OVERLAY_1",
        "overlay 2|OVERLAY_2",
        "OVERLAY #1|OVERLAY_1",
        "Overlay1.|OVERLAY_1",
        "Overlay two is better.|OVERLAY_2",
        "neither|NEITHER",
        "Neither.|NEITHER",
        "**Overlay 2**|OVERLAY_2",
        "\"Overlay 1\"|OVERLAY_1",
        "Answer: Overlay 2|OVERLAY_2",
        "answer - neither|NEITHER",
        "Final answer: `Overlay 1`|OVERLAY_1",
        "**Conclusion:** Overlay 2|OVERLAY_2",
      })
  void oneOptionIsReadInAnyCaseAndDress(String answer, Pick expected) {
    assertThat(pick(answer)).isEqualTo(expected);
  }

  @Test
  void anAnswerNamingOneOptionSeveralTimesIsThatOption() {
    assertThat(pick("Overlay 2 covers the tail. Overlay 2 has no holes."))
        .isEqualTo(Pick.OVERLAY_2);
  }

  @Test
  void whenBothAreMentionedTheLastAnswerLineDecides() {
    String answer =
        """
        Overlay 1 misses the left lobe; Overlay 2 spills into the stomach a little.
        Answer: Overlay 1 (tentative)
        On reflection the spill is minor.
        Answer: Overlay 2
        """;
    assertThat(pick(answer)).isEqualTo(Pick.OVERLAY_2);
  }

  @Test
  void whenBothAreMentionedWithoutAnAnswerLineTheLastLineDecides() {
    String answer =
        """
        Overlay 1 misses the left lobe, while Overlay 2 covers it.

        Overlay 2 is better.
        """;
    assertThat(pick(answer)).isEqualTo(Pick.OVERLAY_2);
  }

  @Test
  void anAnswerLineNamingTwoOptionsIsMalformed() {
    assertThat(malformed("Overlay 1 is fine.\nAnswer: Overlay 1 or Overlay 2"))
        .contains("more than one");
  }

  @Test
  void anAnswerLineNamingNoOptionIsMalformedEvenIfTheTextNamesOne() {
    assertThat(malformed("Overlay 1 looks right.\nAnswer: the first one")).contains("names none");
  }

  @Test
  void severalOptionsWhoseLastLineDoesNotSettleAreMalformed() {
    assertThat(malformed("Overlay 1 is better than Overlay 2.")).contains("does not settle");
    assertThat(malformed("Neither is perfect, but Overlay 1 is closer.")).contains("several");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "I cannot tell.", "The first image.", "Overlay 3", "Image 1"})
  void answersWithoutAnOptionAreMalformed(String answer) {
    assertThat(malformed(answer)).isNotBlank();
  }

  @Test
  void wordsThatMerelyContainAnOptionDoNotCount() {
    assertThat(malformed("Overlay 12 and overlays")).contains("names none");
  }
}
