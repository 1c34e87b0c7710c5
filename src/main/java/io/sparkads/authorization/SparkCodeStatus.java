package io.sparkads.authorization;

/** The lifecycle of an authorization code: {@code NOT_USED → IN_USE → EXPIRED | REVOKED}. */
public enum SparkCodeStatus {
    NOT_USED,
    IN_USE,
    EXPIRED,
    REVOKED;

    /** The status as of {@code now}: an unrevoked code past its end has expired, stored or not. */
    public SparkCodeStatus asOf(java.time.Instant now, java.time.Instant authEnd) {
        if ((this == NOT_USED || this == IN_USE) && !now.isBefore(authEnd)) {
            return EXPIRED;
        }
        return this;
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
