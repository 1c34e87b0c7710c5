package io.sparkads.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInBackoffTest {
    private final SignInBackoff backoff =
            new SignInBackoff(
                    5, Duration.ofSeconds(15), Duration.ofMinutes(5), Duration.ofMinutes(30));

    @Test
    void theFirstFailuresCostNothing() {
        assertThat(backoff.lockAfter(1)).isZero();
        assertThat(backoff.lockAfter(4)).isZero();
    }

    @Test
    void eachFurtherFailureDoublesTheWait() {
        assertThat(backoff.lockAfter(5)).isEqualTo(Duration.ofSeconds(15));
        assertThat(backoff.lockAfter(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.lockAfter(7)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theWaitNeverExceedsTheCapHoweverManyFailures() {
        assertThat(backoff.lockAfter(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.lockAfter(1_000_000)).isEqualTo(Duration.ofMinutes(5));
    }
}
