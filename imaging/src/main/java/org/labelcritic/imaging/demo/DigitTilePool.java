package org.labelcritic.imaging.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hands out MNIST tiles of a class in a seeded random order, each tile once, so that no two cells
 * show the same handwriting; only when a class runs out does it start another round.
 */
final class DigitTilePool {
  private final SplittableRandom rng;
  private final List<List<Integer>> queues = new ArrayList<>();
  private final int[] rounds = new int[10];

  DigitTilePool(SplittableRandom rng) {
    this.rng = rng;
    for (int digit = 0; digit < 10; digit++) {
      queues.add(new ArrayList<>());
    }
  }

  int next(int digit) {
    List<Integer> queue = queues.get(digit);
    if (queue.isEmpty()) {
      rounds[digit]++;
      for (int i = 0; i < MnistDigitSheets.tileCount(digit); i++) {
        queue.add(i);
      }
      OccupationCodeList.shuffle(queue, rng);
    }
    return queue.removeLast();
  }

  /** How many times some class ran out and its tiles had to be used again. */
  int reusedRounds() {
    int reused = 0;
    for (int r : rounds) {
      reused += Math.max(0, r - 1);
    }
    return reused;
  }
}
