package org.labelcritic.model.worker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import org.labelcritic.model.store.CriticQueries.Pair;
import org.labelcritic.model.store.PairList;

/**
 * The worker's priority queue over a fixed list of pairs in item order: pairs near the reviewer's
 * position (set by {@link #focus}) first, then the rest in batches from the start. Each pair is
 * handed out once. Thread-safe; memory is two arrays and a bit set, so a census-scale list fits.
 */
final class WorkQueue {
  private final PairList pairs;
  private final BitSet claimed;
  private final int focusWindow;
  private Deque<Integer> focused = new ArrayDeque<>();
  private int cursor;
  private int remaining;

  WorkQueue(PairList pairs, int focusWindow) {
    this.pairs = pairs;
    this.claimed = new BitSet(pairs.size());
    this.focusWindow = focusWindow;
    this.remaining = pairs.size();
  }

  int size() {
    return pairs.size();
  }

  synchronized int remaining() {
    return remaining;
  }

  /**
   * Puts the pairs of {@code itemId} first, then the next {@code focusWindow} pairs after it, then
   * up to half as many before it. Replaces the previous focus: the reviewer has moved on.
   */
  synchronized void focus(long itemId) {
    int pos = firstIndexOf(itemId);
    Deque<Integer> next = new ArrayDeque<>();
    for (int i = pos; i < Math.min(pairs.size(), pos + focusWindow); i++) {
      next.add(i);
    }
    for (int i = pos - 1; i >= Math.max(0, pos - focusWindow / 2); i--) {
      next.add(i);
    }
    focused = next;
  }

  /**
   * Puts every pair of these items first, in the given order (the reviewer's queue order, which
   * need not be item order). Replaces the previous focus.
   */
  synchronized void focus(Collection<Long> itemIds) {
    Deque<Integer> next = new ArrayDeque<>();
    for (long id : itemIds) {
      for (int i = firstIndexOf(id); i < pairs.size() && pairs.itemId(i) == id; i++) {
        next.add(i);
      }
    }
    focused = next;
  }

  /** Up to {@code max} pairs nobody has taken yet: focused ones first. Empty when all are taken. */
  synchronized List<Pair> take(int max) {
    List<Pair> out = new ArrayList<>(Math.min(max, remaining));
    while (!focused.isEmpty() && out.size() < max) {
      int i = focused.poll();
      if (!claimed.get(i)) {
        // A focus batch is small so that its verdicts are stored at once.
        claim(i, out);
        if (out.size() >= Math.max(1, max / 8)) {
          return out;
        }
      }
    }
    if (!out.isEmpty()) {
      return out;
    }
    while (out.size() < max) {
      cursor = claimed.nextClearBit(cursor);
      if (cursor >= pairs.size()) {
        break;
      }
      claim(cursor, out);
    }
    return out;
  }

  private void claim(int i, List<Pair> out) {
    claimed.set(i);
    remaining--;
    out.add(new Pair(pairs.itemId(i), pairs.structureId(i)));
  }

  /** The first index whose item id is at least {@code itemId} (the list is in item order). */
  private int firstIndexOf(long itemId) {
    long[] ids = pairs.itemIds();
    int i = Arrays.binarySearch(ids, itemId);
    if (i < 0) {
      return Math.min(-i - 1, Math.max(0, ids.length - 1));
    }
    while (i > 0 && ids[i - 1] == itemId) {
      i--;
    }
    return i;
  }
}
