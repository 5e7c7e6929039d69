package org.labelcritic.model.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AssignerTest {
  static List<Assigner.ItemKey> items(int n) {
    List<Assigner.ItemKey> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Assigner.ItemKey(i + 1, "item-" + i));
    }
    return out;
  }

  static Map<Long, List<Assigner.Assigned>> byItem(List<Assigner.Assigned> a) {
    return a.stream().collect(Collectors.groupingBy(Assigner.Assigned::itemId));
  }

  @Test
  void theSameSeedAndTeamGiveTheSameQueuesWhateverTheOrderOfNames() {
    AssignmentSettings abc = AssignmentSettings.of(List.of("ann", "bob", "cem"));
    AssignmentSettings cba = AssignmentSettings.of(List.of("cem", "bob", "ann"));

    Set<Assigner.Assigned> first =
        new HashSet<>(Assigner.assign("ds-1", abc, items(500), Set.of()));
    Set<Assigner.Assigned> again =
        new HashSet<>(Assigner.assign("ds-1", abc, items(500), Set.of()));
    Set<Assigner.Assigned> reordered =
        new HashSet<>(Assigner.assign("ds-1", cba, items(500), Set.of()));
    Set<Assigner.Assigned> otherDataset =
        new HashSet<>(Assigner.assign("ds-2", abc, items(500), Set.of()));

    assertThat(again).isEqualTo(first);
    assertThat(reordered).isEqualTo(first);
    assertThat(otherDataset).isNotEqualTo(first);
  }

  @Test
  void aboutTheOverlapShareOfItemsGoesToExactlyTwoReviewersTheRestToOne() {
    AssignmentSettings s = AssignmentSettings.of(List.of("ann", "bob", "cem", "dan"));
    List<Assigner.Assigned> all = Assigner.assign("seed", s, items(4000), Set.of());

    Map<Long, List<Assigner.Assigned>> byItem = byItem(all);
    assertThat(byItem).hasSize(4000);
    long overlap =
        byItem.values().stream()
            .filter(l -> l.getFirst().role() == AssignmentRole.OVERLAP)
            .peek(l -> assertThat(l).hasSize(2))
            .peek(l -> assertThat(l.get(0).reviewer()).isNotEqualTo(l.get(1).reviewer()))
            .count();
    byItem.values().stream()
        .filter(l -> l.getFirst().role() == AssignmentRole.SINGLE)
        .forEach(l -> assertThat(l).hasSize(1));
    // 10% of 4000 = 400; binomial sd ~ 19
    assertThat(overlap).isBetween(330L, 470L);
    // each of four reviewers gets about a quarter of the work
    Map<String, Long> load =
        all.stream()
            .collect(Collectors.groupingBy(Assigner.Assigned::reviewer, Collectors.counting()));
    assertThat(load.values()).allSatisfy(n -> assertThat(n).isBetween(950L, 1250L));
  }

  @Test
  void goldItemsMakeUpTheGoldRateOfEachQueueAndAreDealtToEveryone() {
    AssignmentSettings s = new AssignmentSettings(List.of("ann", "bob"), 0.1, 2, 0.2, true);
    Set<Long> gold = new HashSet<>();
    for (long i = 1; i <= 50; i++) {
      gold.add(i);
    }
    List<Assigner.Assigned> all = Assigner.assign("seed", s, items(450), gold);

    for (String r : List.of("ann", "bob")) {
      List<Assigner.Assigned> q = all.stream().filter(a -> a.reviewer().equals(r)).toList();
      long g = q.stream().filter(a -> a.role() == AssignmentRole.GOLD).count();
      assertThat(g / (double) q.size()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.02));
      assertThat(q.stream().filter(a -> a.role() == AssignmentRole.GOLD))
          .allSatisfy(a -> assertThat(gold).contains(a.itemId()));
      assertThat(q.stream().filter(a -> a.role() != AssignmentRole.GOLD))
          .allSatisfy(a -> assertThat(gold).doesNotContain(a.itemId()));
      // positions run 0..n-1 and gold is spread through the queue, not piled at one end
      assertThat(q).extracting(Assigner.Assigned::position).doesNotHaveDuplicates();
      double meanGoldPosition =
          q.stream()
              .filter(a -> a.role() == AssignmentRole.GOLD)
              .mapToInt(Assigner.Assigned::position)
              .average()
              .orElseThrow();
      assertThat(meanGoldPosition / q.size()).isBetween(0.3, 0.7);
    }
  }

  @Test
  void aTeamOfOneHasNoOverlapAndEveryItem() {
    List<Assigner.Assigned> all =
        Assigner.assign("seed", AssignmentSettings.of(List.of("solo")), items(100), Set.of());
    assertThat(all)
        .hasSize(100)
        .allSatisfy(a -> assertThat(a.role()).isEqualTo(AssignmentRole.SINGLE));
  }

  @Test
  void addingAReviewerMovesOnlyTheItemsTheNewcomerWins() {
    AssignmentSettings two = new AssignmentSettings(List.of("ann", "bob"), 0, 2, 0, false);
    AssignmentSettings three = new AssignmentSettings(List.of("ann", "bob", "cem"), 0, 2, 0, false);
    Map<Long, String> before = new HashMap<>();
    Assigner.assign("s", two, items(900), Set.of())
        .forEach(a -> before.put(a.itemId(), a.reviewer()));
    Assigner.assign("s", three, items(900), Set.of())
        .forEach(
            a -> {
              if (!a.reviewer().equals("cem")) {
                assertThat(before.get(a.itemId())).isEqualTo(a.reviewer());
              }
            });
  }

  @Test
  void badSettingsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> AssignmentSettings.of(List.of("ann", "ann")))
        .hasMessageContaining("named twice");
    assertThatThrownBy(() -> new AssignmentSettings(List.of("a"), 1.5, 2, 0, false))
        .hasMessageContaining("overlap");
    assertThatThrownBy(() -> new AssignmentSettings(List.of("a"), 0.1, 2, 1.0, false))
        .hasMessageContaining("gold rate");
    assertThatThrownBy(() -> AssignmentSettings.of(List.of())).hasMessageContaining("at least one");
  }
}
