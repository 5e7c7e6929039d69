package org.labelcritic.app.ui;

import org.labelcritic.model.store.QueueRow;

/** Identifies a queue row across reloads: the same item and structure, whatever its status. */
public record RowKey(long itemId, long structureId) {
  public static RowKey of(QueueRow row) {
    return new RowKey(row.itemId(), row.structureId());
  }

  public boolean matches(QueueRow row) {
    return row != null && row.itemId() == itemId && row.structureId() == structureId;
  }
}
