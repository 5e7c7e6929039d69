package org.labelcritic.model.job;

import org.labelcritic.model.LabelCriticException;

/**
 * A unit of background work with a result. It reports through {@link Progress} and stops early,
 * with a consistent state, when {@link Progress#isCancelled()} turns true.
 */
@FunctionalInterface
public interface Job<T> {
  T run(Progress progress) throws LabelCriticException;
}
