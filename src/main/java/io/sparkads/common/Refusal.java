package io.sparkads.common;

/**
 * A request the domain refuses, with a message that says what to fix. Each API style turns it into
 * its own shape: problem details on the platform and admin APIs, TikTok's envelope on the Business
 * API.
 */
public class Refusal extends RuntimeException {

    public enum Kind {
        INVALID(400, BusinessApiException.PARAMETER),
        NOT_FOUND(404, BusinessApiException.PARAMETER),
        CONFLICT(409, BusinessApiException.PARAMETER),
        FORBIDDEN(403, BusinessApiException.AUTH),
        TOO_MANY_REQUESTS(429, BusinessApiException.TOO_MANY_REQUESTS),
        QUOTA_REACHED(409, BusinessApiException.AD_QUOTA_REACHED),
        /** A service the request needs (e.g. the event broker) did not answer: retry later. */
        UNAVAILABLE(503, BusinessApiException.SERVER);

        private final int httpStatus;
        private final int businessCode;

        Kind(int httpStatus, int businessCode) {
            this.httpStatus = httpStatus;
            this.businessCode = businessCode;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public int businessCode() {
            return businessCode;
        }
    }

    private final Kind kind;

    public Refusal(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static Refusal invalid(String message) {
        return new Refusal(Kind.INVALID, message);
    }

    public static Refusal notFound(String message) {
        return new Refusal(Kind.NOT_FOUND, message);
    }

    public static Refusal conflict(String message) {
        return new Refusal(Kind.CONFLICT, message);
    }

    public static Refusal unavailable(String message) {
        return new Refusal(Kind.UNAVAILABLE, message);
    }

    public static Refusal forbidden(String message) {
        return new Refusal(Kind.FORBIDDEN, message);
    }

    public Kind kind() {
        return kind;
    }
}
