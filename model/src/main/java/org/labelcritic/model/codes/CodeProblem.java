package org.labelcritic.model.codes;

/** What is wrong with a code a reviewer typed or a source gave. */
public enum CodeProblem {
  EMPTY,
  /** Characters other than letters and digits. */
  WRONG_CHARACTERS,
  /** Not as long as the codes of the code list. */
  WRONG_LENGTH,
  /** Well formed, but not in the code list. */
  NOT_IN_LIST
}
