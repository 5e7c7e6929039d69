package org.labelcritic.model.stats;

import org.labelcritic.model.domain.FlagReason;

/**
 * The nominal category of a decision, used when reviewers' decisions are compared for agreement:
 *
 * <ul>
 *   <li>accepting a candidate unchanged: the name of that candidate's source (two reviewers who
 *       accept the same model's mask agree);
 *   <li>editing: {@value #EDIT}, whatever the edit was (how close two edits are is measured by Dice
 *       between the final masks, see {@link MaskAgreement});
 *   <li>flagging: {@code flag:} and the reason, e.g. {@code flag:UNREADABLE}.
 * </ul>
 *
 * A reopened item has no current decision and so no category.
 */
public final class DecisionCategory {
  public static final String EDIT = "edit";
  public static final String FLAG_PREFIX = "flag:";

  private DecisionCategory() {}

  public static String accepted(String sourceName) {
    return sourceName;
  }

  public static String edit() {
    return EDIT;
  }

  public static String flag(FlagReason reason) {
    return FLAG_PREFIX + reason.name();
  }
}
