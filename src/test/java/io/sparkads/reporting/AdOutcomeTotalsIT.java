package io.sparkads.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.common.AdLineage;
import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.Eventually;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-ad lifetime totals the rate feed reads: kept by the intake's fold, and read again only
 * for the ads that changed since a mark, including changes committed by a transaction that was
 * still running when the mark was taken.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class AdOutcomeTotalsIT {
    @LocalServerPort int port;
    @Autowired ReportRollups rollups;
    @Autowired AdOutcomeTotals totals;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired JdbcTemplate jdbc;
    ApiFixtures.Advertiser account;
    long a, b;

    @BeforeEach
    void twoAdsOfAnAccount() {
        account = new ApiFixtures(new ApiClient(port)).givenAdvertiser("Europe/Berlin");
        a = 8_100_000_000_000_000L + (System.nanoTime() & 0xFFFFFFFFFFL) * 10;
        b = a + 1;
    }

    @Test
    void aReadAfterAMarkReturnsOnlyTheAdsThatChangedWithTheirNewLifetimeTotals() {
        // given: two ads with traffic, all read once no transaction older than their fold runs
        // (a mark is the oldest transaction running: rows that one may have written are read again)
        long folded = fold(events(a, 3, 1), events(b, 2, 0));
        AdOutcomeTotals.Read all =
                Eventually.await(
                        Duration.ofSeconds(10),
                        () -> {
                            AdOutcomeTotals.Read read = totals.all();
                            assertThat(read.mark()).isGreaterThan(folded);
                            return read;
                        });
        assertThat(impressionsAndClicks(all, a, b)).isEqualTo(Map.of(a, "3/1", b, "2/0"));

        // when: only A has more traffic
        fold(events(a, 2, 1));
        AdOutcomeTotals.Read changed = totals.changedSince(all.mark());

        // then: A with its lifetime totals, and not B
        assertThat(impressionsAndClicks(changed, a, b)).isEqualTo(Map.of(a, "5/2"));
        assertThat(totals.ofAd(a)).map(AdOutcomeTotals.Totals::clicks).contains(2L);
    }

    @Test
    void aChangeCommittedAfterARead_byATransactionRunningDuringIt_isReadNextTime()
            throws Exception {
        // given: B read once, then a transaction adds to B and stays open during the next read
        fold(events(b, 1, 0));
        long mark = totals.all().mark();
        CountDownLatch folded = new CountDownLatch(1);
        CountDownLatch readDone = new CountDownLatch(1);
        CompletableFuture<Void> slow =
                CompletableFuture.runAsync(
                        () ->
                                new TransactionTemplate(transactionManager)
                                        .executeWithoutResult(
                                                status -> {
                                                    rollups.fold(events(b, 4, 1));
                                                    folded.countDown();
                                                    await(readDone);
                                                }));
        assertThat(folded.await(10, TimeUnit.SECONDS)).isTrue();
        AdOutcomeTotals.Read during = totals.changedSince(mark);
        readDone.countDown();
        slow.get(10, TimeUnit.SECONDS);

        // when
        AdOutcomeTotals.Read after = totals.changedSince(during.mark());

        // then: the open transaction's change was invisible, then read, though its commit came
        // after the read whose mark the second read started from
        assertThat(impressionsAndClicks(during, a, b)).isIn(Map.of(), Map.of(b, "1/0"));
        assertThat(impressionsAndClicks(after, a, b)).isEqualTo(Map.of(b, "5/1"));
    }

    /** Folds the events in a transaction of their own; its id. */
    @SafeVarargs
    private long fold(List<PaidEvent>... events) {
        List<PaidEvent> all = new ArrayList<>();
        for (List<PaidEvent> e : events) {
            all.addAll(e);
        }
        return new TransactionTemplate(transactionManager)
                .execute(
                        status -> {
                            rollups.fold(all);
                            return jdbc.queryForObject(
                                    "select pg_current_xact_id()::text::bigint", Long.class);
                        });
    }

    private List<PaidEvent> events(long adId, int impressions, int clicks) {
        List<PaidEvent> events = new ArrayList<>();
        for (int i = 0; i < impressions + clicks; i++) {
            events.add(
                    new PaidEvent(
                            new AdLineage(adId, 7, 8, Long.parseLong(account.id())),
                            null,
                            true,
                            i < impressions ? PaidMetric.IMPRESSIONS : PaidMetric.CLICKS,
                            Instant.now(),
                            BigDecimal.ZERO,
                            "viewer-" + i,
                            "impression-" + adId + "-" + i,
                            null));
        }
        return events;
    }

    /** "impressions/clicks" of those of the ads the read returned. */
    private static Map<Long, String> impressionsAndClicks(AdOutcomeTotals.Read read, long... ads) {
        List<Long> wanted = Arrays.stream(ads).boxed().toList();
        return read.totals().stream()
                .filter(t -> wanted.contains(t.lineage().adId()))
                .collect(
                        Collectors.toMap(
                                t -> t.lineage().adId(), t -> t.impressions() + "/" + t.clicks()));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
