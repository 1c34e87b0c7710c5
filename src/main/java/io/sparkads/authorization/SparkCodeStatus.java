package io.sparkads.authorization;

import java.time.Instant;

/** The lifecycle of an authorization code: {@code NOT_USED → IN_USE → EXPIRED | REVOKED}. */
public enum SparkCodeStatus {
    NOT_USED,
    IN_USE,
    EXPIRED,
    REVOKED;

    /** The status as of {@code now}: an unrevoked code past its end has expired, stored or not. */
    public SparkCodeStatus asOf(Instant now, Instant authEnd) {
        if (isLive() && !now.isBefore(authEnd)) {
            return EXPIRED;
        }
        return this;
    }

    /** Whether the authorization still holds: neither expired nor revoked. */
    public boolean isLive() {
        return this == NOT_USED || this == IN_USE;
    }

    /** TikTok's {@code ad_auth_status} for this status. */
    public String adAuthStatus() {
        return switch (this) {
            case NOT_USED, IN_USE -> "AUTHORIZED";
            case EXPIRED -> "EXPIRED";
            case REVOKED -> "REVOKED";
        };
    }
}
