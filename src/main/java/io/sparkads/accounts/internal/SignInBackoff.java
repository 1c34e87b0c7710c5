package io.sparkads.accounts.internal;

import java.time.Duration;

/**
 * How long sign-in waits after failures: nothing for the first {@code freeFailures}, then {@code
 * firstLock}, doubling with each further failure up to {@code longestLock}. The cap keeps an
 * attacker from locking anyone out for long; failures are forgotten {@code forgetAfter} the last.
 */
record SignInBackoff(
        int freeFailures, Duration firstLock, Duration longestLock, Duration forgetAfter) {

    SignInBackoff {
        if (freeFailures < 1 || firstLock.isNegative() || longestLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("a back-off needs free failures and growing locks");
        }
    }

    /** The lock after this many failures in a row; zero while they are free. */
    Duration lockAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures, 30);
        Duration lock = firstLock.multipliedBy(1L << doublings);
        return lock.compareTo(longestLock) > 0 ? longestLock : lock;
    }
}
