package io.sparkads.delivery;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.Concurrently;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What shared serving counts cost an ad request: ad requests per second through the platform API
 * for a region whose one ad has no serving rule, beside a region whose one ad has a frequency cap
 * (1000 a day, so every serve takes a place in PostgreSQL and none is refused) and a TopView
 * reservation (1,000,000 a day, once per viewer). Rounds alternate between the three so a busy
 * machine slows them alike. Not a test (surefire skips *Benchmark); run it against a started server
 * as docs/benchmarks.md says.
 */
public class ServingCountsBenchmark {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        ApiFixtures given = new ApiFixtures(new ApiClient(port));

        String plain = ApiFixtures.uniqueRegion();
        given.givenLiveAd(Map.of("location_ids", List.of(plain)));
        String capped = ApiFixtures.uniqueRegion();
        given.givenLiveAd(
                Map.of(
                        "location_ids",
                        List.of(capped),
                        "frequency",
                        1000,
                        "frequency_schedule",
                        1));
        String topView = ApiFixtures.uniqueRegion();
        given.givenLiveAd(
                Map.of(
                        "location_ids",
                        List.of(topView),
                        "ad_placement",
                        "TOPVIEW",
                        "topview_daily_impressions",
                        1_000_000));

        run(given, "IN_FEED", plain, requests / 4, clients); // warm-up
        run(given, "IN_FEED", capped, requests / 4, clients);
        run(given, "TOPVIEW", topView, requests / 4, clients);
        double[] sums = new double[3];
        for (int round = 1; round <= rounds; round++) {
            double a = run(given, "IN_FEED", plain, requests, clients);
            double b = run(given, "IN_FEED", capped, requests, clients);
            double c = run(given, "TOPVIEW", topView, requests, clients);
            sums[0] += a;
            sums[1] += b;
            sums[2] += c;
            System.out.printf(
                    "round %d: no rule %.0f req/s, frequency cap %.0f req/s (%.2f), TopView %.0f req/s (%.2f)%n",
                    round, a, b, b / a, c, c / a);
        }
        System.out.printf(
                "mean: no rule %.0f req/s, frequency cap %.0f req/s (ratio %.2f), TopView %.0f req/s (ratio %.2f)%n",
                sums[0] / rounds,
                sums[1] / rounds,
                sums[1] / sums[0],
                sums[2] / rounds,
                sums[2] / sums[0]);
    }

    /** Requests per second for distinct viewers in the region; fails if one is not served. */
    static double run(ApiFixtures given, String placement, String region, int requests, int clients)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger empty = new AtomicInteger();
        long started = System.nanoTime();
        Concurrently.run(
                clients,
                client -> {
                    int n;
                    while ((n = next.getAndIncrement()) < requests) {
                        String viewer = region + "-" + n + "-" + System.nanoTime();
                        if (given.servedAdIds(placement, viewer, region).isEmpty()) {
                            empty.incrementAndGet();
                        }
                    }
                });
        double seconds = (System.nanoTime() - started) / 1e9;
        if (empty.get() > 0) {
            throw new IllegalStateException(empty + " requests in " + region + " served nothing");
        }
        return requests / seconds;
    }
}
