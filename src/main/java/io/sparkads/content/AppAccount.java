package io.sparkads.content;

import java.time.Instant;

/** An account of the host app: a creator or a business, shown as the identity of a Spark Ad. */
public record AppAccount(
        long id,
        String handle,
        String displayName,
        String avatarUrl,
        AccountType accountType,
        String region,
        Instant createdAt) {

    public enum AccountType {
        CREATOR,
        BUSINESS
    }
}
