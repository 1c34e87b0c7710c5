import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load script: what budget leases cost an ad request. Makes two live ads alike but for their
 * budget, each alone in a region of its own: one without a budget, one with a daily budget too
 * large to run out (so every serving reserves its price from a lease, and every 20th takes a new
 * lease from PostgreSQL). Then asks for ads in the two regions in alternating rounds from several
 * clients, and prints ad requests per second of each and their ratio.
 *
 * <p>Run against a server started with the {@code it} profile (its tokens), with the test classes
 * on the class path: {@code java -cp target/test-classes:target/classes:$(cat
 * target/run.classpath) bench/AdRequestsWithLeases.java <port> <requests-per-round> <rounds>
 * [clients]}
 */
public class AdRequestsWithLeases {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int perRound = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        ApiClient api = new ApiClient(port);
        ApiFixtures given = new ApiFixtures(api);
        var plain = given.givenLiveAd(Map.of());
        var budgeted =
                given.givenLiveAd(
                        Map.of(
                                "budget_mode",
                                "BUDGET_MODE_DAY",
                                "budget",
                                1_000_000,
                                "pacing",
                                "PACING_MODE_FAST"));
        String plainRegion = ApiFixtures.regionOf(plain.adId());
        String budgetedRegion = ApiFixtures.regionOf(budgeted.adId());
        given.servedAd(plain.adId(), "warm");
        given.servedAd(budgeted.adId(), "warm");
        run(api, plainRegion, plain.adId(), 200, clients);
        run(api, budgetedRegion, budgeted.adId(), 200, clients);

        double plainSum = 0;
        double leasedSum = 0;
        System.out.println("round | without budget (req/s) | with budget leases (req/s) | ratio");
        for (int r = 1; r <= rounds; r++) {
            double without = run(api, plainRegion, plain.adId(), perRound, clients);
            double with = run(api, budgetedRegion, budgeted.adId(), perRound, clients);
            plainSum += without;
            leasedSum += with;
            System.out.printf("%d | %.0f | %.0f | %.3f%n", r, without, with, with / without);
        }
        System.out.printf(
                "mean | %.0f | %.0f | %.3f%n",
                plainSum / rounds, leasedSum / rounds, leasedSum / plainSum);
    }

    /** Ad requests per second; fails when the ad is not served (it must be, every time). */
    static double run(ApiClient api, String region, String adId, int requests, int clients)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger missed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(
                    pool.submit(
                            () -> {
                                int i;
                                while ((i = next.getAndIncrement()) < requests) {
                                    if (!served(api, region, adId, "bench-" + i + "-" + started)) {
                                        missed.incrementAndGet();
                                    }
                                }
                            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        if (missed.get() > 0) {
            throw new IllegalStateException(missed + " requests did not serve ad " + adId);
        }
        return requests / seconds;
    }

    static boolean served(ApiClient api, String region, String adId, String viewer) {
        return new ApiFixtures(api).impressionIn(adId, viewer, region) != null;
    }
}
