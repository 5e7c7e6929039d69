package org.labelcritic.model.codes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeValidatorTest {
  final CodeValidator v = new CodeValidator(CodeCells.CODES);

  @Test
  void listedCodesPassAndEveryKindOfBadCodeIsNamed() {
    assertThat(v.expectedLength()).isEqualTo(3);
    assertThat(v.check("101")).isEmpty();
    assertThat(v.check(" ")).contains(CodeProblem.EMPTY);
    assertThat(v.check("1O1")).contains(CodeProblem.NOT_IN_LIST);
    assertThat(v.check("1-1")).contains(CodeProblem.WRONG_CHARACTERS);
    assertThat(v.check("1٣1")).contains(CodeProblem.WRONG_CHARACTERS);
    assertThat(v.check("1011")).contains(CodeProblem.WRONG_LENGTH);
    assertThat(v.check("999")).contains(CodeProblem.NOT_IN_LIST);
  }

  @Test
  void withoutACodeListOnlyTheCharactersAreChecked() {
    CodeValidator none = new CodeValidator(null);

    assertThat(none.check("12345")).isEmpty();
    assertThat(none.check("12 3")).contains(CodeProblem.WRONG_CHARACTERS);
  }
}
