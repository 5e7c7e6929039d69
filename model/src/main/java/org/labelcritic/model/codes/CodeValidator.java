package org.labelcritic.model.codes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks codes against a code list: well formed (letters and digits, as long as the list's codes)
 * and listed. Without a code list (null) only the characters are checked.
 */
public final class CodeValidator {
  private final CodeList list;
  private final int length;

  public CodeValidator(CodeList list) {
    this.list = list;
    this.length = list == null ? -1 : commonLength(list);
  }

  /** The length most of the list's codes have, or -1 without a list or codes. */
  public int expectedLength() {
    return length;
  }

  /** The first problem of the code, or empty when it is a valid code. */
  public Optional<CodeProblem> check(String code) {
    String c = code == null ? "" : code.strip();
    if (c.isEmpty()) {
      return Optional.of(CodeProblem.EMPTY);
    }
    for (int i = 0; i < c.length(); i++) {
      if (!Character.isLetterOrDigit(c.charAt(i)) || c.charAt(i) > 127) {
        return Optional.of(CodeProblem.WRONG_CHARACTERS);
      }
    }
    if (length > 0 && c.length() != length) {
      return Optional.of(CodeProblem.WRONG_LENGTH);
    }
    if (list != null && !list.contains(c)) {
      return Optional.of(CodeProblem.NOT_IN_LIST);
    }
    return Optional.empty();
  }

  private static int commonLength(CodeList list) {
    Map<Integer, Integer> byLength = new HashMap<>();
    for (String code : list.asMap().keySet()) {
      byLength.merge(code.length(), 1, Integer::sum);
    }
    return byLength.entrySet().stream()
        .max(
            Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse(-1);
  }
}
