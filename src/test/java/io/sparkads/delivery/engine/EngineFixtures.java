package io.sparkads.delivery.engine;

import io.sparkads.common.AdLineage;
import io.sparkads.common.Creative;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Small builders with sensible defaults, so each test states only what it is about. */
final class EngineFixtures {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final byte[] SECRET =
            "test secret of at least thirty-two bytes".getBytes(StandardCharsets.US_ASCII);

    private static final AtomicLong NEXT_ID = new AtomicLong(1000);

    private EngineFixtures() {}

    static AdCandidate givenAd(Consumer<AdBuilder> customise) {
        AdBuilder builder = new AdBuilder();
        customise.accept(builder);
        return builder.build();
    }

    static AdCandidate givenAd() {
        return givenAd(a -> {});
    }

    static Targeting targeting(Consumer<TargetingBuilder> customise) {
        TargetingBuilder builder = new TargetingBuilder();
        customise.accept(builder);
        return builder.build();
    }

    static Viewer viewer(Consumer<ViewerBuilder> customise) {
        ViewerBuilder builder = new ViewerBuilder();
        customise.accept(builder);
        return builder.build();
    }

    static Viewer viewer() {
        return viewer(v -> {});
    }

    static AdRequest request(Consumer<RequestBuilder> customise) {
        RequestBuilder builder = new RequestBuilder();
        customise.accept(builder);
        return builder.build();
    }

    static AdRequest request() {
        return request(r -> {});
    }

    static Creative creative() {
        return new Creative(
                "7001",
                "Chef Ana",
                "https://cdn.example/ana.jpg",
                "Ten-minute pasta #cooking",
                "https://cdn.example/v/1.mp4",
                null,
                "LEARN_MORE",
                "PROFILE_PAGE",
                null);
    }

    /** A clock the test moves by hand. */
    static final class TestClock implements InstantSource {
        private volatile Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        void set(Instant instant) {
            now = instant;
        }
    }

    /** A live, Spark, In-Feed CPM ad for everyone, with fresh ids, unless told otherwise. */
    static final class AdBuilder {
        private long adId = NEXT_ID.incrementAndGet();
        private long adgroupId = 200;
        private long campaignId = 300;
        private long advertiserId = 400;
        private Long itemId = NEXT_ID.incrementAndGet();
        private boolean spark = true;
        private Placement placement = Placement.IN_FEED;
        private Targeting targeting = Targeting.everyone();
        private Instant start = NOW.minusSeconds(3600);
        private Instant end = null;
        private BillingEvent billingEvent = BillingEvent.CPM;
        private long bidMicros = 1_000_000;
        private Goal goal = Goal.CLICK;

        AdBuilder id(long adId) {
            this.adId = adId;
            return this;
        }

        AdBuilder item(long itemId) {
            this.itemId = itemId;
            return this;
        }

        AdBuilder nonSparkWithoutItem() {
            this.spark = false;
            this.itemId = null;
            return this;
        }

        AdBuilder adGroup(long adgroupId) {
            this.adgroupId = adgroupId;
            return this;
        }

        AdBuilder advertiser(long advertiserId) {
            this.advertiserId = advertiserId;
            return this;
        }

        AdBuilder goal(Goal goal) {
            this.goal = goal;
            return this;
        }

        AdBuilder campaign(long campaignId) {
            this.campaignId = campaignId;
            return this;
        }

        AdBuilder placement(Placement placement) {
            this.placement = placement;
            return this;
        }

        AdBuilder targeting(Consumer<TargetingBuilder> customise) {
            this.targeting = EngineFixtures.targeting(customise);
            return this;
        }

        AdBuilder targeting(Targeting targeting) {
            this.targeting = targeting;
            return this;
        }

        AdBuilder start(Instant start) {
            this.start = start;
            return this;
        }

        AdBuilder end(Instant end) {
            this.end = end;
            return this;
        }

        AdBuilder bid(long bidMicros) {
            return bid(BillingEvent.CPM, bidMicros);
        }

        AdBuilder bid(BillingEvent billingEvent, long bidMicros) {
            this.billingEvent = billingEvent;
            this.bidMicros = bidMicros;
            return this;
        }

        AdCandidate build() {
            return new AdCandidate(
                    new AdLineage(adId, adgroupId, campaignId, advertiserId),
                    itemId,
                    spark,
                    placement,
                    targeting,
                    start,
                    end,
                    billingEvent,
                    bidMicros,
                    creative(),
                    goal);
        }
    }

    static final class TargetingBuilder {
        private Set<String> regions = Set.of();
        private Set<String> ageGroups = Set.of();
        private Set<String> genders = Set.of();
        private Set<String> languages = Set.of();
        private Set<String> interests = Set.of();
        private Set<String> operatingSystems = Set.of();

        TargetingBuilder regions(String... values) {
            regions = Set.of(values);
            return this;
        }

        TargetingBuilder ageGroups(String... values) {
            ageGroups = Set.of(values);
            return this;
        }

        TargetingBuilder genders(String... values) {
            genders = Set.of(values);
            return this;
        }

        TargetingBuilder languages(String... values) {
            languages = Set.of(values);
            return this;
        }

        TargetingBuilder interests(String... values) {
            interests = Set.of(values);
            return this;
        }

        TargetingBuilder operatingSystems(String... values) {
            operatingSystems = Set.of(values);
            return this;
        }

        Targeting build() {
            return new Targeting(
                    regions, ageGroups, genders, languages, interests, operatingSystems);
        }
    }

    /** A fully described viewer unless told otherwise. */
    static final class ViewerBuilder {
        private String viewerId = "viewer-1";
        private String region = "US";
        private String ageGroup = "AGE_25_34";
        private String gender = "FEMALE";
        private List<String> interests = List.of("cooking");
        private String language = "en";
        private String os = "ANDROID";

        ViewerBuilder id(String viewerId) {
            this.viewerId = viewerId;
            return this;
        }

        ViewerBuilder region(String region) {
            this.region = region;
            return this;
        }

        ViewerBuilder ageGroup(String ageGroup) {
            this.ageGroup = ageGroup;
            return this;
        }

        ViewerBuilder gender(String gender) {
            this.gender = gender;
            return this;
        }

        ViewerBuilder interests(String... interests) {
            this.interests = interests == null ? null : new ArrayList<>(List.of(interests));
            return this;
        }

        ViewerBuilder language(String language) {
            this.language = language;
            return this;
        }

        ViewerBuilder os(String os) {
            this.os = os;
            return this;
        }

        Viewer build() {
            return new Viewer(viewerId, region, ageGroup, gender, interests, language, os);
        }
    }

    static final class RequestBuilder {
        private Placement placement = Placement.IN_FEED;
        private int slots = 1;
        private Viewer viewer = EngineFixtures.viewer();
        private Set<Long> excludeItemIds = new HashSet<>();

        RequestBuilder placement(Placement placement) {
            this.placement = placement;
            return this;
        }

        RequestBuilder slots(int slots) {
            this.slots = slots;
            return this;
        }

        RequestBuilder viewer(Viewer viewer) {
            this.viewer = viewer;
            return this;
        }

        RequestBuilder viewer(Consumer<ViewerBuilder> customise) {
            this.viewer = EngineFixtures.viewer(customise);
            return this;
        }

        RequestBuilder exclude(Long... itemIds) {
            this.excludeItemIds = new HashSet<>(List.of(itemIds));
            return this;
        }

        AdRequest build() {
            return new AdRequest("req-1", placement, slots, viewer, excludeItemIds);
        }
    }
}
