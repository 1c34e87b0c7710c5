package io.sparkads.accounts;

/** What a signed-in person may do. */
public enum Role {
    ADMIN,
    REVIEWER,
    ADVERTISER,
    CREATOR
}
