package org.labelcritic.model.team;

import org.labelcritic.model.domain.ItemKind;

/**
 * One line of a reviewer's own queue: an item and structure assigned to them. It carries only the
 * reviewer's own state; other reviewers' decisions on the same item are never part of it (blind
 * review), and neither is whether the item is a gold or an overlap item.
 *
 * @param position the item's place in the reviewer's queue
 * @param candidates how many candidates the structure has
 */
public record AssignedUnit(
    int position,
    long itemId,
    String externalId,
    ItemKind kind,
    long structureId,
    String structure,
    int candidates,
    OwnState own) {

  /** The reviewer's own progress on the unit. */
  public enum OwnState {
    OPEN,
    DECIDED,
    FLAGGED
  }
}
