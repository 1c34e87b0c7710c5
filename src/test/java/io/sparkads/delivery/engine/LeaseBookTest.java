package io.sparkads.delivery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LeaseBookTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final long CENT = 10_000;
    private static final BudgetKey KEY = new BudgetKey("ADGROUP", 7, "D2026-06-01");

    private final InMemoryLeaseSource source = new InMemoryLeaseSource();
    private final LeaseBook book = new LeaseBook(source, LeaseBook.Settings.DEFAULT);

    @Test
    void spendsFromOneLeaseUntilItRunsOut() {
        // when: 25 servings of 0.01 with leases of 20
        int served = 0;
        for (int i = 0; i < 25; i++) {
            if (book.spend(KEY, CENT, 100 * CENT, NOW) != null) {
                served++;
            }
        }

        // then: two leases, the second with 15 unspent
        assertThat(served).isEqualTo(25);
        assertThat(source.takes).isEqualTo(2);
        assertThat(source.reserved(KEY)).isEqualTo(40 * CENT);
        assertThat(book.outstandingMicros()).isEqualTo(15 * CENT);
    }

    @Test
    void theLastLeaseIsWhatIsLeftOfTheBudgetAndThenTheBudgetRefuses() {
        // when: a budget of 0.25 — a lease of 20 events, then one of the 5 left
        int served = 0;
        for (int i = 0; i < 30; i++) {
            if (book.spend(KEY, CENT, 25 * CENT, NOW) != null) {
                served++;
            }
        }

        // then
        assertThat(served).isEqualTo(25);
        assertThat(source.reserved(KEY)).isEqualTo(25 * CENT);
        assertThat(book.counts().refused()).isEqualTo(1); // cached: asked once
        assertThat(source.takes).isEqualTo(3);
    }

    @Test
    void aRefusalIsCachedBrieflyThenAskedAgain() {
        // given: the budget is used up
        for (int i = 0; i < 20; i++) {
            book.spend(KEY, CENT, 20 * CENT, NOW);
        }
        assertThat(book.spend(KEY, CENT, 20 * CENT, NOW)).isNull();
        int takes = source.takes;

        // when / then: refused without asking within the second, asked again after it
        assertThat(book.spend(KEY, CENT, 20 * CENT, NOW.plusMillis(500))).isNull();
        assertThat(source.takes).isEqualTo(takes);
        assertThat(book.spend(KEY, CENT, 20 * CENT, NOW.plusSeconds(2))).isNull();
        assertThat(source.takes).isEqualTo(takes + 1);
        // a raised budget is asked at once
        assertThat(book.spend(KEY, CENT, 30 * CENT, NOW.plusSeconds(2))).isNotNull();
    }

    @Test
    void anIdleLeaseIsSettledAndItsUnusedPartFlowsBack() {
        // given: 3 of a lease of 20 spent
        for (int i = 0; i < 3; i++) {
            book.spend(KEY, CENT, 100 * CENT, NOW);
        }

        // when: not yet idle, then idle
        book.settleIdle(NOW.plusSeconds(1));
        long whileHeld = source.reserved(KEY);
        book.settleIdle(NOW.plus(LeaseBook.Settings.DEFAULT.idle()));

        // then
        assertThat(whileHeld).isEqualTo(20 * CENT);
        assertThat(source.reserved(KEY)).isEqualTo(3 * CENT);
        assertThat(source.openLeases()).isZero();
        assertThat(book.counts().returnedMicros()).isEqualTo(17 * CENT);
    }

    @Test
    void aLeaseIsNotSpentFromNearItsExpiry() {
        // given
        book.spend(KEY, CENT, 100 * CENT, NOW);
        Duration ttl = LeaseBook.Settings.DEFAULT.ttl();
        Duration safety = LeaseBook.Settings.DEFAULT.safety();

        // when: spending at the safety margin takes a new lease, settling the first
        book.spend(KEY, CENT, 100 * CENT, NOW.plus(ttl).minus(safety));

        // then: 1 spent of the first, the second held whole
        assertThat(source.takes).isEqualTo(2);
        assertThat(source.reserved(KEY)).isEqualTo(CENT + 20 * CENT);
    }

    @Test
    void aDeadServersLeaseFlowsBackWhenItExpires() {
        // given: a server takes a lease and dies
        LeaseBook dead = new LeaseBook(source, LeaseBook.Settings.DEFAULT);
        dead.spend(KEY, CENT, 20 * CENT, NOW);
        assertThat(book.spend(KEY, CENT, 20 * CENT, NOW)).isNull();

        // when: after its expiry another server asks
        Instant later = NOW.plus(LeaseBook.Settings.DEFAULT.ttl()).plusSeconds(1);

        // then
        assertThat(book.spend(KEY, CENT, 20 * CENT, later)).isNotNull();
        assertThat(source.reserved(KEY)).isEqualTo(20 * CENT);
    }

    @Test
    void anUnspentServingGoesBackToItsLease() {
        // given
        LeaseBook.Spend spend = book.spend(KEY, CENT, 100 * CENT, NOW);

        // when
        book.unspend(spend);
        book.settleAll();

        // then
        assertThat(source.reserved(KEY)).isZero();
    }

    @Test
    void eightServersOfEightThreadsNeverSpendMoreThanTheBudget() throws Exception {
        // given: 20.00 at 0.01 per serving, 8 books (servers) of 8 threads each
        long budget = 2000 * CENT;
        List<LeaseBook> servers = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            servers.add(new LeaseBook(source, LeaseBook.Settings.DEFAULT));
        }
        // when
        long spent = hammer(servers, KEY, CENT, budget, NOW);
        servers.forEach(LeaseBook::settleAll);

        // then: 12800 tries for 2000 servings: exactly the budget, and all of it accounted
        assertThat(spent).isEqualTo(budget);
        assertThat(source.reserved(KEY)).isEqualTo(budget);
    }

    /**
     * 64 threads, spread over the servers, each trying 200 servings of {@code micros} at once; what
     * they spent.
     */
    static long hammer(
            List<LeaseBook> servers, BudgetKey key, long micros, long budget, Instant now)
            throws InterruptedException {
        AtomicLong spent = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 64; t++) {
            LeaseBook server = servers.get(t % servers.size());
            Thread thread =
                    new Thread(
                            () -> {
                                try {
                                    start.await();
                                } catch (InterruptedException e) {
                                    return;
                                }
                                for (int i = 0; i < 200; i++) {
                                    if (server.spend(key, micros, budget, now) != null) {
                                        spent.addAndGet(micros);
                                    }
                                }
                            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return spent.get();
    }
}
