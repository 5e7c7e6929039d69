package org.labelcritic.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.labelcritic.imaging.critic.CriticModels;
import org.labelcritic.imaging.critic.QualityWorkers;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.codes.CodeSidecars;
import org.labelcritic.model.critic.CodeRouting;
import org.labelcritic.model.critic.RulesCritic;
import org.labelcritic.model.critic.onnx.OnnxPairModel;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.VerdictOutcome;
import org.labelcritic.model.importing.ImportReport;
import org.labelcritic.model.store.CriticQueries;
import org.labelcritic.model.store.NewVerdict;
import org.labelcritic.model.store.Store;
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

/**
 * {@code lcw critic run}: scores every form cell with the code critic and every scan structure with
 * the feature critic, headless, through the same worker the app starts ({@link QualityWorkers}).
 */
@Command(
    name = "run",
    header = "Scores the cells and scans the current critics have not scored yet.",
    mixinStandardHelpOptions = true,
    description = {
      "Scores every form cell with the code critic, then every scan structure with the feature",
      "critic (agreement gate, rules, then the ONNX pair model; the single-label model where one",
      "source labelled a structure), skipping what the same critic versions already scored, and",
      "stores the verdicts as they complete (a second run, or a run after Ctrl+C, goes on where it",
      "stopped). Exit code 0 when everything was scored, 1 when some could not be."
    })
final class CriticRunCommand implements Callable<Integer> {
  @Mixin DbOption db;

  @Option(
      names = "--codes",
      paramLabel = "CSV",
      description =
          "The code list (code,description): unlisted codes score lower and go to review."
              + " Default: <db name>.codes.csv beside the database, when there is one.")
  Path codes;

  @Option(
      names = "--seen-codes",
      paramLabel = "FILE",
      description =
          "The codes that occurred in training, one per line (or a CSV whose first column is the"
              + " code): others go to review. Default: <db name>.seen-codes.txt beside the"
              + " database; without either that part of the routing rule is not applied.")
  Path seenCodes;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads, 1.." + WorkerSettings.MAX_THREADS + " (default: 1 or 2).")
  Integer threads;

  @Option(
      names = "--provider",
      paramLabel = "P",
      description =
          "Where the feature critic's model runs: auto (CUDA when this build and machine have it,"
              + " else the CPU, saying why), cpu, or cuda (CUDA or nothing: when CUDA is not"
              + " usable the run stops with the reason before scoring). Default: auto.")
  ProviderChoice provider = ProviderChoice.auto;

  @Option(
      names = "--model",
      paramLabel = "FOLDER",
      description =
          "A feature critic trained with lcw critic train (its --out folder) instead of the shipped"
              + " one.")
  Path model;

  @Option(names = "--skip-scans", description = "Score the form cells only.")
  boolean skipScans;

