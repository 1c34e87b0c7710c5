package io.sparkads.delivery.engine;

import io.sparkads.common.AdLineage;
import io.sparkads.common.Creative;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The ads and viewers of {@link AdDecisionEngineBenchmark}, drawn from a seed, with targeting
 * shaped like a real ad platform's: most ad groups name one country, and countries are as unequal
 * in ads as in viewers (Zipf over 20 regions, so the first has about 28% of both). Each ad group of
 * three ads shares its targeting, its creative and its serving rule. See docs/benchmarks.md, "Ad
 * decision engine at scale", for the distribution.
 */
final class BenchmarkAds {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final int ADS_PER_GROUP = 3;

    private static final List<String> REGIONS =
            List.of(
                    "US", "ID", "BR", "MX", "GB", "DE", "FR", "JP", "PH", "VN", "TH", "MY", "ES",
                    "IT", "CA", "AU", "KR", "NL", "PL", "SE");
    private static final List<String> AGE_GROUPS =
            List.of("AGE_13_17", "AGE_18_24", "AGE_25_34", "AGE_35_44", "AGE_45_54", "AGE_55_100");
    private static final List<String> GENDERS = List.of("FEMALE", "MALE");
    private static final List<String> LANGUAGES =
            List.of("en", "id", "pt", "es", "de", "fr", "ja", "ko");
    private static final List<String> OPERATING_SYSTEMS = List.of("ANDROID", "IOS");
    private static final List<String> INTERESTS = numbered("interest-", 30);
    private static final double[] REGION_CDF = zipf(REGIONS.size());

    private final Random random;
    private int posts = 1;
    private Targeting groupTargeting;
    private Creative groupCreative;

    BenchmarkAds(Random random) {
        this.random = random;
    }

    /** The ads, in ad groups of {@value #ADS_PER_GROUP}; the rules get each group's rule. */
    List<AdCandidate> ads(int count, ServingRules rules) {
        List<AdCandidate> ads = new ArrayList<>(count);
        posts = Math.max(1, count * 8 / 10);
        for (int i = 0; i < count; i++) {
            long adId = i + 1;
            long adgroupId = adId / ADS_PER_GROUP + 1;
            if (i % ADS_PER_GROUP == 0 || groupTargeting == null) {
                groupTargeting = targeting();
                groupCreative = creative(adgroupId);
                rules.setRule(adgroupId, rule());
            }
            ads.add(candidate(adId, adgroupId));
        }
        return ads;
    }

    Viewer viewer(int v) {
        return new Viewer(
                "viewer-" + v,
                orUnknown(REGIONS.get(region())),
                orUnknown(AGE_GROUPS.get(random.nextInt(AGE_GROUPS.size()))),
                orUnknown(GENDERS.get(random.nextInt(GENDERS.size()))),
                new ArrayList<>(pick(INTERESTS, random.nextInt(6))),
                orUnknown(LANGUAGES.get(random.nextInt(LANGUAGES.size()))),
                orUnknown(OPERATING_SYSTEMS.get(random.nextInt(OPERATING_SYSTEMS.size()))));
    }

    /** As many posts as 80% of the ads, for the 80% that are Spark ads: some share a post. */
    long itemId() {
        return 1_000_000L + random.nextInt(posts);
    }

    private AdCandidate candidate(long adId, long adgroupId) {
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
            bidMicros = cents(50, 2000); // 0.50 to 20.00 per 1000 impressions
        } else if (billing < 85) {
            billingEvent = BillingEvent.CPC;
            bidMicros = cents(5, 200); // 0.05 to 2.00 per click
        } else {
            billingEvent = BillingEvent.CPV;
            bidMicros = cents(1, 8); // 0.01 to 0.08 per 6-second view
        }
        return new AdCandidate(
                new AdLineage(adId, adgroupId, adgroupId / 4 + 1, adgroupId / 20 + 1),
                spark ? itemId() : null,
                spark,
                placement,
                groupTargeting,
                start,
                end,
                billingEvent,
                bidMicros,
                groupCreative,
                Goal.CLICK);
    }

    /**
     * 85% name regions (70% of those one, the rest two or three), 60% two or three adjacent age
     * groups, 25% one gender, 20% one or two languages, 40% one to three of 30 interests, 15% one
     * OS.
     */
    private Targeting targeting() {
        Set<String> regions = Set.of();
        if (random.nextInt(100) < 85) {
            int count = random.nextInt(100) < 70 ? 1 : 2 + random.nextInt(2);
            List<String> named = new ArrayList<>();
            while (named.size() < count) {
                String region = REGIONS.get(region());
                if (!named.contains(region)) {
                    named.add(region);
                }
            }
            regions = Set.copyOf(named);
        }
        Set<String> ages = Set.of();
        if (random.nextInt(100) < 60) {
            int from = random.nextInt(AGE_GROUPS.size() - 2);
            ages = Set.copyOf(AGE_GROUPS.subList(from, from + 2 + random.nextInt(2)));
        }
        return new Targeting(
                regions,
                ages,
                random.nextInt(100) < 25 ? pick(GENDERS, 1) : Set.of(),
                random.nextInt(100) < 20 ? pick(LANGUAGES, 1 + random.nextInt(2)) : Set.of(),
                random.nextInt(100) < 40 ? pick(INTERESTS, 1 + random.nextInt(3)) : Set.of(),
                random.nextInt(100) < 15 ? pick(OPERATING_SYSTEMS, 1) : Set.of());
    }

    /** 30% of ad groups cap each viewer at 1 to 3 impressions in 1 to 7 days. */
    private ServingRules.Rule rule() {
        if (random.nextInt(100) >= 30) {
            return null;
        }
        return new ServingRules.Rule(
                1 + random.nextInt(3), 1 + random.nextInt(7), null, null, ZoneOffset.UTC);
    }

    private Creative creative(long adgroupId) {
        return new Creative(
                "acct-" + adgroupId,
                "Account " + adgroupId,
                "https://cdn.example/a/" + adgroupId + ".jpg",
                "Caption " + adgroupId,
                "https://cdn.example/v/" + adgroupId + ".mp4",
                null,
                "LEARN_MORE",
                "PROFILE_PAGE",
                null);
    }

    private int region() {
        double u = random.nextDouble();
        int r = 0;
        while (r < REGION_CDF.length - 1 && u >= REGION_CDF[r]) {
            r++;
        }
        return r;
    }

    private long cents(int fromCents, int toCents) {
        return (fromCents + random.nextInt(toCents - fromCents + 1)) * 10_000L;
    }

    private String orUnknown(String value) {
        return random.nextInt(100) < 5 ? null : value;
    }

    private Set<String> pick(List<String> values, int count) {
        List<String> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return Set.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
    }

    private static double[] zipf(int n) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 1);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private static List<String> numbered(String prefix, int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(prefix + i);
        }
        return List.copyOf(values);
    }
}
