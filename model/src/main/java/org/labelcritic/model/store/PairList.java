package org.labelcritic.model.store;

/**
 * Item-structure pairs in item order, held in two parallel arrays so that a census-scale list
 * (millions of cells) stays small.
 */
public record PairList(long[] itemIds, long[] structureIds) {
  public PairList {
    if (itemIds.length != structureIds.length) {
      throw new IllegalArgumentException("item and structure arrays differ in length");
    }
  }

  public int size() {
    return itemIds.length;
  }

  public long itemId(int i) {
    return itemIds[i];
  }

  public long structureId(int i) {
    return structureIds[i];
  }
}
