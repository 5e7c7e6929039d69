package org.labelcritic.model.store;

import java.util.OptionalDouble;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.ReviewStatus;

/**
 * One line of the review queue: an item and one of its structures.
 *
 * @param confidence the latest verdict's confidence, if there is a verdict
 */
public record QueueRow(
    long itemId,
    String itemName,
    ItemKind kind,
    long structureId,
    String structure,
    int candidates,
    ReviewStatus status,
    OptionalDouble confidence) {}
