package io.sparkads.delivery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PacingTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final long BUDGET = 24_000_000; // 24.00
    private static final long ONE_EVENT = 10_000; // 0.01

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void aDayRunsFromMidnightToMidnightInTheAccountsZone() {
        // when
        BudgetPeriod day = BudgetPeriod.dayOf(berlin("2026-06-01T23:30"), BERLIN);

        // then: 23:30 in Berlin is 21:30 UTC, still 1 June there
        assertThat(day.key()).isEqualTo("D2026-06-01");
        assertThat(day.start()).isEqualTo(Instant.parse("2026-05-31T22:00:00Z"));
        assertThat(day.end()).isEqualTo(Instant.parse("2026-06-01T22:00:00Z"));
        assertThat(BudgetPeriod.dayOf(berlin("2026-06-02T00:00"), BERLIN).key())
                .isEqualTo("D2026-06-02");
    }

    @Test
    void theDayTheClocksGoForwardHas23HoursAndTheDayTheyGoBack25() {
        // when
        BudgetPeriod spring = BudgetPeriod.dayOf(berlin("2026-03-29T12:00"), BERLIN);
        BudgetPeriod autumn = BudgetPeriod.dayOf(berlin("2026-10-25T12:00"), BERLIN);

        // then
        assertThat(spring.length()).isEqualTo(Duration.ofHours(23));
        assertThat(autumn.length()).isEqualTo(Duration.ofHours(25));
        assertThat(BudgetPeriod.dayOf(berlin("2026-03-30T00:00"), BERLIN).key())
                .isEqualTo("D2026-03-30");
    }

    @Test
    void fastPacingAllowsTheWholeBudgetAtOnce() {
        BudgetPeriod day = BudgetPeriod.dayOf(berlin("2026-06-01T00:00"), BERLIN);
        assertThat(
                        Pacing.PACING_MODE_FAST.allowedMicros(
                                BUDGET, day, berlin("2026-06-01T00:01"), ONE_EVENT))
                .isEqualTo(BUDGET);
    }

    @Test
    void smoothPacingAllowsTheElapsedShareOfTheDay() {
        // given
        BudgetPeriod day = BudgetPeriod.dayOf(berlin("2026-06-01T00:00"), BERLIN);

        // when / then: 6 of 24 hours → a quarter; the first instant → one billing event
        assertThat(allowed(day, "2026-06-01T06:00")).isEqualTo(6_000_000);
        assertThat(allowed(day, "2026-06-01T18:00")).isEqualTo(18_000_000);
        assertThat(allowed(day, "2026-06-01T00:00")).isEqualTo(ONE_EVENT);
        assertThat(
                        Pacing.PACING_MODE_SMOOTH.allowedMicros(
                                BUDGET, day, day.end().minusNanos(1), ONE_EVENT))
                .isLessThanOrEqualTo(BUDGET);
    }

    @Test
    void smoothPacingSharesA23HourDayBy23Hours() {
        // given: 29 March 2026, clocks forward from 02:00 to 03:00
        BudgetPeriod day = BudgetPeriod.dayOf(berlin("2026-03-29T12:00"), BERLIN);

        // when / then: at 04:00 local, 3 real hours have passed, 3/23 of the budget
        assertThat(allowed(day, "2026-03-29T04:00")).isEqualTo(BUDGET * 3 / 23);
        assertThat(allowed(day, "2026-03-29T23:00")).isEqualTo(BUDGET * 22 / 23);
    }

    @Test
    void smoothPacingSharesA25HourDayBy25Hours() {
        // given: 25 October 2026, clocks back from 03:00 to 02:00
        BudgetPeriod day = BudgetPeriod.dayOf(berlin("2026-10-25T12:00"), BERLIN);

        // when / then: at 04:00 local, 5 real hours have passed, 5/25 of the budget
        assertThat(allowed(day, "2026-10-25T04:00")).isEqualTo(BUDGET * 5 / 25);
        assertThat(allowed(day, "2026-10-25T12:00")).isEqualTo(BUDGET * 13 / 25);
    }

    @Test
    void aTotalBudgetIsNotPaced() {
        assertThat(
                        Pacing.PACING_MODE_SMOOTH.allowedMicros(
                                BUDGET, BudgetPeriod.TOTAL, Instant.EPOCH, ONE_EVENT))
                .isEqualTo(BUDGET);
    }

    @Test
    void aSimulatedDayOfSmoothTrafficSpendsWithinTenPercentOfTheElapsedShare() {
        // given: ads served every 10 s of a 25-hour day, each reserving 0.01 from leases of
        // 20 billing events; a lease is taken only under the smooth pacing cap
        BudgetPeriod day = BudgetPeriod.dayOf(berlin("2026-10-25T12:00"), BERLIN);
        InMemoryLeaseSource source = new InMemoryLeaseSource();
        LeaseBook book = new LeaseBook(source, LeaseBook.Settings.DEFAULT);
        BudgetKey key = new BudgetKey("ADGROUP", 1, day.key());
        long budget = 20_000_000; // 20.00, 2000 billing events, ~9000 requests a day
        double worstError = 0;

        // when
        long spent = 0;
        for (Instant t = day.start(); t.isBefore(day.end()); t = t.plusSeconds(10)) {
            long limit = Pacing.PACING_MODE_SMOOTH.allowedMicros(budget, day, t, ONE_EVENT);
            if (book.spend(key, ONE_EVENT, limit, t) != null) {
                spent += ONE_EVENT;
            }
            double share =
                    (double) Duration.between(day.start(), t).toMillis() / day.length().toMillis();
            if (share >= 0.1) {
                worstError = Math.max(worstError, Math.abs(spent / (budget * share) - 1));
            }
            book.settleIdle(t);
        }

        // then: once a tenth of the day has passed, spend stays within 10% of its share
        assertThat(worstError).isLessThan(0.10);
        assertThat(spent).isLessThanOrEqualTo(budget);
        assertThat(spent).isGreaterThan(budget * 99 / 100);
    }

    private static long allowed(BudgetPeriod day, String localDateTime) {
        return Pacing.PACING_MODE_SMOOTH.allowedMicros(
                BUDGET, day, berlin(localDateTime), ONE_EVENT);
    }
}
