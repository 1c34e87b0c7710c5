package io.sparkads.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkads.common.Refusal;
import io.sparkads.support.MutableClock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed-code limits counted in the database: two limiters over it stand for two servers, or a
 * server before and after a restart.
 */
class CodeAttemptLimiterIT extends AuthorizationITBase {
    @Autowired PlatformTransactionManager transactions;

    final MutableClock time = new MutableClock();
    final long advertiser = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
    final String address = "10.9." + advertiser % 250 + "." + advertiser % 251;

    CodeAttemptLimiter server() {
        return new CodeAttemptLimiter(jdbc, transactions, time, Duration.ofMinutes(15), 3, 5);
    }

    @Test
    void anAdAccountIsStoppedAfterTooManyFailuresOnAnyServerUntilTheWindowMovesOn() {
        CodeAttemptLimiter a = server();
        CodeAttemptLimiter b = server();
        a.checkAllowed(advertiser, address);
        a.recordFailure(advertiser, address);
        b.checkAllowed(advertiser, address);
        b.recordFailure(advertiser, address);
        a.recordFailure(advertiser, address);

        assertThatThrownBy(() -> b.checkAllowed(advertiser, "10.0.0.9"))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.TOO_MANY_REQUESTS))
                .hasMessageContaining("this ad account")
                .hasMessageContaining("try again in 15 minute(s)");
        assertThatThrownBy(() -> server().checkAllowed(advertiser, "10.0.0.9"))
                .as("a restarted server")
                .hasMessageContaining("this ad account");
        assertThatCode(() -> a.checkAllowed(advertiser + 1, "10.0.0.9")).doesNotThrowAnyException();
        time.advance(Duration.ofMinutes(16));
        assertThatCode(() -> b.checkAllowed(advertiser, address)).doesNotThrowAnyException();
    }

    @Test
    void anAddressIsStoppedAcrossAdAccountsAndServers() {
        for (int i = 0; i < 5; i++) {
            server().recordFailure(advertiser + 100 + i, address);
        }
        assertThatThrownBy(() -> server().checkAllowed(advertiser + 200, address))
                .hasMessageContaining("network address");
        assertThatCode(() -> server().checkAllowed(advertiser + 200, address + "1"))
                .doesNotThrowAnyException();
    }

    @Test
    void aFailureCountsEvenWhenTheRequestThatMadeItIsRolledBack() {
        CodeAttemptLimiter limiter = server();
        TransactionTemplate request = new TransactionTemplate(transactions);
        for (int i = 0; i < 3; i++) {
            request.executeWithoutResult(
                    status -> {
                        limiter.recordFailure(advertiser, null);
                        status.setRollbackOnly();
                    });
        }
        assertThatThrownBy(() -> limiter.checkAllowed(advertiser, null))
                .hasMessageContaining("this ad account");
    }

    @Test
    void failuresOlderThanTheWindowAreDeleted() {
        CodeAttemptLimiter limiter = server();
        limiter.recordFailure(advertiser, address);
        time.advance(Duration.ofMinutes(16));
        limiter.forgetQuietKeys();
        assertThat(
                        jdbc.sql("select count(*) from code_attempt_failures where bucket = ?")
                                .param("advertiser:" + advertiser)
                                .query(Integer.class)
                                .single())
                .isZero();
    }
}
