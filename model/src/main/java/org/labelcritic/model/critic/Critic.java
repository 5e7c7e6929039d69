package org.labelcritic.model.critic;

import org.labelcritic.model.LabelCriticException;

/**
 * A critic: judges its input and says which label is better, and how sure it is. Every verdict is
 * stored with the critic's {@link #name()} and {@link #modelVersion()}, so a retrained model scores
 * again and old verdicts stay explainable.
 *
 * @param <I> what the critic looks at
 */
public interface Critic<I> {
  /** A stable name, e.g. "rules", "feature", "lvlm", "code". */
  String name();

  /** The version of the model or rules behind the verdicts (e.g. a hash of the ONNX file). */
  String modelVersion();

  /**
   * Judges one input. A critic that cannot decide (an error talking to a service, a malformed
   * answer) returns an UNSURE verdict with the reason rather than throwing; it throws only when the
   * input itself is unusable.
   */
  CriticVerdict judge(I input) throws LabelCriticException;
}
