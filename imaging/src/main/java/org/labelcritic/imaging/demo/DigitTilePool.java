package org.labelcritic.imaging.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hands out MNIST tiles of a class in a seeded random order, each tile once, so that no two cells
 * show the same handwriting; only when a class runs out does it start another round (the same
 * handwriting then lands in another place, size of gap and ink).
 *
 * <p>The tiles are split into two disjoint parts: the one the transcription models are trained on
 * and the one the demo's cells are written with, so the models are judged on handwriting they never
 * saw.
 */
final class DigitTilePool {
  /** Which part of the tiles a pool hands out. */
  enum Part {
    /** Tiles whose index ends in 0, 1 or 2: 30 % of each class. */
    TRAINING,
    /** The other 70 %. */
    DEMO;

    boolean holds(int tileIndex) {
      return (tileIndex % 10 < 3) == (this == TRAINING);
    }
  }

  private final Part part;
  private final SplittableRandom rng;
  private final List<List<Integer>> queues = new ArrayList<>();
  private final int[] rounds = new int[10];

  DigitTilePool(Part part, SplittableRandom rng) {
    this.part = part;
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
        if (part.holds(i)) {
          queue.add(i);
        }
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
