package org.labelcritic.app.ui;

import org.labelcritic.model.domain.FlagReason;

/** Localized names of flag reasons. */
public final class FlagTexts {
  private FlagTexts() {}

  public static String reason(I18n i18n, FlagReason reason) {
    // Literal keys, so the localization test can see every one.
    return switch (reason) {
      case UNCERTAIN -> i18n.text("flag.reason.uncertain");
      case UNREADABLE -> i18n.text("flag.reason.unreadable");
      case INVALID -> i18n.text("flag.reason.invalid");
      case WRONG_STRUCTURE -> i18n.text("flag.reason.wrong_structure");
      case NEEDS_EXPERT -> i18n.text("flag.reason.needs_expert");
    };
  }
}
