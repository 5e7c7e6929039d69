package org.labelcritic.app.reliability;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;

/**
 * The child side of the disk-full test, started under a file size limit ({@code ulimit -f}):
 * records decisions until the store refuses one, then prints {@code ACK <id>} for each one that
 * succeeded, {@code ERROR <message>} for the refusal, and {@code COUNT <before> <after>} around a
 * second try, which must store nothing either.
 */
public final class DiskFullDriver {
  private DiskFullDriver() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (Store store = Store.open(Path.of(args[0]))) {
      long reviewer = store.reviews().reviewer("disk-full").id();
      List<QueueRow> rows = store.queries().queue(100);
      for (int i = 0; i < 100_000; i++) {
        QueueRow row = rows.get(i % rows.size());
        NewDecision d =
            NewDecision.of(
                row.itemId(),
                row.structureId(),
                reviewer,
                new DecisionAction.Flag(FlagReason.UNCERTAIN));
        try {
          Decision done = store.reviews().record(d);
          out.println("ACK " + done.id());
        } catch (LabelCriticException e) {
          out.println("ERROR " + e.getMessage().replace('\n', ' '));
          long before = store.reviews().count();
          try {
            store.reviews().record(d);
            out.println("STORED-AGAIN");
          } catch (LabelCriticException again) {
            out.println("COUNT " + before + " " + store.reviews().count());
          }
          return;
        }
      }
      out.println("NEVER-FULL");
    }
  }
}
