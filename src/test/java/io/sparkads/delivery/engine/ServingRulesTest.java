package io.sparkads.delivery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServingRulesTest {
    static final ZoneId UTC = ZoneId.of("UTC");
    static final Instant MONDAY_NOON = Instant.parse("2026-11-23T12:10:00Z");

    final ServingRules rules = new ServingRules();
    final AdCandidate ad = EngineFixtures.givenAd();
    final long adgroup = ad.lineage().adgroupId();
    final Viewer viewer = EngineFixtures.viewer();

    @Test
    void halfHoursCountFromMondayMidnightInTheAdAccountsZone() {
        assertThat(ServingRules.halfHourOfWeek(Instant.parse("2026-11-23T00:00:00Z"), UTC))
                .isZero();
        assertThat(ServingRules.halfHourOfWeek(MONDAY_NOON, UTC)).isEqualTo(24);
        assertThat(ServingRules.halfHourOfWeek(Instant.parse("2026-11-29T23:45:00Z"), UTC))
                .isEqualTo(335);
        assertThat(ServingRules.halfHourOfWeek(MONDAY_NOON, ZoneId.of("America/New_York")))
                .isEqualTo(14);
    }

    @Test
    void aFrequencyCapCountsPerViewerWithinItsDays() {
        rules.setRule(adgroup, new ServingRules.Rule(2, 1, null, null, UTC));
        assertThat(rules.serve(ad, viewer, MONDAY_NOON)).isTrue();
        assertThat(rules.serve(ad, viewer, MONDAY_NOON)).isTrue();
        assertThat(rules.allows(ad, viewer, MONDAY_NOON)).isFalse();
        assertThat(rules.serve(ad, viewer, MONDAY_NOON)).isFalse();
        assertThat(
                        rules.allows(
                                ad,
                                new Viewer("someone-else", null, null, null, List.of(), null, null),
                                MONDAY_NOON))
                .isTrue();
        assertThat(rules.allows(ad, viewer, MONDAY_NOON.plusSeconds(86_401))).isTrue();
    }

    @Test
    void dayPartingAllowsOnlyItsHalfHours() {
        StringBuilder bits = new StringBuilder("0".repeat(336));
        bits.setCharAt(24, '1');
        rules.setRule(adgroup, new ServingRules.Rule(null, null, bits.toString(), null, UTC));
        assertThat(rules.allows(ad, viewer, MONDAY_NOON)).isTrue();
        assertThat(rules.allows(ad, viewer, MONDAY_NOON.plusSeconds(1800))).isFalse();
    }

    @Test
    void aDailyReservationIsNeverExceededByRequestsAtOnce() throws Exception {
        rules.setRule(adgroup, new ServingRules.Rule(null, null, null, 100, UTC));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger served = new AtomicInteger();
        List<Future<?>> work = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            work.add(
                    pool.submit(
                            () -> {
                                for (int i = 0; i < 100; i++) {
                                    if (rules.serve(
                                            ad,
                                            new Viewer(
                                                    "v" + thread + "-" + i,
                                                    null,
                                                    null,
                                                    null,
                                                    List.of(),
                                                    null,
                                                    null),
                                            MONDAY_NOON)) {
                                        served.incrementAndGet();
                                    }
                                }
                            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        assertThat(served.get()).isEqualTo(100);
        assertThat(rules.allows(ad, viewer, MONDAY_NOON.plusSeconds(86_400)))
                .as("a new day")
                .isTrue();
    }
}
