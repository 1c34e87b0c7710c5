package io.sparkads.delivery.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plays simulated viewers through the real {@link io.sparkads.delivery.engine.AdDecisionEngine}
 * three ways on the same traffic, and prints what each earned and gave: today's fixed-rate ranking,
 * the learned ranking, and an oracle that knows every ad's true rates. A benchmark, not a test: run
 * it as docs/benchmarks.md ("Delivery that learns: the simulator") says.
 *
 * <p>Arguments: requests (default 200,000), seed (default 42). One request asks for one In-Feed
 * slot, at 1,000 requests a second of simulated time.
 */
public final class DeliverySimulator {

    /** The goals of issue 13, judged at this many requests (or the last checkpoint before it). */
    static final long GOAL_CHECKPOINT = 100_000;

    private DeliverySimulator() {}

    public static void main(String[] args) {
        long[] numbers = new long[args.length];
        try {
            for (int i = 0; i < args.length; i++) {
                numbers[i] = Long.parseLong(args[i].replace("_", ""));
            }
        } catch (NumberFormatException e) {
            usage("not a whole number: " + e.getMessage());
            return;
        }
        long requests = args.length > 0 ? numbers[0] : 200_000;
        if (requests < 1) {
            usage("requests must be at least 1, was " + requests);
            return;
        }
        long started = System.nanoTime();
        if (args.length > 2) {
            // several seeds: one line of goals each
            System.out.println(
                    "| seed | revenue learned/fixed | CPC clicks per $ learned/fixed | same,"
                            + " oracle/fixed | revenue learned/oracle |");
            System.out.println("|---:|---:|---:|---:|---:|");
            for (int i = 1; i < args.length; i++) {
                System.out.println(run(Scenario.standard(numbers[i], requests)).goalRow());
            }
        } else {
            long seed = args.length > 1 ? numbers[1] : 42;
            System.out.print(run(Scenario.standard(seed, requests)).markdown());
        }
        System.out.printf(
                Locale.ROOT, "%n(%.1f s of wall time)%n", (System.nanoTime() - started) / 1e9);
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println(
                "usage: DeliverySimulator [requests, default 200000] [seed, default 42 | several"
                        + " seeds: one goals row each]");
        System.exit(2);
    }

    /** Runs the three arms on the scenario's common traffic. */
    static Report run(Scenario scenario) {
        Traffic traffic = new Traffic(scenario.seed(), scenario.segments());
        List<Arm> arms = List.of(Arm.fixed(scenario), Arm.learned(scenario), Arm.oracle(scenario));
        List<List<Figures>> checkpoints = new ArrayList<>();
        for (long request = 0; request < scenario.requests(); request++) {
            Instant now = Scenario.START.plusMillis(request);
            for (Arm arm : arms) {
                arm.serve(request, traffic, now);
            }
            long done = request + 1;
            if (done % scenario.refreshEvery() == 0) {
                for (Arm arm : arms) {
                    arm.refresh();
                }
            }
            if (scenario.checkpoints().contains(done)) {
                List<Figures> row = new ArrayList<>();
                for (Arm arm : arms) {
                    row.add(arm.figures(done));
                }
                checkpoints.add(row);
            }
        }
        if (Boolean.getBoolean("simulation.topAds")) {
            arms.forEach(arm -> System.out.println(arm.topAds(12)));
        }
        List<String> notes = new ArrayList<>();
        for (Arm arm : arms) {
            for (String note : List.of(arm.costPerConversionAgainstTarget(10), arm.cpcPricing())) {
                if (!note.isEmpty()) {
                    notes.add(note);
                }
            }
        }
        return new Report(scenario, checkpoints, notes);
    }

    /**
     * Every arm's figures at every checkpoint, in arm order fixed, learned, oracle.
     *
     * @param checkpoints per checkpoint, one {@link Figures} per arm
     * @param notes what else the run showed, one line each
     */
    record Report(Scenario scenario, List<List<Figures>> checkpoints, List<String> notes) {
        static final int FIXED = 0;
        static final int LEARNED = 1;
        static final int ORACLE = 2;

        Figures at(long requests, int arm) {
            for (List<Figures> row : checkpoints) {
                if (row.get(arm).requests() == requests) {
                    return row.get(arm);
                }
            }
            throw new IllegalArgumentException("no checkpoint at " + requests + " requests");
        }

        /** The checkpoint the goals are judged at: 100,000 requests, or the last before. */
        long goalCheckpoint() {
            long best = checkpoints.get(0).get(0).requests();
            for (List<Figures> row : checkpoints) {
                long at = row.get(0).requests();
                if (at <= GOAL_CHECKPOINT) {
                    best = at;
                }
            }
            return best;
        }

