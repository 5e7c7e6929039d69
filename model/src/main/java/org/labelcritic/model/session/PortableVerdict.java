package org.labelcritic.model.session;

/**
 * The verdict a decision rests on, named by its critic, model version and candidates.
 *
 * @param b null for a single-candidate verdict
 */
public record PortableVerdict(String critic, String modelVersion, CandidateKey a, CandidateKey b) {}
