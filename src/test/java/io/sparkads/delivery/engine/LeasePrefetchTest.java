package io.sparkads.delivery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The next lease is taken in the background, so servings do not wait for the source. */
class LeasePrefetchTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final long CENT = 10_000;
    private static final BudgetKey KEY = new BudgetKey("ADGROUP", 7, "D2026-06-01");

    private final InMemoryLeaseSource source = new InMemoryLeaseSource();

    /** The background: runs what was handed to it only when the test says so. */
    private final Queue<Runnable> background = new ArrayDeque<>();

    private final LeaseBook book =
            new LeaseBook(source, LeaseBook.Settings.DEFAULT, background::add);

    @Test
    void theNextLeaseIsAskedForInTheBackgroundOnceHalfIsSpentAndServingsNeverAskTheSource() {
        // when: 10 of a lease of 20 spent
        serve(10, 100 * CENT);

        // then: the next lease is asked for in the background, not by the serving
        assertThat(source.takes).isEqualTo(1);
        assertThat(background).hasSize(1);

        // when: the rest of the first lease is spent while the next is on its way
        serve(10, 100 * CENT);

        // then: no serving asked the source
        assertThat(source.takes).isEqualTo(1);

        // when: the background takes it, and the 21st serving comes
        runBackground();
        assertThat(source.takes).isEqualTo(2);
        serve(1, 100 * CENT);

        // then: served from the next lease without asking the source; the first is settled in
        // the background
        assertThat(source.takes).isEqualTo(2);
        assertThat(book.outstandingMicros()).isEqualTo(19 * CENT);
        assertThat(source.openLeases()).isEqualTo(2);
        runBackground();
        assertThat(source.openLeases()).isEqualTo(1);
        book.settleAll();
        assertThat(source.reserved(KEY)).isEqualTo(21 * CENT);
        assertThat(source.openLeases()).isZero();
    }

    @Test
    void aNextLeaseNotYetSpentFromFlowsBackWhenTheBookSettles() {
        // given: the next lease taken, none of it spent
        serve(10, 100 * CENT);
        runBackground();
        assertThat(source.reserved(KEY)).isEqualTo(40 * CENT);

        // when
        book.settleIdle(NOW.plus(LeaseBook.Settings.DEFAULT.idle()));

        // then: only what was spent stays reserved
        assertThat(source.reserved(KEY)).isEqualTo(10 * CENT);
        assertThat(source.openLeases()).isZero();
        assertThat(book.counts().returnedMicros()).isEqualTo(30 * CENT);
    }

    @Test
    void theNextLeaseIsWhatIsLeftOfTheBudgetAndARefusedNextLeaseIsARefusal() {
        // when: a budget of 0.25 — a lease of 20, the next of the 5 left, then nothing
        int served = 0;
        for (int i = 0; i < 30; i++) {
            if (book.spend(KEY, CENT, 25 * CENT, NOW) != null) {
                served++;
            }
            runBackground();
        }

        // then: exactly the budget, the refusal cached: the source asked 3 times in all
        assertThat(served).isEqualTo(25);
        assertThat(source.reserved(KEY)).isEqualTo(25 * CENT);
        assertThat(source.takes).isEqualTo(3);
        assertThat(book.counts().refused()).isEqualTo(1);
        assertThat(book.counts().taken()).isEqualTo(2);
    }

    @Test
    void eightServersPrefetchingOnThreadsNeverSpendMoreThanTheBudget() throws Exception {
        // given: 20.00 at 0.01 per serving, 8 books (servers) of 8 threads, each with a prefetcher
        long budget = 2000 * CENT;
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<LeaseBook> servers = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            servers.add(new LeaseBook(source, LeaseBook.Settings.DEFAULT, threads));
        }
        // when
        long spent = LeaseBookTest.hammer(servers, KEY, CENT, budget, NOW);
        servers.forEach(LeaseBook::settleAll);
        threads.shutdown();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        // then: never more than the budget, nearly all of it, and every cent accounted
        assertThat(spent).isLessThanOrEqualTo(budget);
        assertThat(spent).isGreaterThan(budget - 8 * 2 * 20 * CENT);
        assertThat(source.reserved(KEY)).isEqualTo(spent);
        assertThat(source.openLeases()).isZero();
    }

    private void serve(int servings, long limit) {
        for (int i = 0; i < servings; i++) {
            assertThat(book.spend(KEY, CENT, limit, NOW)).isNotNull();
        }
    }

    private void runBackground() {
        Runnable task;
        while ((task = background.poll()) != null) {
            task.run();
        }
    }
}
