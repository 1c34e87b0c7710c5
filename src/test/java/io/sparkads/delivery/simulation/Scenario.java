package io.sparkads.delivery.simulation;

import io.sparkads.common.AdLineage;
import io.sparkads.common.Creative;
import io.sparkads.delivery.engine.AdCandidate;
import io.sparkads.delivery.engine.BillingEvent;
import io.sparkads.delivery.engine.Goal;
import io.sparkads.delivery.engine.Placement;
import io.sparkads.delivery.engine.Rate;
import io.sparkads.delivery.engine.Targeting;
import io.sparkads.delivery.engine.Viewer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The ads, the viewers and the length of one simulated run, drawn from a seed.
 *
 * <p>Ads come in ad groups of one bidding kind: CPC (35%, goal CLICK), CPM (25%, goal REACH,
 * ENGAGED_VIEW or FOLLOWERS), CPV (20%, VIDEO_VIEW) and oCPM (20%, CONVERT: bid per conversion,
 * billed per 1000 impressions; on an engine without {@code BillingEvent.OCPM} these bid CPM at the
 * equivalent of their target under the assumed rates, bid × 1000 × 1% × 5%). Bids are set so that
 * under the assumed rates every kind is worth $3–$9 per 1000 impressions, so today's ranking mixes
 * them. True rates: click-through about 0.8% (log-normal), Spark ads 1.5× the clicks and 2–3× the
 * engagement of non-Spark ads (the FAQ's claim); 15% of ad groups nobody clicks; ads of a group
 * alike, each viewer segment liking each ad a little more or less. 30% of groups target one
 * segment's interest; 30% of ad groups have a budget per ad for the run. New ads arrive in two
 * waves, a third and two thirds of the way through: new ad groups, and new ads in existing groups.
 *
 * @param refreshEvery requests between two refreshes of the learned arm's estimates (1,000 ≈ one
 *     second of traffic at 1,000 requests a second, production's rollup refresh)
 * @param checkpoints request counts after which every arm's figures are taken
 */
record Scenario(
        long seed,
        List<Segment> segments,
        List<SimulatedAd> ads,
        long requests,
        int refreshEvery,
        double explorationShare,
        List<Long> checkpoints) {

    /** When the run starts; request {@code i} is made at {@code START + i} ms. */
    static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

    static final List<Segment> SEGMENTS =
            List.of(
                    segment("US women 18–24, beauty", "US", "AGE_18_24", "FEMALE", "beauty", 0.30),
                    segment("US men 25–34, gaming", "US", "AGE_25_34", "MALE", "gaming", 0.30),
                    segment(
                            "US women 35–44, cooking",
                            "US",
                            "AGE_35_44",
                            "FEMALE",
                            "cooking",
                            0.25),
                    segment("UK men 25–34, sports", "GB", "AGE_25_34", "MALE", "sports", 0.15));

    Scenario {
        if (segments == null || segments.isEmpty() || ads == null || ads.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs segments and ads");
        }
        if (requests < 1 || refreshEvery < 1) {
            throw new IllegalArgumentException("requests and refreshEvery must be positive");
        }
        if (!(explorationShare >= 0 && explorationShare < 1)) {
            throw new IllegalArgumentException("explorationShare must be in [0, 1)");
        }
        segments = List.copyOf(segments);
        ads = List.copyOf(ads);
        checkpoints = List.copyOf(checkpoints);
    }

    /**
     * The benchmark: 40 ad groups of 2 ads at the start, 2 waves of 5 groups and 5 ads more.
     * Refreshes every 1,000 requests with an exploration share of 5% (production's), unless the
     * system properties {@code simulation.refreshEvery} or {@code simulation.explorationShare} say
     * otherwise.
     */
    static Scenario standard(long seed, long requests) {
        List<Long> checkpoints = new ArrayList<>();
        for (long c : new long[] {10_000, 25_000, 50_000, 100_000, 200_000, 500_000}) {
            if (c < requests) {
                checkpoints.add(c);
            }
        }
        checkpoints.add(requests);
        return new Scenario(
                seed,
                SEGMENTS,
                ads(seed, 40, 2, 5, requests),
                requests,
                Integer.getInteger("simulation.refreshEvery", 1_000),
                Double.parseDouble(System.getProperty("simulation.explorationShare", "0.05")),
                checkpoints);
    }

    /** A small run for tests: 6 ad groups of 2 ads and one wave. */
    static Scenario tiny(long seed, long requests) {
        return new Scenario(
                seed,
                SEGMENTS,
                ads(seed, 6, 2, 1, requests),
                requests,
                500,
                0.05,
                List.of(requests / 2, requests));
    }

    private static List<SimulatedAd> ads(
            long seed, int groups, int adsPerGroup, int perWave, long requests) {
        Random random = new Random(seed);
        List<SimulatedAd> ads = new ArrayList<>();
        List<GroupPlan> plans = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            plans.add(GroupPlan.draw(g, random));
        }
        for (GroupPlan plan : plans) {
            for (int a = 0; a < adsPerGroup; a++) {
                ads.add(plan.ad(ads.size(), 0, random));
            }
        }
        for (int wave = 1; wave <= 2; wave++) {
            long arrival = requests * wave / 3;
            for (int g = 0; g < perWave; g++) {
                GroupPlan plan = GroupPlan.draw(plans.size(), random);
                plans.add(plan);
                for (int a = 0; a < adsPerGroup; a++) {
                    ads.add(plan.ad(ads.size(), arrival, random));
                }
            }
            for (int a = 0; a < perWave; a++) {
                GroupPlan existing = plans.get(random.nextInt(groups));
                ads.add(existing.ad(ads.size(), arrival, random));
            }
        }
        return ads;
    }

    private static Segment segment(
            String name, String region, String age, String gender, String interest, double share) {
        return new Segment(
                name,
                new Viewer(null, region, age, gender, List.of(interest), "en", "ANDROID"),
                share,
                interest);
    }

    /** What the ads of one ad group share: kind, bid, targeting, and their typical true rates. */
    private record GroupPlan(
            int index,
            BillingEvent billingEvent,
            Goal goal,
            long bidMicros,
            boolean spark,
            Targeting targeting,
            boolean budgeted,
            double clickThrough,
            double sixSecondView,
            double completionPerView,
            double conversion,
            double engagement) {

        static GroupPlan draw(int index, Random random) {
            double kind = random.nextDouble();
            boolean spark = random.nextDouble() < 0.6;
            boolean nobodyClicks = random.nextDouble() < 0.15;
            BillingEvent billing;
            Goal goal;
            long bid;
            if (kind < 0.35) {
                billing = BillingEvent.CPC;
                goal = Goal.CLICK;
                bid = cents(0.30 + 0.60 * random.nextDouble());
            } else if (kind < 0.60) {
                billing = BillingEvent.CPM;
                double g = random.nextDouble();
                goal = g < 0.5 ? Goal.REACH : g < 0.75 ? Goal.ENGAGED_VIEW : Goal.FOLLOWERS;
                bid = cents(3 + 6 * random.nextDouble());
            } else if (kind < 0.80) {
                billing = BillingEvent.CPV;
                goal = Goal.VIDEO_VIEW;
                bid = Math.round((0.012 + 0.024 * random.nextDouble()) * 1000) * 1000;
            } else {
                goal = Goal.CONVERT;
                long target = cents(6 + 12 * random.nextDouble());
                BillingEvent ocpm = EngineSeams.ocpmOrNull();
                billing = ocpm == null ? BillingEvent.CPM : ocpm;
                bid = ocpm == null ? target / 2 : target;
            }
            Targeting targeting = Targeting.everyone();
            if (random.nextDouble() < 0.3) {
                String interest = SEGMENTS.get(random.nextInt(SEGMENTS.size())).interest();
                targeting =
                        new Targeting(
                                Set.of(), Set.of(), Set.of(), Set.of(), Set.of(interest), Set.of());
            }
            double ctr =
                    nobodyClicks
                            ? 0
                            : Math.min(
                                    0.06,
                                    0.008
                                            * Math.exp(0.5 * random.nextGaussian())
                                            * (spark ? 1.5 : 1));
            double sixSecond =
                    Math.min(0.6, (0.12 + 0.23 * random.nextDouble()) * (spark ? 1.2 : 1));
            double engagement =
                    spark
                            ? 0.025 + 0.045 * random.nextDouble()
                            : 0.008 + 0.017 * random.nextDouble();
            return new GroupPlan(
                    index,
                    billing,
                    goal,
                    bid,
                    spark,
                    targeting,
                    random.nextDouble() < 0.3,
                    ctr,
                    sixSecond,
                    0.25 + 0.30 * random.nextDouble(),
                    nobodyClicks ? 0 : 0.02 + 0.08 * random.nextDouble(),
                    engagement);
        }

        /**
         * One ad of the group, live from request {@code arrival}, its rates jittered per segment.
         */
        SimulatedAd ad(int number, long arrival, Random random) {
            long adId = 1_000 + number;
            double adFactor = Math.exp(0.25 * random.nextGaussian());
            double[][] rates = new double[SEGMENTS.size()][Rate.values().length];
            for (int s = 0; s < SEGMENTS.size(); s++) {
                double liking = adFactor * Math.exp(0.3 * random.nextGaussian());
                double[] r = rates[s];
                r[Rate.CLICK_THROUGH.ordinal()] = Math.min(0.2, clickThrough * liking);
                double view = Math.min(0.8, sixSecondView * Math.sqrt(liking));
                r[Rate.SIX_SECOND_VIEW.ordinal()] = view;
                r[Rate.COMPLETION.ordinal()] = view * completionPerView;
                r[Rate.CONVERSION.ordinal()] = conversion;
                double engaged = Math.min(0.3, engagement * liking);
                r[Rate.ENGAGEMENT.ordinal()] = engaged;
                r[Rate.PROFILE_VISIT.ordinal()] = engaged * 0.2;
                r[Rate.FOLLOW.ordinal()] = engaged * 0.06;
            }
            AdCandidate candidate =
                    new AdCandidate(
                            new AdLineage(adId, 100 + index, 100 + index, 1 + index % 12),
                            spark ? adId + 500_000 : null,
                            spark,
                            Placement.IN_FEED,
                            targeting,
                            START.plusMillis(arrival),
                            null,
                            billingEvent,
                            bidMicros,
                            CREATIVE,
                            goal);
            return new SimulatedAd(
                    candidate, rates, budgeted ? cents(10 + 20 * random.nextDouble()) : 0);
        }

        private static long cents(double dollars) {
            return Math.round(dollars * 100) * 10_000;
        }
    }

    private static final Creative CREATIVE =
            new Creative(
                    "7001",
                    "Simulated advertiser",
                    "https://cdn.example/a.jpg",
                    "A simulated ad",
                    "https://cdn.example/v.mp4",
                    null,
                    "LEARN_MORE",
                    "WEBSITE",
                    "https://shop.example/");
}
