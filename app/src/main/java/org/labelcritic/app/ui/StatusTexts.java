package org.labelcritic.app.ui;

import java.util.Locale;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.ReviewStatus;

/** Localized names and style classes for review statuses and item kinds. */
public final class StatusTexts {
  private StatusTexts() {}

  public static String status(I18n i18n, ReviewStatus status) {
    // Literal keys, not "status." + name(), so the localization test can see every key.
    return switch (status) {
      case PENDING -> i18n.text("status.pending");
      case AGREE -> i18n.text("status.agree");
      case CONFIDENT -> i18n.text("status.confident");
      case UNSURE -> i18n.text("status.unsure");
      case DECIDED -> i18n.text("status.decided");
      case FLAGGED -> i18n.text("status.flagged");
    };
  }

  public static String kind(I18n i18n, ItemKind kind) {
    return switch (kind) {
      case VOLUME -> i18n.text("kind.volume");
      case CELL -> i18n.text("kind.cell");
    };
  }

  /** The style class that colours a status in {@code workbench.css}, e.g. {@code status-agree}. */
  public static String styleClass(ReviewStatus status) {
    return "status-" + status.name().toLowerCase(Locale.ROOT);
  }
}
