package io.sparkads.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Trend Discovery counts organic events about a second after intake accepted them (its folder
 * empties {@code trend_pending} in the transaction that updates the trend tables): a test reading a
 * board first waits until nothing is left to fold, and fails if that takes longer than the bound.
 */
public final class TrendsCaughtUp {
    /** The folder runs every second; a busy test machine gets a few more. */
    public static final Duration BOUND = Duration.ofSeconds(10);

    private TrendsCaughtUp() {}

    public static void await(JdbcClient jdbc) {
        Eventually.await(
                BOUND,
                () ->
                        assertThat(
                                        jdbc.sql("select count(*) from trend_pending")
                                                .query(Long.class)
                                                .single())
                                .as("organic events not yet counted by Trend Discovery")
                                .isZero());
    }
}
