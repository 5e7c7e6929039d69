package org.labelcritic.app.ui.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the code field suggests: codes by their first digits, or by words of the description. */
class CodeSuggestionsTest {
  private static final List<String> CODES =
      List.of("410 clerk", "411 typist", "141 baker", "4100 senior clerk");

  @Test
  void digitsMatchTheStartOfACodeAndLettersTheDescription() {
    assertThat(CellReviewPane.suggest(CODES, "41"))
        .containsExactly("410 clerk", "411 typist", "4100 senior clerk");
    assertThat(CellReviewPane.suggest(CODES, "BAKER")).containsExactly("141 baker");
    assertThat(CellReviewPane.suggest(CODES, " clerk "))
        .containsExactly("410 clerk", "4100 senior clerk");
  }

  @Test
  void aCompleteCodeOrNothingTypedSuggestsNothingMore() {
    assertThat(CellReviewPane.suggest(CODES, "410")).containsExactly("4100 senior clerk");
    assertThat(CellReviewPane.suggest(CODES, "411")).isEmpty();
    assertThat(CellReviewPane.suggest(CODES, "")).isEmpty();
    assertThat(CellReviewPane.suggest(CODES, null)).isEmpty();
  }
}
