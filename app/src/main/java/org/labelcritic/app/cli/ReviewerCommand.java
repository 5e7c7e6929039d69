package org.labelcritic.app.cli;

import picocli.CommandLine.Command;

/** {@code lcw reviewer}: the reviewers of a dataset. */
@Command(
    name = "reviewer",
    header = "Adds or lists the reviewers of a dataset, with their sessions and queues.",
    mixinStandardHelpOptions = true,
    description = "Reviewers of a dataset.",
    subcommands = {ReviewerAddCommand.class, ReviewerListCommand.class})
final class ReviewerCommand {}
