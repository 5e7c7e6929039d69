package org.labelcritic.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.Item;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.Source;
import org.labelcritic.model.domain.SourceKind;

/** A reviewer's edited mask registered as a candidate, and items read back by id. */
class ReviewerCandidateTest {
  @TempDir Path dir;
  Store store;
  long item;
  long liver;
  long model;

  @BeforeEach
  void open() throws LabelCriticException {
    store = Store.open(dir.resolve("r.db"));
    model = store.sourceId("totalseg", SourceKind.MODEL, "2");
    liver = store.structureId("liver");
    item =
        store
            .writer()
            .inTransaction(
                b -> {
                  long id =
                      b.item(
                              ItemKind.VOLUME,
                              "case-1",
                              new FileRef("/d/ct.nii.gz", 9, "aa"),
                              null,
                              "{}")
                          .id();
                  b.candidate(
                      id,
                      liver,
                      model,
                      new CandidateLabel.Mask(
                          new FileRef("/d/liver.nii.gz", 5, "bb"), new TreeSet<>(List.of(1))));
                  return id;
                });
  }

  @AfterEach
  void close() throws LabelCriticException {
    store.close();
  }

  @Test
  void editsBecomePersonCandidatesWithRisingRevisionsAndCounted() throws LabelCriticException {
    FileRef first = new FileRef("/d/edits/liver-ana-1.nii.gz", 10, "cc");
    FileRef second = new FileRef("/d/edits/liver-ana-2.nii.gz", 11, "dd");

    long a = store.writer().reviewerCandidate(item, liver, " ana ", first);
    long b = store.writer().reviewerCandidate(item, liver, "ana", second);

    List<Candidate> all = store.queries().candidates(item, liver);
    assertThat(all).hasSize(3);
    Candidate ca = all.stream().filter(c -> c.id() == a).findFirst().orElseThrow();
    Candidate cb = all.stream().filter(c -> c.id() == b).findFirst().orElseThrow();
    assertThat(ca.revision()).isEqualTo(1);
    assertThat(cb.revision()).isEqualTo(2);
    assertThat(ca.label()).isEqualTo(new CandidateLabel.Mask(first, new TreeSet<>(List.of(1))));
    Source ana =
        store.sources().stream().filter(s -> s.id() == ca.sourceId()).findFirst().orElseThrow();
    assertThat(ana.name()).isEqualTo("ana");
    assertThat(ana.kind()).isEqualTo(SourceKind.PERSON);
    assertThat(store.queries().status().sources())
        .contains(new StatusReport.SourceCount("ana", "PERSON", "", 2));
  }

  @Test
  void aModelsNameOrNoNameIsRefusedAndNothingIsWritten() throws LabelCriticException {
    FileRef f = new FileRef("/d/x.nii.gz", 1, "ee");

    assertThatThrownBy(() -> store.writer().reviewerCandidate(item, liver, "totalseg", f))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("model source");
    assertThatThrownBy(() -> store.writer().reviewerCandidate(item, liver, " ", f))
        .isInstanceOf(LabelCriticException.class);
    assertThat(store.queries().candidates(item, liver)).hasSize(1);
  }

  @Test
  void itemsAreReadBackById() throws LabelCriticException {
    Item it = store.queries().item(item).orElseThrow();

    assertThat(it.externalId()).isEqualTo("case-1");
    assertThat(it.image()).isEqualTo(new FileRef("/d/ct.nii.gz", 9, "aa"));
    assertThat(store.queries().item(item + 100)).isEmpty();
  }
}
