package io.sparkads.authorization;

/**
 * What an audit line is about: the post, the creator's account and the ad account, each where the
 * action has one. The three travel together from every use case into the audit trail.
 */
public record AuditSubject(Long itemId, Long accountId, Long advertiserId) {

    /** The creator's post, before any ad account is involved (issue, revoke, expiry). */
    static AuditSubject post(long itemId, long accountId) {
        return new AuditSubject(itemId, accountId, null);
    }

    /** An ad account's dealings with a creator's post. */
    static AuditSubject use(Long itemId, Long accountId, long advertiserId) {
        return new AuditSubject(itemId, accountId, advertiserId);
    }

    /** An account link between a creator's account (once known) and an ad account. */
    static AuditSubject link(Long accountId, long advertiserId) {
        return new AuditSubject(null, accountId, advertiserId);
    }
}
