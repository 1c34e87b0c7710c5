package io.sparkads.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for what happens after a commit (asynchronous listeners), up to a deadline. */
public final class Eventually {
    private Eventually() {}

    public static <T> T await(Duration timeout, Supplier<T> attempt) {
        long deadline = System.nanoTime() + timeout.toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                return attempt.get();
            } catch (AssertionError e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw last != null ? last : new AssertionError("timed out");
    }

    public static void await(Duration timeout, Runnable attempt) {
        await(
                timeout,
                () -> {
                    attempt.run();
                    return null;
                });
    }
}
