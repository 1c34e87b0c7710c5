package io.sparkads.delivery.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The shared budget table in memory, as the tests of leases take from it. */
final class InMemoryLeaseSource implements LeaseSource {
    private final Map<BudgetKey, Long> reserved = new HashMap<>();
    private final Map<Long, BudgetKey> held = new HashMap<>();
    private final Map<Long, Lease> leases = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final java.time.Duration ttl = LeaseBook.Settings.DEFAULT.ttl();
    int takes;

    @Override
    public synchronized Lease take(
            BudgetKey key, long wantedMicros, long minMicros, long limitMicros, Instant now) {
        takes++;
        leases.values()
                .removeIf(
                        lease -> {
                            if (lease.expiresAt().isAfter(now)
                                    || !held.get(lease.id()).equals(key)) {
                                return false;
                            }
                            reserved.merge(key, -lease.amountMicros(), Long::sum);
                            return true;
                        });
        long now0 = reserved.getOrDefault(key, 0L);
        long grant = Math.min(wantedMicros, limitMicros - now0);
        if (grant < minMicros) {
            return null;
        }
        reserved.put(key, now0 + grant);
        Lease lease = new Lease(ids.incrementAndGet(), grant, now.plus(ttl));
        held.put(lease.id(), key);
        leases.put(lease.id(), lease);
        return lease;
    }

    @Override
    public synchronized void settle(BudgetKey key, Lease lease, long usedMicros) {
        if (leases.remove(lease.id()) != null) {
            reserved.merge(key, -(lease.amountMicros() - usedMicros), Long::sum);
        } else {
            reserved.merge(key, usedMicros, Long::sum);
        }
    }

    synchronized long reserved(BudgetKey key) {
        return reserved.getOrDefault(key, 0L);
    }

    synchronized int openLeases() {
        return leases.size();
    }
}
