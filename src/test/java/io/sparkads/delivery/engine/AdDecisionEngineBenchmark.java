package io.sparkads.delivery.engine;

import io.sparkads.common.AdLineage;
import io.sparkads.common.Creative;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the ad decision engine over 10,000 candidates, and of impression ids. Not a test
 * (surefire skips *Benchmark); run it as docs/benchmarks.md says.
 *
 * <p>The candidates are drawn from a fixed seed: 10% TopView; about a third untargeted, the rest
 * restricted on a random mix of region, age, gender, language, interests and OS; 60% CPM, 25% CPC,
 * 15% CPV with bids in whole cents (so some eCPMs tie); 85% live, 10% ended, 5% not yet started;
 * 80% Spark, several ads sometimes sharing a post. Requests cycle through 1024 viewers with a few
 * excluded items each.
 *
 * <p>Each iteration line also shows the benchmark thread's CPU time per operation, "(cpu N ns/op)",
 * which stays meaningful when other processes share the machine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class AdDecisionEngineBenchmark {

    static final int CANDIDATES = 10_000;
    static final int VIEWERS = 1024;
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final byte[] SECRET =
            "benchmark secret of at least thirty-two bytes".getBytes(StandardCharsets.US_ASCII);

    private static final List<String> REGIONS =
            List.of(
                    "US", "GB", "DE", "FR", "ES", "IT", "NL", "SE", "PL", "BR", "MX", "CA", "AU",
                    "JP", "KR", "ID", "PH", "VN", "TH", "MY");
    private static final List<String> AGE_GROUPS =
            List.of("AGE_13_17", "AGE_18_24", "AGE_25_34", "AGE_35_44", "AGE_45_54", "AGE_55_100");
    private static final List<String> GENDERS = List.of("FEMALE", "MALE");
    private static final List<String> LANGUAGES =
            List.of("en", "de", "fr", "es", "it", "pt", "ja", "ko");
    private static final List<String> OPERATING_SYSTEMS = List.of("ANDROID", "IOS");
    private static final List<String> INTERESTS = numbered("interest-", 30);

    /**
     * The engine loaded with the candidates, and the requests' ids, viewers and exclusions. With
     * {@code rates=assumed} the engine ranks at the fixed rates and never explores (the ranking
     * before learning); with {@code rates=learned} it ranks by estimates from random outcomes per
     * ad (10% of the ads under 1,000 impressions, so still judged by exploration) and explores 5%
     * of requests.
     */
    @State(Scope.Benchmark)
    public static class Loaded {
        @Param({"assumed", "learned"})
        String rates;

        AdDecisionEngine engine;
        List<AdCandidate> ads;
        String[] requestIds;
        Viewer[] viewers;
        Set<Long>[] exclusions;

        @Setup(Level.Trial)
        @SuppressWarnings("unchecked")
        public void load() {
            Random random = new Random(42);
            ads = new ArrayList<>();
            for (int i = 0; i < CANDIDATES; i++) {
                ads.add(candidate(random, i + 1));
            }
            boolean learned = rates.equals("learned");
            engine =
                    new AdDecisionEngine(
                            new ImpressionIds(SECRET),
                            InstantSource.fixed(NOW),
                            learned ? new Exploration(0.05, 42) : Exploration.NONE);
            engine.replaceAll(ads);
            if (learned) {
                engine.useRates(RateEstimates.estimate(outcomes(random, ads)));
            }
            requestIds = new String[VIEWERS];
            for (int v = 0; v < VIEWERS; v++) {
                requestIds[v] = "request-" + v;
            }
            viewers = new Viewer[VIEWERS];
            exclusions = new Set[VIEWERS];
            for (int v = 0; v < VIEWERS; v++) {
                viewers[v] = viewer(random, v);
                Set<Long> excluded = new HashSet<>();
                for (int x = 0; x < 5; x++) {
                    excluded.add(itemId(random));
                }
                exclusions[v] = excluded;
            }
        }
    }

    /** The number of feed slots asked for. */
    @State(Scope.Benchmark)
    public static class Slots {
        @Param({"1", "5"})
        int slots;
    }

    /** Each thread's own place in the cycle of viewers. */
    @State(Scope.Thread)
    public static class Cursor {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        int next;
        private int nextAtStart;
        private long cpuNanosAtStart;

        int advance() {
            return next++ & (VIEWERS - 1);
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            nextAtStart = next;
            cpuNanosAtStart = THREADS.getCurrentThreadCpuTime();
        }

        /**
         * Prints the benchmark thread's CPU time per operation, which unlike throughput does not
         * count the time other processes on a shared machine had the CPU.
         */
        @TearDown(Level.Iteration)
        public void endIteration() {
            long operations = next - nextAtStart;
            if (operations > 0) {
                long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuNanosAtStart;
                System.out.printf("(cpu %.0f ns/op) ", cpuNanos / (double) operations);
            }
        }
    }

    /** Impression ids issued beforehand, to verify. */
    @State(Scope.Benchmark)
    public static class Issued {
        ImpressionIds ids;
        AdCandidate ad;
        String[] issued;

        @Setup(Level.Trial)
        public void issue() {
            ids = new ImpressionIds(SECRET);
            ad = candidate(new Random(7), 1);
            issued = new String[VIEWERS];
            for (int i = 0; i < VIEWERS; i++) {
                issued[i] = ids.issue(ad, NOW.plusMillis(i));
            }
        }
    }

    @Benchmark
    public List<Decision> decideInFeed(Loaded loaded, Slots slots, Cursor cursor) {
        int v = cursor.advance();
        return loaded.engine.decide(
                new AdRequest(
                        loaded.requestIds[v],
                        Placement.IN_FEED,
                        slots.slots,
                        loaded.viewers[v],
                        loaded.exclusions[v]));
    }

    @Benchmark
    public List<Decision> decideTopView(Loaded loaded, Cursor cursor) {
        int v = cursor.advance();
        return loaded.engine.decide(
                new AdRequest(
                        loaded.requestIds[v], Placement.TOPVIEW, 1, loaded.viewers[v], Set.of()));
    }

    @Benchmark
    public String issueImpressionId(Issued issued, Cursor cursor) {
        cursor.advance();
        return issued.ids.issue(issued.ad, NOW);
    }

    @Benchmark
    public Object verifyImpressionId(Issued issued, Cursor cursor) {
        return issued.ids.verify(issued.issued[cursor.advance()]);
    }

    /** A write: one ad replaced in the 10,000 (copy-on-write), for the cost of an update. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void upsertOne(Loaded loaded, Cursor cursor) {
        loaded.engine.upsert(loaded.ads.get(cursor.advance()));
    }

    /** A write: the whole set of 10,000 ads replaced, as at start-up or a full reload. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void replaceAll(Loaded loaded, Cursor cursor) {
        cursor.advance();
        loaded.engine.replaceAll(loaded.ads);
    }

    /** Random outcomes of each ad: click-through 0.2% to 3%, 10% of ads with few impressions. */
    static List<RateEstimates.AdOutcomes> outcomes(Random random, List<AdCandidate> ads) {
        List<RateEstimates.AdOutcomes> outcomes = new ArrayList<>();
        for (AdCandidate ad : ads) {
            long impressions =
                    random.nextInt(10) == 0
                            ? random.nextInt(1_000)
                            : 1_000 + random.nextInt(200_000);
            double ctr = 0.002 + random.nextDouble() * 0.028;
            long clicks = (long) (impressions * ctr);
            outcomes.add(
                    new RateEstimates.AdOutcomes(
                            ad.lineage(),
                            ad.placement(),
                            new Outcomes(
                                    impressions,
                                    clicks,
                                    (long) (impressions * (0.1 + random.nextDouble() * 0.3)),
                                    impressions / 10,
                                    clicks / 20,
                                    (long) (impressions * random.nextDouble() * 0.06),
                                    impressions / 200,
                                    impressions / 500)));
        }
        return outcomes;
    }

    static AdCandidate candidate(Random random, long adId) {
        boolean spark = random.nextInt(100) < 80;
        Placement placement = random.nextInt(100) < 10 ? Placement.TOPVIEW : Placement.IN_FEED;
        int schedule = random.nextInt(100);
        Instant start;
        Instant end;
        if (schedule < 85) {
            start = NOW.minus(Duration.ofHours(1 + random.nextInt(24 * 30)));
            end = random.nextBoolean() ? null : NOW.plus(Duration.ofHours(1 + random.nextInt(720)));
        } else if (schedule < 95) {
            start = NOW.minus(Duration.ofDays(30));
            end = NOW.minus(Duration.ofHours(1 + random.nextInt(600)));
        } else {
            start = NOW.plus(Duration.ofHours(1 + random.nextInt(720)));
            end = null;
        }
        int billing = random.nextInt(100);
        BillingEvent billingEvent;
        long bidMicros;
        if (billing < 60) {
            billingEvent = BillingEvent.CPM;
            bidMicros = cents(random, 50, 2000); // 0.50 to 20.00 per 1000 impressions
        } else if (billing < 85) {
            billingEvent = BillingEvent.CPC;
            bidMicros = cents(random, 5, 200); // 0.05 to 2.00 per click
        } else {
            billingEvent = BillingEvent.CPV;
            bidMicros = cents(random, 1, 8); // 0.01 to 0.08 per 6-second view
        }
        return new AdCandidate(
                new AdLineage(adId, adId / 3 + 1, adId / 10 + 1, adId / 50 + 1),
                spark ? itemId(random) : null,
                spark,
                placement,
                random.nextInt(100) < 33 ? Targeting.everyone() : targeting(random),
                start,
                end,
                billingEvent,
                bidMicros,
                new Creative(
                        "acct-" + adId,
                        "Account " + adId,
                        "https://cdn.example/a/" + adId + ".jpg",
                        "Caption " + adId,
                        "https://cdn.example/v/" + adId + ".mp4",
                        null,
                        "LEARN_MORE",
                        "PROFILE_PAGE",
                        null),
                Goal.CLICK);
    }

    private static Targeting targeting(Random random) {
        return new Targeting(
                random.nextInt(100) < 70 ? pick(random, REGIONS, 1 + random.nextInt(3)) : Set.of(),
                random.nextInt(100) < 40
                        ? pick(random, AGE_GROUPS, 1 + random.nextInt(3))
                        : Set.of(),
                random.nextInt(100) < 30 ? pick(random, GENDERS, 1) : Set.of(),
                random.nextInt(100) < 30
                        ? pick(random, LANGUAGES, 1 + random.nextInt(2))
                        : Set.of(),
                random.nextInt(100) < 50
                        ? pick(random, INTERESTS, 1 + random.nextInt(3))
                        : Set.of(),
                random.nextInt(100) < 20 ? pick(random, OPERATING_SYSTEMS, 1) : Set.of());
    }

    private static Viewer viewer(Random random, int v) {
        List<String> interests = new ArrayList<>(pick(random, INTERESTS, random.nextInt(6)));
        return new Viewer(
                "viewer-" + v,
                orUnknown(random, REGIONS.get(random.nextInt(REGIONS.size()))),
                orUnknown(random, AGE_GROUPS.get(random.nextInt(AGE_GROUPS.size()))),
                orUnknown(random, GENDERS.get(random.nextInt(GENDERS.size()))),
                interests,
                orUnknown(random, LANGUAGES.get(random.nextInt(LANGUAGES.size()))),
                orUnknown(random, OPERATING_SYSTEMS.get(random.nextInt(OPERATING_SYSTEMS.size()))));
    }

    /** 8,000 posts for 8,000 Spark ads: some posts are in several ads. */
    private static long itemId(Random random) {
        return 1_000_000L + random.nextInt(8000);
    }

    private static long cents(Random random, int fromCents, int toCents) {
        return (fromCents + random.nextInt(toCents - fromCents + 1)) * 10_000L;
    }

    private static String orUnknown(Random random, String value) {
        return random.nextInt(100) < 5 ? null : value;
    }

    private static Set<String> pick(Random random, List<String> values, int count) {
        List<String> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return Set.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
    }

    private static List<String> numbered(String prefix, int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(prefix + i);
        }
        return List.copyOf(values);
    }
}
