package io.sparkads.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Trend Discovery and the posts' organic counters count organic events about a second after intake
 * accepted them (the trend folder empties {@code trend_pending} in the transaction that updates the
 * trend tables and the posts): a test reading a board or a post's organic counters after sending
 * events first waits until nothing is left to fold, and fails if that takes longer than the bound.
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
                                .as(
                                        "organic events not yet counted by Trend Discovery and on their posts")
                                .isZero());
    }
}
