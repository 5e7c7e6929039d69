package org.labelcritic.app.ui.team;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.domain.VerdictOutcome;
import org.labelcritic.model.stats.GoldAnswer;
import org.labelcritic.model.store.Assignments;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.NewVerdict;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.worker.AutoAdopter;

/**
 * A reviewed team dataset: 12 CT cases x 3 organs with two model labels each, the critic's verdict
 * on each; ana and ben review the first eight cases (overlapping, sometimes disagreeing, with flags
 * and times), the automatic adopter takes three more, two cases are gold.
 */
final class TeamStores {
  static final String[] ORGANS = {"liver", "spleen", "pancreas"};

  private TeamStores() {}

  static Store reviewed(Path dir) throws Exception {
    Store store = Store.open(dir.resolve("team.db"), "abdomen-team");
    long a = store.sourceId("totalseg", SourceKind.MODEL, "2.4");
    long b = store.sourceId("suprem", SourceKind.MODEL, "1.0");
    long ana = store.reviews().reviewer("ana").id();
    long ben = store.reviews().reviewer("ben").id();
    long auto = store.reviews().reviewer(AutoAdopter.REVIEWER).id();
    Assignments gold = new Assignments(store);
    for (int i = 0; i < 12; i++) {
      String name = String.format("case-%03d", i + 1);
      for (int o = 0; o < ORGANS.length; o++) {
        long structure = store.structureId(ORGANS[o]);
        long item =
            store.writer().inTransaction(w -> w.item(ItemKind.VOLUME, name, null, null, "{}").id());
        store
            .writer()
            .inTransaction(
                w -> {
                  w.candidate(item, structure, a, mask(name + "-" + structure + "-a"));
                  w.candidate(item, structure, b, mask(name + "-" + structure + "-b"));
                  return null;
                });
        List<Candidate> cs = store.queries().candidates(item, structure);
        long ca = cs.get(0).id();
        long cb = cs.get(1).id();
        // the critic prefers totalseg except on a few pancreas cases
        boolean preferA = !(o == 2 && i % 3 == 0);
        store
            .verdicts()
            .save(
                new NewVerdict(
                    item,
                    structure,
                    ca,
                    OptionalLong.of(cb),
                    preferA ? VerdictOutcome.PREFER_A : VerdictOutcome.PREFER_B,
                    0.7 + 0.02 * i,
                    "feature-critic",
                    "1",
                    "{}"));
        if (i < 2 && o == 0) {
          gold.addGold(item, structure, new GoldAnswer.AcceptCandidate(ca));
        }
        if (i < 8) {
          // ana: agrees with the critic except on pancreas of case 2 and 5
          boolean anaA = !(o == 2 && (i == 2 || i == 5)) == preferA;
          decide(
              store,
              item,
              structure,
              ana,
              new DecisionAction.Accept(anaA ? ca : cb),
              4000 + 900L * i + 300L * o);
          if (i % 2 == 0) {
            DecisionAction benAction =
                i == 4 && o == 1
                    ? new DecisionAction.Flag(FlagReason.UNCERTAIN)
                    : new DecisionAction.Accept((i == 6 && o == 0) ? cb : (preferA ? ca : cb));
            decide(store, item, structure, ben, benAction, 6000 + 1200L * i + 200L * o);
          }
        } else if (i < 11) {
          decide(store, item, structure, auto, new DecisionAction.Accept(preferA ? ca : cb), 0);
        }
      }
    }
    return store;
  }

  static void decide(
      Store store, long item, long structure, long reviewer, DecisionAction action, long ms)
      throws Exception {
    store
        .reviews()
        .record(
            new NewDecision(
                item,
                structure,
                reviewer,
                OptionalLong.empty(),
                action,
                "",
                OptionalLong.empty(),
                ms));
  }

  static CandidateLabel.Mask mask(String name) {
    return new CandidateLabel.Mask(
        new FileRef("/masks/" + name + ".nii.gz", 10, name), new TreeSet<>(List.of(1)));
  }
}
