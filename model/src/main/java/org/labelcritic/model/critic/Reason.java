package org.labelcritic.model.critic;

import java.util.Objects;

/**
 * One thing that drove a verdict: a rule that fired, a feature and its weight, a raw answer.
 *
 * @param name short identifier, e.g. "rule.empty", "feature.volume_z", "lvlm.answer_ab"
 * @param detail human-readable text shown in the verdict panel
 * @param weight how much it weighed (signed contribution, or 1 for a rule that decided)
 */
public record Reason(String name, String detail, double weight) {
  public Reason {
    Objects.requireNonNull(name, "name");
    detail = detail == null ? "" : detail;
  }
}
