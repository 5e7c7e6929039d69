package org.labelcritic.model.session;

/**
 * A review session as written to a session file.
 *
 * @param endedAt null while the session was open
 */
public record PortableSession(
    String uid, String reviewer, String machine, String startedAt, String endedAt) {}
