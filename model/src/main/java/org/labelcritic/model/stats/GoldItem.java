package org.labelcritic.model.stats;

/** A gold item: an item and structure whose right answer is known, by database ids. */
public record GoldItem(long itemId, long structureId) {}
