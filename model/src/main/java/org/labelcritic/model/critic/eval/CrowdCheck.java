package org.labelcritic.model.critic.eval;

/**
 * One item that cleanlab's confident learning flagged and crowd workers then checked (an entry of
 * {@code mnist_mturk.json}): the given label, cleanlab's guess, and the workers' votes.
 *
 * @param index the item's position in the test set
 */
public record CrowdCheck(
    int index,
    int givenLabel,
    int guessedLabel,
    int votesGiven,
    int votesGuessed,
    int votesNeither) {
  /**
   * The rule used here for "a validated label error", the one of the paper behind the data
   * (Northcutt et al., "Pervasive label errors in test sets", 2021): fewer than 3 of the 5 workers
   * confirmed the given label. Entries with more than 5 votes (workers who accepted both labels)
   * are not errors when at least 3 confirmed the given label. This gives MNIST's published 15
   * errors.
   */
  public boolean isError() {
    return votesGiven < 3;
  }
}
