package org.labelcritic.model.domain;

import java.time.Instant;

/**
 * What one project reviews. One database holds one dataset.
 *
 * @param uid globally unique id, used to refuse a session file from another dataset
 */
public record Dataset(String uid, String name, Instant createdAt) {}
