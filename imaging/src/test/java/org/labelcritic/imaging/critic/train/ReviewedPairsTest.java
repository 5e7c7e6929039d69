package org.labelcritic.imaging.critic.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.critic.ScanFixture;
import org.labelcritic.imaging.critic.features.FeatureExtractor;
import org.labelcritic.imaging.critic.features.OrganPriors;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.worker.AutoAdopter;

class ReviewedPairsTest {
  @TempDir Path dir;

  @Test
  void anAcceptedLabelBeatsEachOtherCandidateAndTheCriticsOwnDecisionsAreNotUsed()
      throws Exception {
    Path db = ScanFixture.importCase(dir);
    try (Store store = Store.open(db)) {
      long item = store.queries().queue(1).getFirst().itemId();
      long liver = store.structureId("liver");
      long kidney = store.structureId("kidney_right");
      List<Candidate> livers = store.queries().candidates(item, liver);
      List<Candidate> kidneys = store.queries().candidates(item, kidney);
      assertThat(livers).hasSize(3);
      long alice = store.reviews().reviewer("alice").id();
      long critic = store.reviews().reviewer(AutoAdopter.REVIEWER).id();
      Candidate chosen = livers.get(1);
      store
          .reviews()
          .recordAll(
              List.of(
                  NewDecision.of(item, liver, alice, new DecisionAction.Accept(chosen.id())),
                  new NewDecision(
                      item,
                      kidney,
                      critic,
                      OptionalLong.empty(),
                      new DecisionAction.Accept(kidneys.getFirst().id()),
                      "adopted automatically",
                      OptionalLong.empty(),
                      0)));

      ReviewedPairs.Result r =
          ReviewedPairs.read(store, new FeatureExtractor(OrganPriors.defaults()), Progress.none());

      assertThat(r.problems()).isEmpty();
      assertThat(r.decisions()).isEqualTo(1);
      // The accepted liver against the two others, in both orders.
      assertThat(r.pairs()).hasSize(4).allMatch(p -> p.structure().equals("liver"));
      assertThat(r.pairs()).filteredOn(LabelledPair::aBetter).hasSize(2);
      assertThat(r.pairs())
          .allSatisfy(
              p -> {
                assertThat(p.type()).isNull();
                assertThat(p.typeName()).isEqualTo(LabelledPair.REVIEWED);
                assertThat(p.patient()).startsWith(ReviewedPairs.PATIENT_PREFIX);
                assertThat(p.features()).hasSize(FeatureExtractor.PAIR_NAMES.size());
              });
      // Swapping the order flips the antisymmetric features.
      LabelledPair ab = r.pairs().get(0);
      LabelledPair ba = r.pairs().get(1);
      int i = FeatureExtractor.PAIR_NAMES.indexOf("d_volume_ml");
      assertThat(ab.features()[i]).isEqualTo(-ba.features()[i]);
    }
  }
}
