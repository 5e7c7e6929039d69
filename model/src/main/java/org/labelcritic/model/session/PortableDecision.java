package org.labelcritic.model.session;

/**
 * A decision as written to a session file: everything named by stable keys.
 *
 * @param action ACCEPT, EDIT, FLAG or REOPEN
 * @param candidate the accepted or edited candidate; null for FLAG and REOPEN
 * @param sessionUid null when the decision belongs to no session
 * @param verdict null when the decision names no verdict
 */
public record PortableDecision(
    String uid,
    String item,
    String structure,
    String reviewer,
    String sessionUid,
    String action,
    CandidateKey candidate,
    String flagReason,
    String note,
    PortableVerdict verdict,
    long timeSpentMillis,
    String decidedAt) {}
