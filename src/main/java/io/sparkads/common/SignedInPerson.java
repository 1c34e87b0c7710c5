package io.sparkads.common;

/**
 * The person behind a web session, as modules that may not know the accounts module name them (the
 * audit trail records who acted). The session's principal implements it.
 */
public interface SignedInPerson {
    /** The user's id. */
    long userId();

    /** The name people know the user by. */
    String displayName();
}
