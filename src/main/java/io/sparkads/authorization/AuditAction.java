package io.sparkads.authorization;

/** What happened to an authorization. */
public enum AuditAction {
    CODE_ISSUED,
    CODE_APPLIED,
    CODE_REFUSED,
    CODE_REVOKED,
    AUTHORIZATION_TURNED_OFF,
    AUTHORIZATION_EXPIRED,
    AUTHORIZATION_EXTENDED,
    EXTENSION_REQUESTED,
    EXTENSION_DECLINED,
    POST_UNBOUND,
    POST_UNAVAILABLE,
    LINK_REQUESTED,
    LINKED,
    UNLINKED
}
