package org.labelcritic.imaging.demo;

/** One entry of the demo's official code list: a 3-digit code and what it stands for. */
record OccupationCode(String code, String description) {
  public OccupationCode {
    if (!code.matches("[0-9]{3}")) {
      throw new IllegalArgumentException("not a 3-digit code: " + code);
    }
    if (description.isBlank() || description.contains(",") || description.contains("\"")) {
      throw new IllegalArgumentException("description must be plain text: " + description);
    }
  }
}
