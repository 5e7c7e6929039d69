package org.labelcritic.model.domain;

import java.time.Instant;
import java.util.Optional;

/** One working session of one reviewer on one machine; end is empty while it is open. */
public record ReviewSession(
    long id, String uid, long reviewerId, String machine, Instant start, Optional<Instant> end) {}
