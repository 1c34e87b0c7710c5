package io.sparkads.delivery.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Throughput of the ad decision engine over 10,000, 100,000 and 1,000,000 candidates, and of
 * impression ids. Not a test (surefire skips *Benchmark); run it as docs/benchmarks.md says. The
 * ads, viewers and serving rules come from {@link BenchmarkAds}; requests cycle through 1024
 * viewers with a few excluded items each, and go through the serving rules' frequency caps, some
 * viewers already at the cap.
 *
 * <p>Each iteration line also shows the benchmark thread's CPU time per operation, "(cpu N ns/op)",
 * which stays meaningful when other processes share the machine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class AdDecisionEngineBenchmark {

    static final int VIEWERS = 1024;
    static final Instant NOW = BenchmarkAds.NOW;
    static final byte[] SECRET =
            "benchmark secret of at least thirty-two bytes".getBytes(StandardCharsets.US_ASCII);

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

        @Param({"10000", "100000", "1000000"})
        int ads;

        AdDecisionEngine engine;
        ServingRules rules;
        List<AdCandidate> candidates;
        String[] requestIds;
        Viewer[] viewers;
        Set<Long>[] exclusions;

        @Setup(Level.Trial)
        @SuppressWarnings("unchecked")
        public void load() {
            Random random = new Random(42);
            BenchmarkAds generator = new BenchmarkAds(random);
            rules = new ServingRules();
            candidates = generator.ads(ads, rules);
            boolean learned = rates.equals("learned");
            engine =
                    new AdDecisionEngine(
                            new ImpressionIds(SECRET),
                            InstantSource.fixed(NOW),
                            learned ? new Exploration(0.05, 42) : Exploration.NONE);
            engine.replaceAll(candidates);
            if (learned) {
                engine.useRates(RateEstimates.estimate(outcomes(random, candidates)));
            }
            requestIds = new String[VIEWERS];
            viewers = new Viewer[VIEWERS];
            exclusions = new Set[VIEWERS];
            for (int v = 0; v < VIEWERS; v++) {
                requestIds[v] = "request-" + v;
                viewers[v] = generator.viewer(v);
                Set<Long> excluded = new HashSet<>();
                for (int x = 0; x < 5; x++) {
                    excluded.add(generator.itemId());
                }
                exclusions[v] = excluded;
            }
            servePastRequests();
        }

        /** Three earlier requests per viewer, served, so capped ad groups stop some viewers. */
        private void servePastRequests() {
            for (int round = 0; round < 3; round++) {
                for (int v = 0; v < VIEWERS; v++) {
                    AdRequest request = request(v, Placement.IN_FEED, 5);
                    for (Decision decision : engine.decide(request, rules, NOW)) {
                        rules.serve(decision.ad(), viewers[v], NOW);
                    }
                }
            }
        }

        AdRequest request(int v, Placement placement, int slots) {
            return new AdRequest(
                    requestIds[v],
                    placement,
                    slots,
                    viewers[v],
                    placement == Placement.IN_FEED ? exclusions[v] : Set.of());
        }
    }

    /** The number of feed slots asked for. */
    @State(Scope.Benchmark)
    public static class Slots {
        @Param({"1", "5"})
        int slots;
    }

    /**
     * Each thread's own place in the cycle of viewers. With {@code -Dbench.cpuPercentiles=true} it
     * also reads the thread's CPU clock on every operation and prints the percentiles of the CPU
     * time between two reads, "(cpu p50/p90/p99/p99.9 N/N/N/N ns)": one operation, the harness's
     * loop and one clock read (about 0.3 µs), without the time other processes had the CPU, which
     * on a shared machine dominates the wall-clock percentiles of sample mode.
     */
    @State(Scope.Thread)
    public static class Cursor {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private static final boolean CPU_PERCENTILES = Boolean.getBoolean("bench.cpuPercentiles");

        int next;
        private int nextAtStart;
        private long cpuNanosAtStart;
        private final long[] cpuNanosPerOp = new long[CPU_PERCENTILES ? 1 << 20 : 0];
        private int recorded;
        private long lastCpuNanos;

        int advance() {
            if (CPU_PERCENTILES) {
                long cpu = THREADS.getCurrentThreadCpuTime();
                if (recorded < cpuNanosPerOp.length && lastCpuNanos > 0) {
                    cpuNanosPerOp[recorded++] = cpu - lastCpuNanos;
                }
                lastCpuNanos = cpu;
            }
            return next++ & (VIEWERS - 1);
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            nextAtStart = next;
            cpuNanosAtStart = THREADS.getCurrentThreadCpuTime();
            recorded = 0;
            lastCpuNanos = 0;
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
            if (recorded > 0) {
                long[] sorted = Arrays.copyOf(cpuNanosPerOp, recorded);
                Arrays.sort(sorted);
                System.out.printf(
                        "(cpu p50/p90/p99/p99.9 %d/%d/%d/%d ns) ",
                        sorted[recorded / 2],
                        sorted[(int) (recorded * 0.9)],
                        sorted[(int) (recorded * 0.99)],
                        sorted[(int) (recorded * 0.999)]);
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
            ad = new BenchmarkAds(new Random(7)).ads(1, new ServingRules()).get(0);
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
                loaded.request(v, Placement.IN_FEED, slots.slots), loaded.rules, NOW);
    }

    @Benchmark
    public List<Decision> decideTopView(Loaded loaded, Cursor cursor) {
        int v = cursor.advance();
        return loaded.engine.decide(loaded.request(v, Placement.TOPVIEW, 1), loaded.rules, NOW);
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

    /** A write: one ad replaced (copy-on-write), for the cost of an update. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void upsertOne(Loaded loaded, Cursor cursor) {
        loaded.engine.upsert(loaded.candidates.get(cursor.advance()));
    }

    /** A write: the whole set of ads replaced, as at start-up or a full reload. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void replaceAll(Loaded loaded, Cursor cursor) {
        cursor.advance();
        loaded.engine.replaceAll(loaded.candidates);
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
}
