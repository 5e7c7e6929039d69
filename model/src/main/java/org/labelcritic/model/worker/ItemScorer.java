package org.labelcritic.model.worker;

import java.util.List;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.store.NewVerdict;

/**
 * Scores one item and structure with one critic. Implementations must be thread-safe: the worker
 * calls {@link #score} from several pool threads at once.
 */
public interface ItemScorer {
  /** The kind of item this scorer handles; the worker gives it only those. */
  ItemKind kind();

  /** The critic's name, stored with every verdict. */
  String critic();

  /** The critic's model version; a pair this version scored is not scored again. */
  String modelVersion();

  /**
   * The most pairs this scorer wants in one batch (the worker takes the smaller of this and its
   * settings' batch size). A slow scorer (a scan: seconds per item) asks for small batches so that
   * its verdicts are stored, and progress moves, as they complete.
   */
  default int batchSize() {
    return Integer.MAX_VALUE;
  }

  /**
   * The verdicts for one item and structure (none when there is nothing to judge). Throws when this
   * item cannot be scored; the worker counts it as failed and goes on.
   */
  List<NewVerdict> score(ScoringTask task) throws LabelCriticException;
}
