package org.labelcritic.model.team;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deals items into reviewers' queues, deterministically: the same dataset seed, reviewers and items
 * give the same queues on every machine.
 *
 * <ul>
 *   <li>An item is an overlap item when {@code hash(seed, item)} falls below the overlap share; it
 *       goes to the {@code overlapReviewers} reviewers with the highest {@code hash(seed, reviewer,
 *       item)}, every other item to the one with the highest (rendezvous hashing: adding a reviewer
 *       moves only the items the newcomer wins).
 *   <li>Gold items are kept out of that deal. Each reviewer gets {@code round(n * g / (1 - g))} of
 *       them (n: the reviewer's other items, g: the gold rate), the ones with the highest {@code
 *       hash(seed, reviewer, "gold", item)}, so gold makes up the share g of the queue.
 *   <li>A queue is ordered by {@code hash(seed, reviewer, "position", item)}, so gold and overlap
 *       items are mixed in and cannot be told apart by their place.
 * </ul>
 */
public final class Assigner {
  /**
   * An item to deal: its id and external id (the hash uses the external id, stable across copies).
   */
  public record ItemKey(long id, String externalId) {}

  /** One entry of a reviewer's queue. */
  public record Assigned(String reviewer, long itemId, AssignmentRole role, int position) {}

  private Assigner() {}

  /**
   * @param seed the dataset's seed (its uid)
   * @param items every item to deal, gold ones included
   * @param gold the ids of gold items
   * @return every reviewer's queue, reviewer by reviewer in settings order, each in position order
   */
  public static List<Assigned> assign(
      String seed, AssignmentSettings settings, List<ItemKey> items, Set<Long> gold) {
    List<String> reviewers = settings.reviewers();
    int perOverlap = Math.min(settings.overlapReviewers(), reviewers.size());
    Map<String, List<Slot>> queues = new LinkedHashMap<>();
    reviewers.forEach(r -> queues.put(r, new ArrayList<>()));
    List<ItemKey> goldPool = new ArrayList<>();
    for (ItemKey item : items) {
      if (gold.contains(item.id())) {
        goldPool.add(item);
        continue;
      }
      boolean overlap =
          perOverlap >= 2 && StableHash.unit(seed, item.externalId()) < settings.overlap();
      int take = overlap ? perOverlap : 1;
      long[] score = new long[reviewers.size()];
      Integer[] order = new Integer[reviewers.size()];
      for (int r = 0; r < score.length; r++) {
        score[r] = StableHash.of(seed, reviewers.get(r), item.externalId());
        order[r] = r;
      }
      java.util.Arrays.sort(
          order,
          Comparator.comparingLong((Integer r) -> score[r])
              .reversed()
              .thenComparing(r -> reviewers.get(r)));
      for (int i = 0; i < take; i++) {
        queues
            .get(reviewers.get(order[i]))
            .add(new Slot(item, overlap ? AssignmentRole.OVERLAP : AssignmentRole.SINGLE, 0));
      }
    }
    double g = settings.goldRate();
    for (String r : reviewers) {
      List<Slot> q = queues.get(r);
      long want = Math.round(q.size() * g / (1 - g));
      if (g > 0 && want == 0 && !q.isEmpty() && !goldPool.isEmpty()) {
        want = 1;
      }
      List<Slot> pool = new ArrayList<>(goldPool.size());
      for (ItemKey i : goldPool) {
        pool.add(new Slot(i, AssignmentRole.GOLD, StableHash.of(seed, r, "gold", i.externalId())));
      }
      pool.sort(
          Comparator.comparingLong(Slot::key)
              .reversed()
              .thenComparing(sl -> sl.item().externalId()));
      for (int i = 0; i < Math.min(want, pool.size()); i++) {
        q.add(pool.get(i));
      }
    }
    List<Assigned> out = new ArrayList<>();
    for (String r : reviewers) {
      List<Slot> q = new ArrayList<>(queues.get(r).size());
      for (Slot sl : queues.get(r)) {
        q.add(
            new Slot(
                sl.item(), sl.role(), StableHash.of(seed, r, "position", sl.item().externalId())));
      }
      q.sort(Comparator.comparingLong(Slot::key).thenComparing(sl -> sl.item().externalId()));
      for (int i = 0; i < q.size(); i++) {
        out.add(new Assigned(r, q.get(i).item().id(), q.get(i).role(), i));
      }
    }
    return out;
  }

  /** An item in a queue; {@code key} orders it where an order is being made. */
  private record Slot(ItemKey item, AssignmentRole role, long key) {}
}
