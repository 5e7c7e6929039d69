package org.labelcritic.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;
import org.labelcritic.model.codes.CellQueue;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.codes.CodeReviewStats;
import org.labelcritic.model.codes.CodeSidecars;
import org.labelcritic.model.codes.ReviewSimulator;
import org.labelcritic.model.codes.TruthFile;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.Source;
import org.labelcritic.model.stats.CodeErrorRates;
import org.labelcritic.model.stats.Proportion;
import org.labelcritic.model.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lcw stats}: what review did to a census-code dataset. */
@Command(
    name = "stats",
    header = "Prints the review statistics of a census-code dataset.",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the review statistics of the form cells: the share the published rule routes to",
      "review (a digit at or below 0.65, a code not in the code list, a code never seen in",
      "training), and how the routed cells were decided (corrected, agreed, flagged). With",
      "--truth (item_id,code; never imported) also the final code accuracy against the model",
      "alone and the error rate by how common the true code is. --simulate-reviewer first reviews",
      "every undecided routed cell as a reviewer who knows the truth (recorded under its own name).",
      "The code list and training codes are read from beside the database (NAME.codes.csv,",
      "NAME.seen-codes.txt) unless given."
    })
final class StatsCommand implements Callable<Integer> {
  @Mixin DbOption db;

  @Option(names = "--truth", paramLabel = "CSV", description = "The true codes (item_id,code).")
  Path truth;

  @Option(names = "--codes", paramLabel = "CSV", description = "The code list (code,description).")
  Path codes;

  @Option(
      names = "--seen-codes",
      paramLabel = "FILE",
      description = "The codes that occurred in training, one per line.")
  Path seenCodes;

  @Option(
      names = "--simulate-reviewer",
      paramLabel = "NAME",
      arity = "0..1",
      fallbackValue = ReviewSimulator.DEFAULT_NAME,
      description = "Review the routed cells from the truth first, as NAME (default: simulated).")
  String simulate;

  private final CliContext context;

  StatsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    if (simulate != null && truth == null) {
      throw new LabelCriticException(
          "--simulate-reviewer needs --truth: it reviews from the truth");
    }
    Console c = context.console();
    List<Problem> problems = new ArrayList<>();
    try (Store store = ExistingDatabase.open(db.db)) {
      CodeList list =
          codes != null
              ? CodeList.read(codes, problems::add)
              : CodeSidecars.codeList(store.file(), problems::add).orElse(null);
      Set<String> seen =
          seenCodes != null
              ? CodeSidecars.readSeenCodes(seenCodes)
              : CodeSidecars.seenCodes(store.file());
      Map<String, String> truthCodes =
          truth == null ? Map.of() : TruthFile.read(truth, problems::add);
      problems.forEach(p -> c.error("warning: " + p));
      CellQueue queue = CellQueue.load(store, list, seen);
      if (queue.tasks().isEmpty()) {
        c.println("No form cells in " + store.file());
        return ExitCodes.OK;
      }
      if (simulate != null) {
        ReviewSimulator.Result r =
            new ReviewSimulator(store, list).run(queue, truthCodes, simulate);
        c.println(
            "Simulated reviewer '%s': %d cells reviewed (%d agreed, %d picked another candidate, %d typed, %d flagged)%s"
                .formatted(
                    simulate,
                    r.reviewed(),
                    r.agreed(),
                    r.picked(),
                    r.typed(),
                    r.flagged(),
                    r.noTruth() == 0 ? "" : "; " + r.noTruth() + " routed cells have no truth"));
        queue = CellQueue.load(store, list, seen);
      }
      CodeReviewStats s = CodeReviewStats.of(queue, truthCodes);
      c.println(
          "Cells: %d; routed to review by the published rule: %d (%s)%s"
              .formatted(
                  s.cells(),
                  s.routed(),
                  pct(s.routed(), s.cells()),
                  list == null ? " [no code list: validity not checked]" : ""));
      if (seen == null) {
        c.println("  (no training codes: 'never seen in training' is not applied)");
      }
      c.println("Routed cells decided: %d of %d".formatted(s.routedDecided(), s.routed()));
      if (s.routedDecided() > 0) {
        long uncertainOrInvalid =
            s.flagged().getOrDefault(FlagReason.UNCERTAIN, 0L)
                + s.flagged().getOrDefault(FlagReason.INVALID, 0L);
        long unreadable = s.flagged().getOrDefault(FlagReason.UNREADABLE, 0L);
        long n = s.routedDecided();
        c.println(
            "  corrected             %6d  %s".formatted(s.corrected(), pct(s.corrected(), n)));
        c.println("  agreed                %6d  %s".formatted(s.agreed(), pct(s.agreed(), n)));
        c.println(
            "  flagged               %6d  %s"
                .formatted(s.flaggedTotal(), pct(s.flaggedTotal(), n)));
        c.println(
            "    uncertain/invalid   %6d  %s"
                .formatted(uncertainOrInvalid, pct(uncertainOrInvalid, n)));
        c.println("    unreadable          %6d  %s".formatted(unreadable, pct(unreadable, n)));
        c.println(
            "  (published study: corrected 62.8 %, agreed 31.9 %, uncertain/invalid 5.1 %, unreadable 0.2 %)");
      }
      if (truthCodes.isEmpty()) {
        c.println("No truth given (--truth): accuracy is not measured.");
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
      }
      c.println("Code accuracy against the truth (%d cells):".formatted(s.modelAccuracy().total()));
      c.println("  model only (critic's choice)  %s".formatted(prop(s.modelAccuracy())));
      Map<Long, String> names = new java.util.HashMap<>();
      for (Source src : store.sources()) {
        names.put(src.id(), src.name());
      }
      s.sourceAccuracy()
          .forEach(
              (id, p) ->
                  c.println("    %-27s %s".formatted(names.getOrDefault(id, "#" + id), prop(p))));
      c.println("  after review                  %s".formatted(prop(s.finalAccuracy())));
      c.println("  model errors routed to review %s".formatted(prop(s.modelErrorsRouted())));
      c.println(
          "Error rate by frequency of the true code in this dataset (model only -> after review):");
      for (int i = 0; i < s.modelByBand().size(); i++) {
        CodeErrorRates.BandRate m = s.modelByBand().get(i);
        CodeErrorRates.BandRate f = s.finalByBand().get(i);
        c.println(
            "  %-9s %6d cells   %s -> %s"
                .formatted(
                    m.band().label(), m.errors().total(), rate(m.errors()), rate(f.errors())));
      }
    }
    return problems.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
  }

  private static String pct(long n, long of) {
    return of == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", 100.0 * n / of);
  }

  private static String prop(Proportion p) {
    return p.total() == 0
        ? "-"
        : String.format(Locale.ROOT, "%.1f %% (%d of %d)", 100 * p.value(), p.count(), p.total());
  }

  private static String rate(Proportion p) {
    return p.total() == 0 ? "   -   " : String.format(Locale.ROOT, "%5.1f %%", 100 * p.value());
  }
}
