package io.sparkads.delivery.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One server's budget leases: for each budget, the slice it holds and how much of it it has spent.
 * Serving an ad spends its charged price from the lease in memory, under a short lock per budget;
 * only when the lease runs out or nears its expiry is it settled (the unused part flows back) and a
 * new one taken from the {@link LeaseSource}. When the source refuses, the budget is refused
 * without asking again for {@link Settings#refusalCache()}.
 *
 * <p>A lease is used only until {@code expiresAt - safety}: the source reclaims an expired lease's
 * reservation, so a lease must be settled before that, which {@link #settleIdle} does.
 *
 * <p>With a prefetcher, the next lease is taken in the background once half of the current one is
 * spent, so that a serving waits for the source only when the budget is used faster than a lease's
 * second half lasts; the spent lease is then settled in the background as well. The next lease is
 * reserved in the source like any other, so two held at once never reserve more than the budget:
 * the overspend bound does not change.
 */
public final class LeaseBook {

    /**
     * @param sliceEvents how many billing events one lease covers
     * @param ttl how long a lease lasts in the source
     * @param safety how long before its expiry a lease is no longer spent from and is settled
     * @param idle after how long without spending a lease is settled
     * @param refusalCache how long a refused budget stays refused without asking the source
     */
    public record Settings(
            int sliceEvents, Duration ttl, Duration safety, Duration idle, Duration refusalCache) {
        public static final Settings DEFAULT =
                new Settings(
                        20,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(1));

        public Settings {
            if (sliceEvents < 1) {
                throw new IllegalArgumentException("sliceEvents must be at least 1");
            }
            if (safety.compareTo(ttl) >= 0) {
                throw new IllegalArgumentException("safety must be shorter than ttl");
            }
        }
    }

    /** What the book did, for metrics. */
    public record Counts(long taken, long returned, long refused, long returnedMicros) {}

    private final LeaseSource source;
    private final Settings settings;
    private final Map<BudgetKey, Account> accounts = new ConcurrentHashMap<>();
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong returned = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong returnedMicros = new AtomicLong();

    private final Executor prefetcher;

    /** A book that takes each lease when the last one has run out, on the serving thread. */
    public LeaseBook(LeaseSource source, Settings settings) {
        this(source, settings, null);
    }

    /**
     * A book that takes the next lease on {@code prefetcher} once half of the current one is spent;
     * {@code null}: none, on the serving thread when the last one has run out.
     */
    public LeaseBook(LeaseSource source, Settings settings, Executor prefetcher) {
        this.source = source;
        this.settings = settings;
        this.prefetcher = prefetcher;
    }

    /**
     * Spends {@code micros} of the budget, from the lease held or a new one of up to {@code
     * sliceEvents × micros} under {@code limitMicros}; {@code null} when the budget has nothing
     * left. The answer is the spend to {@link #unspend} if the ad is not served after all.
     */
    public Spend spend(BudgetKey key, long micros, long limitMicros, Instant now) {
        if (micros <= 0) {
            throw new IllegalArgumentException("micros must be positive");
        }
        while (true) {
            Spend spend =
                    accounts.computeIfAbsent(key, Account::new).spend(micros, limitMicros, now);
            if (spend != RETIRED) {
                return spend;
            }
        }
    }

    /** A next lease whose taking failed: nothing was reserved, or its reservation expires. */
    private static final LeaseSource.Lease FAILED = new LeaseSource.Lease(-1, 0, Instant.MIN);

    /** Answered by an account the sweep just dropped: ask the map again. */
    private static final Spend RETIRED = new Spend(null, null, 0);

    /** Gives back a spend whose ad was not served (another of its budgets refused). */
    public void unspend(Spend spend) {
        spend.account.unspend(spend);
    }

    /**
     * Settles the leases not spent from for {@link Settings#idle()}, near their expiry, or of a
     * period that has ended; drops budgets that hold no lease.
     */
    public void settleIdle(Instant now) {
        for (Account account : List.copyOf(accounts.values())) {
            if (account.settleIfIdle(now)) {
                accounts.remove(account.key, account);
            }
        }
    }

    /** Settles every lease, as a server stops. */
    public void settleAll() {
        for (Account account : new ArrayList<>(accounts.values())) {
            account.retire();
        }
        accounts.clear();
    }

    /** What the leases held now still have unspent, in micros. */
    public long outstandingMicros() {
        long sum = 0;
        for (Account account : accounts.values()) {
            sum += account.outstanding();
        }
        return sum;
    }

    public Counts counts() {
        return new Counts(taken.get(), returned.get(), refused.get(), returnedMicros.get());
    }

    /** One spend from one lease. */
    public record Spend(Account account, LeaseSource.Lease lease, long micros) {}

    /** One budget as this server holds it. */
    public final class Account {
        private final BudgetKey key;
        private LeaseSource.Lease lease;
        private long used;
        private Instant useUntil;
        private Instant lastSpend;
        private Instant refusedUntil;
        private long refusedLimit;
        private boolean retired;

        /** The next lease, being taken in the background; {@code null} when none is asked for. */
        private CompletableFuture<LeaseSource.Lease> next;

        private long nextLimit;
        private Instant nextAskedAt;

        Account(BudgetKey key) {
            this.key = key;
        }

        synchronized Spend spend(long micros, long limitMicros, Instant now) {
            if (retired) {
                return RETIRED;
            }
            if (lease != null && now.isBefore(useUntil) && lease.amountMicros() - used >= micros) {
                used += micros;
                lastSpend = now;
                if (prefetcher != null && next == null && used * 2 >= lease.amountMicros()) {
                    prefetch(micros, limitMicros, now);
                }
                return new Spend(this, lease, micros);
            }
            if (next != null && switchToNext(micros, now)) {
                used = micros;
                lastSpend = now;
                return new Spend(this, lease, micros);
            }
            if (refusedUntil != null && now.isBefore(refusedUntil) && limitMicros <= refusedLimit) {
                return null;
            }
            settle();
            long wanted = Math.max(micros, saturatedMultiply(micros, settings.sliceEvents()));
            LeaseSource.Lease fresh = source.take(key, wanted, micros, limitMicros, now);
            if (fresh == null) {
                refused.incrementAndGet();
                refusedUntil = now.plus(settings.refusalCache());
                refusedLimit = limitMicros;
                return null;
            }
            taken.incrementAndGet();
            refusedUntil = null;
            lease = fresh;
            used = micros;
            useUntil = fresh.expiresAt().minus(settings.safety());
            lastSpend = now;
            return new Spend(this, lease, micros);
        }

        /** Asks for the next lease in the background; the serving goes on from the current one. */
        private void prefetch(long micros, long limitMicros, Instant now) {
            long wanted = Math.max(micros, saturatedMultiply(micros, settings.sliceEvents()));
            nextLimit = limitMicros;
            nextAskedAt = now;
            next =
                    CompletableFuture.supplyAsync(
                            () -> source.take(key, wanted, micros, limitMicros, now), prefetcher);
        }

        /**
         * Settles the current lease and makes the next one current, waiting for it if it is still
         * on its way; whether there is one to spend {@code micros} from. A refused next lease is
         * remembered as a refusal at the limit it was asked under.
         */
        private boolean switchToNext(long micros, Instant now) {
            LeaseSource.Lease fresh = awaitNext();
            if (fresh == FAILED) {
                return false; // the serving asks again itself, and sees the failure
            }
            if (fresh == null) {
                refused.incrementAndGet();
                refusedUntil = nextAskedAt.plus(settings.refusalCache());
                refusedLimit = nextLimit;
                return false;
            }
            taken.incrementAndGet();
            Instant freshUntil = fresh.expiresAt().minus(settings.safety());
            if (!now.isBefore(freshUntil) || fresh.amountMicros() < micros) {
                settle(fresh, 0);
                return false;
            }
            // the spent lease is settled in the background too: the serving does not wait for it
            if (lease != null) {
                LeaseSource.Lease spent = lease;
                long spentMicros = used;
                prefetcher.execute(() -> settle(spent, spentMicros));
            }
            refusedUntil = null;
            lease = fresh;
            useUntil = freshUntil;
            return true;
        }

        /** The next lease, once taken; {@code null} when refused, {@link #FAILED} on failure. */
        private LeaseSource.Lease awaitNext() {
            CompletableFuture<LeaseSource.Lease> asked = next;
            next = null;
            try {
                return asked.join();
            } catch (CompletionException failed) {
                return FAILED;
            }
        }

        synchronized void unspend(Spend spend) {
            if (lease == spend.lease()) {
                used -= spend.micros();
            } // else the lease was settled with the spend counted: it stays spent, the safe side
        }

        /** Settles an idle or expiring lease; whether the account holds none now. */
        synchronized boolean settleIfIdle(Instant now) {
            if (lease != null
                    && (!now.isBefore(useUntil)
                            || !now.isBefore(lastSpend.plus(settings.idle())))) {
                settle();
            }
            retired = lease == null && (refusedUntil == null || !now.isBefore(refusedUntil));
            return retired;
        }

        /** Settles the current lease, and the next one if it was asked for, unspent. */
        synchronized void settle() {
            if (next != null) {
                LeaseSource.Lease unused = awaitNext();
                if (unused != null && unused != FAILED) {
                    taken.incrementAndGet();
                    settle(unused, 0);
                }
            }
            if (lease == null) {
                return;
            }
            settle(lease, used);
            lease = null;
            used = 0;
        }

        private void settle(LeaseSource.Lease settled, long usedMicros) {
            source.settle(key, settled, usedMicros);
            returned.incrementAndGet();
            returnedMicros.addAndGet(settled.amountMicros() - usedMicros);
        }

        synchronized void retire() {
            settle();
            retired = true;
        }

        synchronized long outstanding() {
            return lease == null ? 0 : lease.amountMicros() - used;
        }
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }
}
