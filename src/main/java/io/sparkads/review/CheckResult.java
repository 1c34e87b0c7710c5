package io.sparkads.review;

/** One automatic check of an ad, and why it passed or failed. */
public record CheckResult(Check check, boolean passed, String reason) {

    /** The automatic checks, by the names the admin API and the stored reviews use. */
    public enum Check {
        AUTHORIZATION,
        POST_PUBLIC,
        POLICY_TERMS,
        LANDING_URL,
        /** The ad leads somewhere a viewer can reach: a landing page, or a profile that exists. */
        DESTINATION
    }

    static CheckResult pass(Check check, String reason) {
        return new CheckResult(check, true, reason);
    }

    static CheckResult fail(Check check, String reason) {
        return new CheckResult(check, false, reason);
    }
}
