package io.sparkads.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkads.common.Refusal;
import io.sparkads.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CodeAttemptLimiterTest {
    final MutableClock clock = new MutableClock();
    final CodeAttemptLimiter limiter = new CodeAttemptLimiter(clock, Duration.ofMinutes(15), 3, 5);

    @Test
    void anAdAccountIsStoppedAfterTooManyFailuresUntilTheWindowMovesOn() {
        for (int i = 0; i < 3; i++) {
            limiter.checkAllowed(1, "10.0.0.1");
            limiter.recordFailure(1, "10.0.0.1");
        }
        assertThatThrownBy(() -> limiter.checkAllowed(1, "10.0.0.9"))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.TOO_MANY_REQUESTS))
                .hasMessageContaining("this ad account");
        assertThatCode(() -> limiter.checkAllowed(2, "10.0.0.9")).doesNotThrowAnyException();
        clock.advance(Duration.ofMinutes(16));
        assertThatCode(() -> limiter.checkAllowed(1, "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void anAddressIsStoppedAcrossAdAccounts() {
        for (int i = 0; i < 5; i++) {
            limiter.recordFailure(100 + i, "10.0.0.2");
        }
        assertThatThrownBy(() -> limiter.checkAllowed(200, "10.0.0.2"))
                .hasMessageContaining("network address");
        assertThatCode(() -> limiter.checkAllowed(200, "10.0.0.3")).doesNotThrowAnyException();
    }
}
