package io.sparkads.authorization;

import java.time.Instant;

/** An advertiser's request that the creator extend an authorization. */
public record ExtensionRequest(
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
        APPROVED,
        DECLINED
    }
}
