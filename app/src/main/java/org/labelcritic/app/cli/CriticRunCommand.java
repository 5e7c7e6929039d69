package org.labelcritic.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.critic.CodeCritic;
import org.labelcritic.model.critic.CodeRouting;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.VerdictOutcome;
import org.labelcritic.model.importing.ImportReport;
import org.labelcritic.model.store.CriticQueries;
import org.labelcritic.model.store.NewVerdict;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.worker.CodeScorer;
import org.labelcritic.model.worker.ItemScorer;
import org.labelcritic.model.worker.QualityWorker;
import org.labelcritic.model.worker.ScoringTask;
import org.labelcritic.model.worker.WorkerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lcw critic run}: scores every form cell with the code critic, headless. */
@Command(
    name = "run",
    header = "Scores the form cells the current code critic has not scored yet.",
    mixinStandardHelpOptions = true,
    description = {
      "Scores every form cell that the current code critic has not scored yet and stores the",
      "verdicts as they complete (a second run, or a run after Ctrl+C, goes on where it stopped).",
      "Scans are skipped: the volume critic is not available yet.",
      "Exit code 0 when every cell was scored, 1 when some could not be."
    })
final class CriticRunCommand implements Callable<Integer> {
  @Mixin DbOption db;

  @Option(
      names = "--codes",
      paramLabel = "CSV",
      description =
          "The code list (code,description): unlisted codes score lower and go to review.")
  Path codes;

  @Option(
      names = "--seen-codes",
      paramLabel = "FILE",
      description =
          "The codes that occurred in training, one per line: others go to review."
              + " Without it that part of the routing rule is not applied.")
  Path seenCodes;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads, 1.." + WorkerSettings.MAX_THREADS + " (default: 1 or 2).")
  Integer threads;

  @Spec CommandSpec spec;

  private final CliContext context;

  CriticRunCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    WorkerSettings settings = WorkerSettings.defaults();
    if (threads != null) {
      if (threads < 1 || threads > WorkerSettings.MAX_THREADS) {
        throw new ParameterException(
            spec.commandLine(),
            "--threads must be in 1.." + WorkerSettings.MAX_THREADS + ", was " + threads);
      }
      settings = settings.withThreads(threads);
    }
    if (!Files.isRegularFile(db.db)) {
      throw LabelCriticException.inFile(db.db, "no such database");
    }
    Console c = context.console();
    ImportReport codeProblems = new ImportReport("code list " + codes);
    CodeList list = codes == null ? null : CodeList.read(codes, codeProblems::problem);
    for (Problem p : codeProblems.problems()) {
      c.error("problem: " + p.message());
    }
    CodeRouting routing =
        seenCodes == null
            ? CodeRouting.withoutTrainingCodes()
            : new CodeRouting(readSeen(seenCodes));
    CodeCritic critic = new CodeCritic(routing);
    TerminalProgress progress = new TerminalProgress(c, "critic");
    QualityWorker.Report r;
    long volumes;
    Counting scorer;
    try (Store store = Store.open(db.db)) {
      volumes =
          new CriticQueries(store)
              .countUnscored(ItemKind.VOLUME, critic.name(), critic.modelVersion());
      scorer = new Counting(CodeScorer.forStore(store, critic, list));
      try {
        r = new QualityWorker(store, scorer, settings).run(progress);
      } finally {
        progress.finish();
      }
    }
    if (volumes > 0) {
      c.println(
          "Skipped " + volumes + " scan structure(s): the volume critic is not available yet.");
    }
    if (list == null) {
      c.println("No code list given (--codes): code validity was not scored.");
    }
    if (!routing.knowsTrainingCodes()) {
      c.println(
          "No training codes given (--seen-codes): codes never seen in training are not routed.");
    }
    c.println(
        "Scored "
            + r.scored()
            + " of "
            + r.pending()
            + " cell(s) with the code critic "
            + critic.modelVersion()
            + ": "
            + r.verdictsStored()
            + " verdict(s) stored"
            + (r.alreadyStored() > 0 ? ", " + r.alreadyStored() + " already there" : "")
            + (r.failed() > 0 ? ", " + r.failed() + " failed (see the log)" : "")
            + ".");
    if (r.scored() > 0) {
      c.println("Verdicts  " + scorer.summary());
      c.println("Routed to review by the code rule: " + scorer.routed.sum());
    }
    if (r.cancelled()) {
      c.println("Stopped early; run again to score the rest.");
      return ExitCodes.PROBLEMS;
    }
    return r.failed() > 0 || codeProblems.problemCount() > 0 ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }

  private static Set<String> readSeen(Path file) throws LabelCriticException {
    try {
      Set<String> out = new LinkedHashSet<>();
      for (String line : Files.readAllLines(file)) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("#") && !s.equalsIgnoreCase("code")) {
          out.add(s.split(",", 2)[0].strip());
        }
      }
      return out;
    } catch (java.nio.file.NoSuchFileException e) {
      throw LabelCriticException.inFile(file, "does not exist");
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot be read: " + e.getMessage(), e);
    }
  }

  /** Counts outcomes and routed cells as they pass, for the summary. */
  private static final class Counting implements ItemScorer {
    private final ItemScorer inner;
    private final Map<VerdictOutcome, LongAdder> outcomes = new ConcurrentHashMap<>();
    final LongAdder routed = new LongAdder();

    Counting(ItemScorer inner) {
      this.inner = inner;
    }

    @Override
    public ItemKind kind() {
      return inner.kind();
    }

    @Override
    public String critic() {
      return inner.critic();
    }

    @Override
    public String modelVersion() {
      return inner.modelVersion();
    }

    @Override
    public List<NewVerdict> score(ScoringTask task) throws LabelCriticException {
      List<NewVerdict> out = inner.score(task);
      for (NewVerdict v : out) {
        outcomes.computeIfAbsent(v.outcome(), k -> new LongAdder()).increment();
        if (v.reasonsJson().contains("\"route.review\"")) {
          routed.increment();
        }
      }
      return out;
    }

    String summary() {
      StringBuilder sb = new StringBuilder();
      for (VerdictOutcome o : VerdictOutcome.values()) {
        LongAdder n = outcomes.get(o);
        if (n != null) {
          sb.append(sb.isEmpty() ? "" : ", ")
              .append(o.name().toLowerCase())
              .append(' ')
              .append(n.sum());
        }
      }
      return sb.isEmpty() ? "(none)" : sb.toString();
    }
  }
}
