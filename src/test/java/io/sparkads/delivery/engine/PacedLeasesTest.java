package io.sparkads.delivery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A paced daily budget served through leases: smooth stops at the elapsed share, fast does not. */
class PacedLeasesTest {
    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static final Instant SIX = Instant.parse("2026-06-01T06:00:00Z");
    private static final Instant NOON = Instant.parse("2026-06-01T12:00:00Z");
    private static final long CENT = 10_000;
    private static final long BUDGET = 2000 * CENT; // 20.00 a day

    private final InMemoryLeaseSource source = new InMemoryLeaseSource();
    private final LeaseBook book = new LeaseBook(source, LeaseBook.Settings.DEFAULT);

    @Test
    void aSmoothDailyBudgetStopsAtItsShareOfTheElapsedDayAndGoesOnAsTheDayGoesOn() {
        // when: at 06:00 a quarter of the day is gone; far more traffic than the budget
        int servedBySix = serve(Pacing.PACING_MODE_SMOOTH, SIX, 3000);

        // then: a quarter of 20.00 at 0.01 each, exactly
        assertThat(servedBySix).isEqualTo(500);

        // when: at noon (the refusal cache long past), half the day
        int servedByNoon = serve(Pacing.PACING_MODE_SMOOTH, NOON, 3000);

        // then: the next quarter
        assertThat(servedBySix + servedByNoon).isEqualTo(1000);
    }

    @Test
    void aFastDailyBudgetSpendsAllOfItAsTrafficComes() {
        // when
        int served = serve(Pacing.PACING_MODE_FAST, SIX, 3000);

        // then
        assertThat(served).isEqualTo(2000);
    }

    /** Tries {@code tries} servings of 0.01 at {@code at}; how many the budget allowed. */
    private int serve(Pacing pacing, Instant at, int tries) {
        BudgetPeriod day = BudgetPeriod.dayOf(at, ZONE);
        BudgetKey key = new BudgetKey("ADGROUP", 7, day.key());
        int served = 0;
        for (int i = 0; i < tries; i++) {
            long limit = pacing.allowedMicros(BUDGET, day, at, CENT);
            if (book.spend(key, CENT, limit, at) != null) {
                served++;
            }
        }
        book.settleAll();
        return served;
    }
}
