package io.sparkads.authorization;

import io.sparkads.common.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes guessing codes infeasible on top of their 144 random bits: after too many failed attempts
 * in a sliding window, an ad account, or a client address, may not try again until the window has
 * moved on. Failures are counted in the database, so every server applies the same limits and a
 * restart forgets none.
 */
@Component
public class CodeAttemptLimiter {
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Duration window;
    private final int perAdvertiser;
    private final int perAddress;

    CodeAttemptLimiter(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${sparkads.authorization.failed-code-window:PT15M}") Duration window,
            @Value("${sparkads.authorization.failed-codes-per-advertiser:10}") int perAdvertiser,
            @Value("${sparkads.authorization.failed-codes-per-address:30}") int perAddress) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // A failure counts even when the request that made it is rolled back.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.window = window;
        this.perAdvertiser = perAdvertiser;
        this.perAddress = perAddress;
    }

    /** Refuses with "too many requests" while the advertiser or the address is over its limit. */
    public void checkAllowed(long advertiserId, String address) {
        check("advertiser:" + advertiserId, perAdvertiser, "this ad account");
        if (address != null) {
            check("address:" + address, perAddress, "this network address");
        }
    }

    void recordFailure(long advertiserId, String address) {
        Timestamp now = Timestamp.from(clock.instant());
        ownTransaction.executeWithoutResult(
                status -> {
                    add("advertiser:" + advertiserId, now);
                    if (address != null) {
                        add("address:" + address, now);
                    }
                });
    }

    private record Attempts(int count, Timestamp oldest) {}

    private void check(String bucket, int limit, String who) {
        Instant now = clock.instant();
        Attempts attempts =
                jdbc.sql(
                                "select count(*), min(failed_at) from code_attempt_failures"
                                        + " where bucket = ? and failed_at > ?")
                        .params(bucket, Timestamp.from(now.minus(window)))
                        .query((rs, n) -> new Attempts(rs.getInt(1), rs.getTimestamp(2)))
                        .single();
        if (attempts.count() >= limit) {
            long minutes =
                    Math.max(
                            1,
                            Duration.between(now, attempts.oldest().toInstant().plus(window))
                                            .toMinutes()
                                    + 1);
            throw new Refusal(
                    Refusal.Kind.TOO_MANY_REQUESTS,
                    "Too many invalid authorization codes from "
                            + who
                            + "; try again in "
                            + minutes
                            + " minute(s)");
        }
    }

    private void add(String bucket, Timestamp now) {
        jdbc.sql("insert into code_attempt_failures (bucket, failed_at) values (?, ?)")
                .params(bucket, now)
                .update();
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetQuietKeys() {
        jdbc.sql("delete from code_attempt_failures where failed_at <= ?")
                .param(Timestamp.from(clock.instant().minus(window)))
                .update();
    }

    public int perAdvertiser() {
        return perAdvertiser;
    }
}
