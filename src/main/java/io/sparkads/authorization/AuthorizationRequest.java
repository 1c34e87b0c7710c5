package io.sparkads.authorization;

import java.time.Instant;

/**
 * An advertiser's request that a creator authorize one of their public posts for the ad account;
 * {@code days} is the period the creator granted on accept.
 */
public record AuthorizationRequest(
        long id,
        long advertiserId,
        long itemId,
        long accountId,
        Status status,
        String message,
        Instant requestedAt,
        Instant decidedAt,
        Integer days) {

    public enum Status {
        PENDING,
        ACCEPTED,
        DECLINED
    }

    /** The creator's answer. */
    public enum Decision {
        ACCEPT,
        DECLINE
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }
}
