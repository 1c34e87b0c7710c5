package io.sparkads.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hammers one budgeted ad as host apps under load do: threads that each ask for ads in the ad's
 * region for ever new viewers and send an impression event (in batches of 20) for every time the ad
 * is served, spread over the servers given, until no thread has seen the ad for {@code quiet}
 * (longer than leases take to be given back and refusals to be asked again, so every lease is
 * drained).
 */
public final class BudgetHammer {
    /** What the hammering did. */
    public record Result(int served, int requests, int eventsRejected, Duration took) {}

    private static final int EVENTS_PER_BATCH = 20;

    private BudgetHammer() {}

    public static Result hammer(
            List<ApiClient> servers, String adId, String region, int threads, Duration quiet)
            throws InterruptedException {
        AtomicInteger served = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicLong lastServed = new AtomicLong(System.nanoTime());
        Instant started = Instant.now();
        long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            ApiFixtures api = new ApiFixtures(servers.get(t % servers.size()));
            ApiClient client = servers.get(t % servers.size());
            String prefix = "hammer-" + t + "-" + ApiFixtures.unique();
            Thread worker =
                    new Thread(
                            () -> {
                                int n = 0;
                                List<String> unsent = new ArrayList<>();
                                while (System.nanoTime() - lastServed.get() < quiet.toNanos()
                                        && System.nanoTime() < deadline) {
                                    requests.incrementAndGet();
                                    String impression =
                                            api.impressionIn(adId, prefix + n++, region);
                                    if (impression == null) {
                                        continue;
                                    }
                                    served.incrementAndGet();
                                    lastServed.set(System.nanoTime());
                                    unsent.add(impression);
                                    if (unsent.size() == EVENTS_PER_BATCH) {
                                        send(client, unsent, rejected);
                                    }
                                }
                                send(client, unsent, rejected);
                            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new Result(
                served.get(),
                requests.get(),
                rejected.get(),
                Duration.between(started, Instant.now()));
    }

    /** Sends the impressions in one batch, as host apps do; counts a refused batch whole. */
    private static void send(ApiClient api, List<String> impressions, AtomicInteger rejected) {
        if (impressions.isEmpty()) {
            return;
        }
        List<Map<String, Object>> events = new ArrayList<>();
        for (String impressionId : impressions) {
            events.add(
                    Map.of(
                            "event_id",
                            ApiFixtures.unique(),
                            "type",
                            "IMPRESSION",
                            "occurred_at",
                            Instant.now().toString(),
                            "impression_id",
                            impressionId));
        }
        var response = api.platform("POST", "/events", Map.of("events", events));
        if (response.status() / 100 != 2) {
            rejected.addAndGet(impressions.size());
        }
        impressions.clear();
    }
}
