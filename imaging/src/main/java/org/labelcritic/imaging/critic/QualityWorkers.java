package org.labelcritic.imaging.critic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.labelcritic.imaging.critic.features.FeatureExtractor;
import org.labelcritic.imaging.critic.features.OrganPriors;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.codes.CodeSidecars;
import org.labelcritic.model.critic.CodeCritic;
import org.labelcritic.model.critic.CodeRouting;
import org.labelcritic.model.critic.RulesCritic;
import org.labelcritic.model.critic.onnx.FeatureCritic;
import org.labelcritic.model.critic.onnx.OnnxPairModel;
import org.labelcritic.model.critic.onnx.SingleLabelCritic;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.worker.CodeScorer;
import org.labelcritic.model.worker.ItemScorer;
import org.labelcritic.model.worker.QualityWorker;
import org.labelcritic.model.worker.WorkerSettings;

/**
 * Builds the quality worker the app and {@code lcw critic run} use: the code critic for form cells
 * first (fast), then the feature critic for CT scans. The ONNX models are loaded here, on the
 * requested execution provider (CUDA when asked for and usable, else CPU, see {@link
 * OnnxPairModel}); the chosen provider and why are on the returned {@link Workers} for the UI.
 * Progress and cancelling go through the worker's job contract ({@link QualityWorker#run}).
 */
public final class QualityWorkers {
  private QualityWorkers() {}

  /**
   * What to build.
   *
   * @param provider the execution provider to ask for
   * @param models the feature critic's models, or null to skip scans
   * @param agreeDice the agreement gate's Dice
   * @param codeList the code list for form cells, or null
   * @param routing the code routing rule
   */
  public record Options(
      OnnxPairModel.Provider provider,
      CriticModels models,
      double agreeDice,
      CodeList codeList,
      CodeRouting routing) {
    public Options {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(routing, "routing");
      new RulesCritic(agreeDice);
    }

    /** CPU, the given models, the default gate, no code list, routing without training codes. */
    public static Options defaults(CriticModels models) {
      return new Options(
          OnnxPairModel.Provider.CPU,
          models,
          RulesCritic.DEFAULT_AGREE_DICE,
          null,
          CodeRouting.withoutTrainingCodes());
    }

    public Options withProvider(OnnxPairModel.Provider p) {
      return new Options(p, models, agreeDice, codeList, routing);
    }

    public Options withCodes(CodeList list, CodeRouting r) {
      return new Options(provider, models, agreeDice, list, r);
    }

    /**
     * The code list and training codes kept beside a census database ({@link CodeSidecars}), as the
     * review view uses them; where a file is absent that part of the routing rule does not apply.
     * Problems in the code list's rows go to {@code problems}; the rest of it is used.
     *
     * @throws LabelCriticException when a file is there but cannot be read at all
     */
    public Options withCodesBeside(Path database, Consumer<Problem> problems)
        throws LabelCriticException {
      CodeList list = CodeSidecars.codeList(database, problems).orElse(null);
      Set<String> seen = CodeSidecars.seenCodes(database);
      return withCodes(
          list, seen == null ? CodeRouting.withoutTrainingCodes() : new CodeRouting(seen));
    }
  }

  /**
   * A built worker and what it holds open. Close it when the worker has finished: it releases the
   * ONNX sessions.
   *
   * @param worker the worker (a {@code Job}: run it on an executor, cancel through its progress)
   * @param provider where the feature critic runs; CPU when no scan model was loaded
   * @param providerNote why: "CUDA device 0", "CPU requested", or why CUDA was not usable
   * @param codes the code scorer
   * @param volumes the scan scorer, or null when no models were given
   */
  public record Workers(
      QualityWorker worker,
      OnnxPairModel.Provider provider,
      String providerNote,
      CodeScorer codes,
      VolumeScorer volumes,
      List<OnnxPairModel> sessions)
      implements AutoCloseable {
    public Workers {
      sessions = List.copyOf(sessions);
    }

    @Override
    public void close() {
      sessions.forEach(OnnxPairModel::close);
    }
  }

  /** The code critic's scorer for the store's form cells, with the options' codes and routing. */
  public static CodeScorer codeScorer(Store store, Options options) throws LabelCriticException {
    return CodeScorer.forStore(store, new CodeCritic(options.routing()), options.codeList());
  }

  /** Builds the worker for this store. */
  public static Workers create(Store store, WorkerSettings settings, Options options)
      throws LabelCriticException {
    CodeScorer codes = codeScorer(store, options);
    List<ItemScorer> scorers = new ArrayList<>();
    scorers.add(codes);
    if (options.models() == null) {
      return new Workers(
          new QualityWorker(store, scorers, settings),
          OnnxPairModel.Provider.CPU,
          "no scan model loaded",
          codes,
          null,
          List.of());
    }
    CriticModels m = options.models();
    OnnxPairModel pair = OnnxPairModel.load(m.pairOnnx(), m.pairCard(), options.provider());
    OnnxPairModel single;
    try {
      single = OnnxPairModel.load(m.singleOnnx(), m.singleCard(), options.provider());
    } catch (LabelCriticException e) {
      pair.close();
      throw e;
    }
    VolumeScorer volumes =
        new VolumeScorer(
            store,
            new FeatureExtractor(OrganPriors.defaults()),
            new FeatureCritic(pair, new RulesCritic(options.agreeDice())),
            new SingleLabelCritic(single),
            Math.max(1, settings.threads()) + 1);
    scorers.add(volumes);
    return new Workers(
        new QualityWorker(store, scorers, settings),
        pair.provider(),
        pair.providerNote(),
        codes,
        volumes,
        List.of(pair, single));
  }
}
