package io.sparkads.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.MutableClock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The throttle on the real database, with a clock the test moves and addresses of its own (the
 * documentation range 203.0.113.0/24), so it never slows down another test's sign-ins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class SignInThrottleIT {
    private static final Duration FIRST_LOCK = Duration.ofSeconds(15);
    private static final Duration SOON = Duration.ofSeconds(10);

    @Autowired JdbcClient jdbc;

    MutableClock clock;
    SignInThrottle throttle;
    String attacker;
    String home;

    @BeforeEach
    void newThrottle() {
        clock = new MutableClock();
        // 5 free failures per user, 3 per address, 15 s doubling to 5 min (user) or 15 min.
        throttle =
                new SignInThrottle(
                        jdbc,
                        clock,
                        5,
                        3,
                        Duration.ofSeconds(15),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(15));
        int n = (int) (Math.random() * 250);
        attacker = "203.0.113." + n + "-" + UUID.randomUUID();
        home = "203.0.113." + (n + 1) + "-home-" + UUID.randomUUID();
    }

    @Test
    void aUserWaitsAfterFiveFailuresFromAnyAddresses() {
        String user = "u-" + UUID.randomUUID();

        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed(user, addressNumber(i))).isEmpty();
        }
        var wait = throttle.failed(user, addressNumber(4));

        assertThat(wait).hasValueSatisfying(w -> assertThat(w).isBetween(SOON, FIRST_LOCK));
        assertThat(throttle.waitBefore(user, addressNumber(9))).isPresent();
    }

    @Test
    void theWaitEndsAndGrowsNoFurtherThanTheCap() {
        String user = "u-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            throttle.failed(user, addressNumber(i));
        }

        clock.advance(Duration.ofSeconds(16));
        assertThat(throttle.waitBefore(user, addressNumber(7))).isEmpty();
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMinutes(6));
            throttle.failed(user, addressNumber(i % 3));
        }

        var longest = throttle.waitBefore(user, addressNumber(8));
        assertThat(longest).isPresent();
        assertThat(longest.get()).isLessThanOrEqualTo(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(throttle.waitBefore(user, addressNumber(8))).isEmpty();
    }

    @Test
    void oneAddressTryingManyUsersWaitsIndependentlyOfTheUsers() {
        for (int i = 0; i < 2; i++) {
            assertThat(throttle.failed("u-" + UUID.randomUUID(), attacker)).isEmpty();
        }

        throttle.failed("u-" + UUID.randomUUID(), attacker);

        String fresh = "u-" + UUID.randomUUID();
        assertThat(throttle.waitBefore(fresh, attacker))
                .hasValueSatisfying(w -> assertThat(w).isBetween(SOON, FIRST_LOCK));
        assertThat(throttle.waitBefore(fresh, home)).isEmpty();
    }

    @Test
    void anAttackerCannotLockAUserOutOfTheAddressTheyLastSignedInFrom() {
        String user = "u-" + UUID.randomUUID();
        throttle.succeeded(user, home);

        for (int i = 0; i < 8; i++) {
            throttle.failed(user, addressNumber(i));
        }

        assertThat(throttle.waitBefore(user, addressNumber(20))).isPresent();
        assertThat(throttle.waitBefore(user, home)).isEmpty();
    }

    @Test
    void aGoodSignInClearsTheUsersFailures() {
        String user = "u-" + UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            throttle.failed(user, addressNumber(i));
        }

        throttle.succeeded(user, home);

        assertThat(throttle.failed(user, addressNumber(5))).isEmpty();
    }

    /** A different address per failure, so only the per-user count matters. */
    private String addressNumber(int i) {
        return "198.51.100." + i + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
