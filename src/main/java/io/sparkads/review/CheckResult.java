package io.sparkads.review;

/**
 * One automatic check of an ad, its outcome and why. {@code passed} is kept for the admin API's
 * clients: it is true only when the outcome is {@link Outcome#PASSED}.
 */
public record CheckResult(Check check, boolean passed, String reason, Outcome outcome) {

    /** The automatic checks, by the names the admin API and the stored reviews use. */
    public enum Check {
        AUTHORIZATION,
        POST_PUBLIC,
        POLICY_TERMS,
        LANDING_URL,
        /** The ad leads somewhere a viewer can reach: a landing page, or a profile that exists. */
        DESTINATION
    }

    /**
     * A failed check rejects the ad at once; one that needs a look leaves it for a person, even
     * with auto-approval on.
     */
    public enum Outcome {
        PASSED,
        NEEDS_A_LOOK,
        FAILED
    }

    public CheckResult {
        if (outcome == null) {
            // Stored before checks had an outcome: they either passed or failed.
            outcome = passed ? Outcome.PASSED : Outcome.FAILED;
        }
        passed = outcome == Outcome.PASSED;
    }

    static CheckResult pass(Check check, String reason) {
        return new CheckResult(check, true, reason, Outcome.PASSED);
    }

    static CheckResult fail(Check check, String reason) {
        return new CheckResult(check, false, reason, Outcome.FAILED);
    }

    static CheckResult needsALook(Check check, String reason) {
        return new CheckResult(check, false, reason, Outcome.NEEDS_A_LOOK);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