        String markdown() {
            StringBuilder out = new StringBuilder();
            out.append(
                    String.format(
                            Locale.ROOT,
                            "Seed %d, %,d requests of 1 In-Feed slot, %d ads (%s), refresh every"
                                    + " %,d requests, exploration share %.2f%n%s%n%n",
                            scenario.seed(),
                            scenario.requests(),
                            scenario.ads().size(),
                            adMix(),
                            scenario.refreshEvery(),
                            scenario.explorationShare(),
                            EngineSeams.describe()));
            out.append(
                    "| requests | arm | impressions | revenue $ | revenue vs oracle | window vs"
                            + " oracle | regret $ | CPC clicks per $ | CPC click-through | conversions per $ |"
                            + " engagements per impression | explored |\n");
            out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            List<Figures> previous = null;
            for (List<Figures> row : checkpoints) {
                Figures oracle = row.get(ORACLE);
                for (int arm = 0; arm < row.size(); arm++) {
                    Figures f = row.get(arm);
                    double before = previous == null ? 0 : previous.get(arm).revenue();
                    double oracleBefore = previous == null ? 0 : previous.get(ORACLE).revenue();
                    out.append(
                            String.format(
                                    Locale.ROOT,
                                    "| %,d | %s | %,d | %,.2f | %.3f | %.3f | %,.2f | %.2f | %.2f%% | %.3f"
                                            + " | %.4f | %.1f%% |%n",
                                    f.requests(),
                                    f.arm(),
                                    f.impressions(),
                                    f.revenue(),
                                    ratio(f.revenue(), oracle.revenue()),
                                    ratio(f.revenue() - before, oracle.revenue() - oracleBefore),
                                    oracle.revenue() - f.revenue(),
                                    f.cpcClicksPerDollar(),
                                    100 * f.cpcClickThrough(),
                                    f.conversionsPerDollar(),
                                    f.engagementRate(),
                                    100 * f.exploredShare()));
                }
                previous = row;
            }
            out.append(goals());
            notes.forEach(note -> out.append(note).append('\n'));
            return out.toString();
        }

        /**
         * The goals as one table row: seed and the three ratios, plus the oracle's clicks per $.
         */
        String goalRow() {
            long at = goalCheckpoint();
            Figures fixed = at(at, FIXED);
            Figures learned = at(at, LEARNED);
            Figures oracle = at(at, ORACLE);
            return String.format(
                    Locale.ROOT,
                    "| %d | %.2f× | %.2f× | %.2f× | %.3f |",
                    scenario.seed(),
                    ratio(learned.revenue(), fixed.revenue()),
                    ratio(learned.cpcClicksPerDollar(), fixed.cpcClicksPerDollar()),
                    ratio(oracle.cpcClicksPerDollar(), fixed.cpcClicksPerDollar()),
                    ratio(learned.revenue(), oracle.revenue()));
        }

        private String goals() {
            long at = goalCheckpoint();
            Figures fixed = at(at, FIXED);
            Figures learned = at(at, LEARNED);
            Figures oracle = at(at, ORACLE);
            double clicks = ratio(learned.cpcClicksPerDollar(), fixed.cpcClicksPerDollar());
            double revenue = ratio(learned.revenue(), fixed.revenue());
            double toOracle = ratio(learned.revenue(), oracle.revenue());
            return String.format(
                    Locale.ROOT,
                    "%nGoals at %,d requests: CPC clicks per $ learned/fixed %.2f× (goal ≥ 1.30: %s);"
                            + " revenue learned/fixed %.2f× (goal ≥ 1.10: %s); revenue"
                            + " learned/oracle %.3f (goal ≥ 0.90: %s)%n",
                    at,
                    clicks,
                    clicks >= 1.3 ? "met" : "MISSED",
                    revenue,
                    revenue >= 1.1 ? "met" : "MISSED",
                    toOracle,
                    toOracle >= 0.9 ? "met" : "MISSED");
        }

        private String adMix() {
            StringBuilder mix = new StringBuilder();
            Map<String, Integer> byKind = new TreeMap<>();
            for (SimulatedAd ad : scenario.ads()) {
                byKind.merge(
                        ad.candidate().billingEvent() + "/" + ad.candidate().goal(),
                        1,
                        Integer::sum);
            }
            byKind.forEach(
                    (kind, n) ->
                            mix.append(mix.isEmpty() ? "" : ", ")
                                    .append(n)
                                    .append(' ')
                                    .append(kind));
            return mix.toString();
        }

        private static double ratio(double a, double b) {
            return b == 0 ? Double.NaN : a / b;
        }
    }
}
