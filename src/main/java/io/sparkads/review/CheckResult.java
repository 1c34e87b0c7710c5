package io.sparkads.review;

/** One automatic check of an ad, and why it passed or failed. */
public record CheckResult(String check, boolean passed, String reason) {

    static CheckResult pass(String check, String reason) {
        return new CheckResult(check, true, reason);
    }

    static CheckResult fail(String check, String reason) {
        return new CheckResult(check, false, reason);
    }
}
