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

    @Test
    void topViewIsOncePerViewerADayInTheAdAccountsZone() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        rules.setRule(adgroup, new ServingRules.Rule(null, null, null, 100, tokyo));
        Instant lateEvening = Instant.parse("2026-11-23T14:30:00Z"); // 23:30 in Tokyo
        assertThat(rules.serve(ad, viewer, lateEvening)).isTrue();
        assertThat(rules.allows(ad, viewer, lateEvening.plusSeconds(60))).isFalse();
        assertThat(rules.serve(ad, viewer, lateEvening.plusSeconds(60))).isFalse();
        assertThat(rules.allows(ad, viewer, lateEvening.plusSeconds(1800)))
                .as("midnight in Tokyo")
                .isTrue();
        assertThat(rules.serve(ad, viewer, lateEvening.plusSeconds(1800))).isTrue();
    }

    @Test
    void theFilterOnlySaysNoWhenTheCountsHaveSaidSoAndTheServeAsksThem() {
        ServingCounts shared = new InMemoryServingCounts();
        Asked counted = new Asked(shared);
        ServingRules a = new ServingRules(counted);
        ServingRules b = new ServingRules(shared);
        ServingRules.Rule rule = new ServingRules.Rule(1, 1, null, null, UTC);
        a.setRule(adgroup, rule);
        b.setRule(adgroup, rule);

        assertThat(b.serve(ad, viewer, MONDAY_NOON)).as("served by the other server").isTrue();
        assertThat(a.allows(ad, viewer, MONDAY_NOON)).as("maybe").isTrue();
        assertThat(a.serve(ad, viewer, MONDAY_NOON)).isFalse();
        assertThat(a.allows(ad, viewer, MONDAY_NOON.plusSeconds(3600))).isFalse();
        assertThat(counted.times.get()).isEqualTo(1);
        assertThat(a.allows(ad, viewer, MONDAY_NOON.plusSeconds(86_400)))
                .as("the place left the window")
                .isTrue();
        assertThat(a.serve(ad, viewer, MONDAY_NOON.plusSeconds(86_400))).isTrue();
    }

    @Test
    void aRefusedPlaceTakesNothingElse() {
        rules.setRule(adgroup, new ServingRules.Rule(1, 7, null, 1, UTC));
        Viewer other = new Viewer("other", null, null, null, List.of(), null, null);
        assertThat(rules.serve(ad, viewer, MONDAY_NOON)).isTrue();
        assertThat(rules.serve(ad, other, MONDAY_NOON)).as("the day is full").isFalse();
        assertThat(rules.allows(ad, other, MONDAY_NOON)).isFalse();
        rules.setRule(adgroup, new ServingRules.Rule(1, 7, null, 2, UTC));
        assertThat(rules.allows(ad, other, MONDAY_NOON)).as("a raised limit").isTrue();
        assertThat(rules.serve(ad, other, MONDAY_NOON))
                .as("the refusal took no frequency place")
                .isTrue();
    }

    @Test
    void dayPartingAloneNeverAsksTheCounts() {
        StringBuilder bits = new StringBuilder("1".repeat(336));
        Asked asked = new Asked(new InMemoryServingCounts());
        ServingRules noCounts = new ServingRules(asked);
        noCounts.setRule(adgroup, new ServingRules.Rule(null, null, bits.toString(), null, UTC));
        assertThat(noCounts.serve(ad, viewer, MONDAY_NOON)).isTrue();
        assertThat(asked.times.get()).isZero();
    }

    /** Counts how often the rules ask the counts. */
    static final class Asked implements ServingCounts {
        final ServingCounts counts;
        final AtomicInteger times = new AtomicInteger();

        Asked(ServingCounts counts) {
            this.counts = counts;
        }

        @Override
        public Taken take(long adgroupId, String viewerId, Limits limits, Instant now) {
            times.incrementAndGet();
            return counts.take(adgroupId, viewerId, limits, now);
        }

        @Override
        public void forgetOld(Instant now) {
            counts.forgetOld(now);
        }
    }
}
