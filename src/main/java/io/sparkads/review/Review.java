package io.sparkads.review;

import java.time.Instant;
import java.util.List;

public record Review(
        long id,
        long adId,
        long advertiserId,
        Status status,
        String reason,
        Instant submittedAt,
        Instant decidedAt,
        String decidedBy,
        List<CheckResult> checks) {

    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    public enum Decision {
        APPROVE,
        REJECT
    }
}
