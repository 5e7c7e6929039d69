package org.labelcritic.app.reliability;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;

/**
 * The child side of the decision kill test: records decisions through the review path's commit
 * ({@code Reviews.record}) as fast as it can and prints {@code ACK <id> <seq>} after each one has
 * returned, flushed. Each decision carries its sequence number as its note; a restarted driver goes
 * on after the decisions already stored, so every sequence number must appear exactly once.
 *
 * <p>Arguments: the database, and how many decisions to record before ending by itself.
 */
public final class ReviewDriver {
  static final String REVIEWER = "kill-test";

  private ReviewDriver() {}

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    int limit = Integer.parseInt(args[1]);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    try (Store store = Store.open(db)) {
      long reviewer = store.reviews().reviewer(REVIEWER).id();
      List<QueueRow> rows = store.queries().queue(10_000);
      long next = store.reviews().count();
      out.println("READY " + next);
      out.flush();
      for (long seq = next; seq < limit; seq++) {
        QueueRow row = rows.get((int) (seq % rows.size()));
        DecisionAction action =
            seq % 3 == 0
                ? new DecisionAction.Reopen()
                : new DecisionAction.Flag(
                    FlagReason.values()[(int) (seq % FlagReason.values().length)]);
        Decision d =
            store
                .reviews()
                .record(
                    new NewDecision(
                        row.itemId(),
                        row.structureId(),
                        reviewer,
                        OptionalLong.empty(),
                        action,
                        "seq=" + seq,
                        OptionalLong.empty(),
                        seq));
        out.println("ACK " + d.id() + " " + seq);
        out.flush();
      }
    }
    out.println("DONE");
    out.flush();
  }
}
