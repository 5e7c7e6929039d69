package org.labelcritic.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;

/**
 * A real write failure from the operating system: the review path runs in a child JVM under a file
 * size limit, so the database's writes fail as they do on a full disk. The refusal is a clear
 * message naming the file, the failed decision leaves nothing behind, and once the limit is gone
 * (the program restarted without it) recording works on the same file.
 */
class DiskFullTest {
  @TempDir Path dir;

  @Test
  void aWriteFailureFromTheSystemIsClearAndLeavesNoPartialDecision() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh for ulimit");
    Path db = dir.resolve("full.db");
    try (Store store = Store.open(db)) {
      long code = store.structureId("code");
      long src = store.sourceId("reader-a", SourceKind.MODEL, "1");
      store
          .writer()
          .inTransaction(
              b -> {
                for (int i = 0; i < 20; i++) {
                  long item = b.item(ItemKind.CELL, "cell-" + i, null, null, null).id();
                  b.candidate(item, code, src, new CandidateLabel.Code("1" + i, 0.5, List.of()));
                }
                return null;
              });
    }
    // The limit is in 512- or 1024-byte blocks depending on the shell; either leaves room for a
    // few commits and no more.
    long limit = Files.size(db) / 512 + 256;

    List<String> lines;
    String stderr;
    try (ChildJvm child =
        ChildJvm.start(dir.resolve("child"), DiskFullDriver.class, List.of(db.toString()), limit)) {
      child.waitFor(120);
      lines = child.lines();
      stderr = child.stderr();
    }

    String error =
        lines.stream()
            .filter(l -> l.startsWith("ERROR "))
            .findFirst()
            .orElseThrow(() -> new AssertionError(String.join("\n", lines) + stderr));
    assertThat(error).contains(db.getFileName().toString(), "nothing was saved");
    String count = lines.stream().filter(l -> l.startsWith("COUNT ")).findFirst().orElseThrow();
    String[] c = count.split(" ");
    assertThat(c[2]).as("a second try stores nothing either").isEqualTo(c[1]);
    List<Long> acked =
        lines.stream()
            .filter(l -> l.startsWith("ACK "))
            .map(l -> Long.parseLong(l.substring(4)))
            .toList();
    assertThat(acked).as("some decisions fitted before the limit").isNotEmpty();

    try (Store store = Store.open(db)) {
      assertThat(store.integrityCheck()).isEqualTo("ok");
      assertThat(store.reviews().count())
          .as("exactly the acknowledged decisions")
          .isEqualTo(acked.size());
      QueueRow row = store.queries().queue(1).getFirst();
      long reviewer = store.reviews().reviewer("disk-full").id();
      store
          .reviews()
          .record(
              NewDecision.of(
                  row.itemId(),
                  row.structureId(),
                  reviewer,
                  new DecisionAction.Flag(FlagReason.INVALID)));
      assertThat(store.reviews().count()).isEqualTo(acked.size() + 1);
    }
  }
}
