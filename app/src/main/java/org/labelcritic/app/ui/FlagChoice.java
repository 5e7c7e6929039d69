package org.labelcritic.app.ui;

import java.util.Objects;
import org.labelcritic.model.domain.FlagReason;

/** What the reviewer said when flagging an item: the reason and a free note (may be empty). */
public record FlagChoice(FlagReason reason, String note) {
  public FlagChoice {
    Objects.requireNonNull(reason, "reason");
    note = note == null ? "" : note.strip();
  }
}