  /** The --provider choices. */
  enum ProviderChoice {
    auto,
    cpu,
    cuda
  }

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
    // Without the options, the files kept beside the database (as the app uses them).
    Path codeFile = codes != null ? codes : existing(CodeSidecars.codeListFile(db.db));
    Path seenFile = seenCodes != null ? seenCodes : existing(CodeSidecars.seenCodesFile(db.db));
    ImportReport codeProblems = new ImportReport("code list " + codeFile);
    CodeList list = codeFile == null ? null : CodeList.read(codeFile, codeProblems::problem);
    for (Problem p : codeProblems.problems()) {
      c.error("problem: " + p.message());
    }
    CodeRouting routing =
        seenFile == null
            ? CodeRouting.withoutTrainingCodes()
            : new CodeRouting(CodeSidecars.readSeenCodes(seenFile));
    CriticModels models =
        skipScans
            ? null
            : model != null
                ? CriticModels.fromFolder(model)
                : CriticModels.fromClassPath(CriticRunCommand.class.getClassLoader());
    QualityWorkers.Options options =
        new QualityWorkers.Options(
            provider == ProviderChoice.cpu
                ? OnnxPairModel.Provider.CPU
                : OnnxPairModel.Provider.CUDA,
            models,
            RulesCritic.DEFAULT_AGREE_DICE,
            list,
            routing);
    TerminalProgress progress = new TerminalProgress(c, "critic");
    QualityWorker.Report r;
    List<Counting> counted = new ArrayList<>();
    String providerLine;
    try (Store store = Store.open(db.db);
        QualityWorkers.Workers w = QualityWorkers.create(store, settings, options)) {
      for (ItemScorer s : w.worker().scorers()) {
        CriticQueries q = new CriticQueries(store);
        counted.add(new Counting(s, q.countUnscored(s.kind(), s.critic(), s.modelVersion())));
      }
      providerLine = w.provider() + " (" + w.providerNote() + ")";
      if (provider == ProviderChoice.cuda
          && w.volumes() != null
          && w.provider() != OnnxPairModel.Provider.CUDA) {
        throw new LabelCriticException(
            "CUDA was asked for (--provider cuda) but cannot be used: "
                + w.providerNote()
                + ". Nothing was scored; --provider auto runs on the CPU instead.");
      }
      QualityWorker worker =
          new QualityWorker(store, counted.stream().map(x -> (ItemScorer) x).toList(), settings);
      try {
        r = worker.run(progress);
      } finally {
        progress.finish();
      }
    }
    if (list == null) {
      c.println(
          "No code list (--codes, or "
              + CodeSidecars.codeListFile(db.db).getFileName()
              + " beside the database): code validity was not scored.");
    } else {
      c.println("Code list: " + codeFile + " (" + list.size() + " codes).");
    }
    if (!routing.knowsTrainingCodes()) {
      c.println(
          "No training codes (--seen-codes, or "
              + CodeSidecars.seenCodesFile(db.db).getFileName()
              + " beside the database): codes never seen in training are not routed.");
    } else {
      c.println("Training codes: " + seenFile + ".");
    }
    for (Counting s : counted) {
      String what = s.kind() == ItemKind.CELL ? "cell(s)" : "scan structure(s)";
      c.println(
          "Scored "
              + s.scored.sum()
              + " of "
              + s.pending
              + " "
              + what
              + " with the "
              + s.critic()
              + " critic "
              + s.modelVersion()
              + (s.kind() == ItemKind.VOLUME ? " on " + providerLine : "")
              + ": "
              + s.stored.sum()
              + " verdict(s) stored"
              + (s.failed.sum() > 0 ? ", " + s.failed.sum() + " failed" : "")
              + ".");
      if (s.scored.sum() > 0) {
        c.println("Verdicts  " + s.summary());
      }
      if (s.kind() == ItemKind.CELL && s.scored.sum() > 0) {
        c.println("Routed to review by the code rule: " + s.routed.sum());
      }
      for (String f : s.failures()) {
        c.error("could not score " + f);
      }
    }
    if (skipScans) {
      c.println("Scans were not scored (--skip-scans).");
    }
    if (r.cancelled()) {
      c.println("Stopped early; run again to score the rest.");
      return ExitCodes.PROBLEMS;
    }
    return r.failed() > 0 || codeProblems.problemCount() > 0 ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }

  private static Path existing(Path file) {
    return Files.isRegularFile(file) ? file : null;
  }

  /** Counts outcomes, routed cells and failures as they pass, for the summary. */
  private static final class Counting implements ItemScorer {
    private static final int MAX_FAILURES_SHOWN = 20;
    private final ItemScorer inner;
    private final Map<VerdictOutcome, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    final long pending;
    final LongAdder routed = new LongAdder();
    final LongAdder scored = new LongAdder();
    final LongAdder stored = new LongAdder();
    final LongAdder failed = new LongAdder();

    Counting(ItemScorer inner, long pending) {
      this.inner = inner;
      this.pending = pending;
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
    public int batchSize() {
      return inner.batchSize();
    }

    @Override
    public List<NewVerdict> score(ScoringTask task) throws LabelCriticException {
      List<NewVerdict> out;
      try {
        out = inner.score(task);
      } catch (LabelCriticException | RuntimeException e) {
        failed.increment();
        if (failures.size() < MAX_FAILURES_SHOWN) {
          failures.add(
              "item "
                  + task.itemId()
                  + ", structure "
                  + task.structureId()
                  + ": "
                  + LabelCriticException.describe(e));
        }
        throw e;
      }
      scored.increment();
      stored.add(out.size());
      for (NewVerdict v : out) {
        outcomes.computeIfAbsent(v.outcome(), k -> new LongAdder()).increment();
        if (v.reasonsJson().contains("\"route.review\"")) {
          routed.increment();
        }
      }
      return out;
    }

    List<String> failures() {
      return List.copyOf(failures);
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
