package io.sparkads.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.common.AdLineage;
import io.sparkads.common.Creative;
import io.sparkads.delivery.engine.AdCandidate;
import io.sparkads.delivery.engine.BillingEvent;
import io.sparkads.delivery.engine.Goal;
import io.sparkads.delivery.engine.Placement;
import io.sparkads.delivery.engine.ServingRules;
import io.sparkads.delivery.engine.ServingRules.Rule;
import io.sparkads.delivery.engine.Targeting;
import io.sparkads.delivery.engine.Viewer;
import io.sparkads.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Frequency caps and TopView reservations counted in PostgreSQL. A new {@link ServingRules} over
 * the same database stands for a restarted server, or for another server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class ServingCountsIT {
    static final ZoneId UTC = ZoneId.of("UTC");

    @Autowired JdbcServingCounts counts;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    final long adgroup = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
    final AdCandidate ad = ad(adgroup);
    final Instant now = Instant.now();

    ServingRules server(Rule rule) {
        ServingRules rules = new ServingRules(counts);
        rules.setRule(adgroup, rule);
        return rules;
    }

    @Test
    void aViewerNeverSeesACappedAdAgainAfterARestart() {
        Rule twiceADay = new Rule(2, 1, null, null, UTC);
        ServingRules before = server(twiceADay);
        assertThat(before.serve(ad, viewer("cap"), now)).isTrue();
        assertThat(before.serve(ad, viewer("cap"), now.plusSeconds(60))).isTrue();
        assertThat(before.allows(ad, viewer("cap"), now.plusSeconds(120))).isFalse();

        ServingRules restarted = server(twiceADay);
        assertThat(restarted.serve(ad, viewer("cap"), now.plusSeconds(120))).isFalse();
        assertThat(restarted.allows(ad, viewer("cap"), now.plusSeconds(180)))
                .as("the filter remembers the refusal")
                .isFalse();
        assertThat(restarted.serve(ad, viewer("someone-else"), now.plusSeconds(180))).isTrue();
        assertThat(restarted.serve(ad, viewer("cap"), now.plus(Duration.ofDays(1))))
                .as("the first place left the one-day window")
                .isTrue();
        assertThat(restarted.serve(ad, viewer("cap"), now.plus(Duration.ofDays(1)).plusSeconds(1)))
                .isFalse();
    }

    @Test
    void aTopViewDailyCountIsNeverExceededByTwoServersAtOnce() throws Exception {
        Rule fiftyADay = new Rule(null, null, null, 50, ZoneId.of("America/New_York"));
        List<ServingRules> servers = List.of(server(fiftyADay), server(fiftyADay));
        AtomicInteger served = new AtomicInteger();
        Concurrently.run(
                8,
                thread -> {
                    for (int i = 0; i < 20; i++) {
                        // Each viewer asks twice (once on each server); one place a day.
                        Viewer viewer = viewer("tv-" + thread + "-" + i);
                        for (ServingRules server : servers) {
                            if (server.serve(ad, viewer, now)) {
                                served.incrementAndGet();
                            }
                        }
                    }
                });

        assertThat(served.get()).isEqualTo(50);
        assertThat(
                        jdbc.sql("select sum(served) from topview_days where adgroup_id = ?")
                                .param(adgroup)
                                .query(Integer.class)
                                .single())
                .isEqualTo(50);
        assertThat(
                        jdbc.sql("select count(*) from topview_viewers where adgroup_id = ?")
                                .param(adgroup)
                                .query(Integer.class)
                                .single())
                .as("refused takes left no viewer behind")
                .isEqualTo(50);
        assertThat(server(fiftyADay).serve(ad, viewer("late"), now)).isFalse();
    }

    @Test
    void aRefusedTakeInsideACallersTransactionUndoesOnlyItself() {
        Rule onceAWeekTwoADay = new Rule(1, 7, null, 2, UTC);
        ServingRules rules = server(onceAWeekTwoADay);
        assertThat(rules.serve(ad, viewer("first"), now)).isTrue();
        new TransactionTemplate(transactions)
                .executeWithoutResult(
                        status -> {
                            assertThat(rules.serve(ad, viewer("first"), now)).isFalse();
                            assertThat(rules.serve(ad, viewer("second"), now)).isTrue();
                            assertThat(rules.serve(ad, viewer("third"), now))
                                    .as("the day is full")
                                    .isFalse();
                        });
        assertThat(
                        jdbc.sql(
                                        "select viewer_id from topview_viewers where adgroup_id = ? order by viewer_id")
                                .param(adgroup)
                                .query(String.class)
                                .list())
                .containsExactly("first", "second");
        assertThat(
                        jdbc.sql(
                                        "select viewer_id from serving_frequency where adgroup_id = ? order by viewer_id")
                                .param(adgroup)
                                .query(String.class)
                                .list())
                .containsExactly("first", "second");
    }

    @Test
    void oldCountsAreDeleted() {
        Instant monthAgo = now.minus(Duration.ofDays(30));
        ServingRules rules = server(new Rule(1, 7, null, 5, UTC));
        assertThat(rules.serve(ad, viewer("old"), monthAgo)).isTrue();
        ServingRules recent = new ServingRules(counts);
        AdCandidate other = ad(adgroup + 1);
        recent.setRule(adgroup + 1, new Rule(1, 7, null, 5, UTC));
        assertThat(recent.serve(other, viewer("recent"), now)).isTrue();

        counts.forgetOld(now);

        for (String table : List.of("serving_frequency", "topview_days", "topview_viewers")) {
            assertThat(
                            jdbc.sql(
                                            "select adgroup_id from "
                                                    + table
                                                    + " where adgroup_id in (?, ?)")
                                    .params(adgroup, adgroup + 1)
                                    .query(Long.class)
                                    .list())
                    .as(table)
                    .containsExactly(adgroup + 1);
        }
    }

    static Viewer viewer(String id) {
        return new Viewer(id, null, null, null, List.of(), null, null);
    }

    static AdCandidate ad(long adgroupId) {
        return new AdCandidate(
                new AdLineage(adgroupId * 10, adgroupId, 1, 1),
                1L,
                true,
                Placement.TOPVIEW,
                Targeting.everyone(),
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                BillingEvent.CPM,
                1_000_000,
                new Creative("i", "n", null, "c", null, null, "LEARN_MORE", "PROFILE_PAGE", null),
                Goal.CLICK);
    }
}
