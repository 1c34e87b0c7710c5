package io.sparkads.demo;

import io.sparkads.delivery.AdServing.ViewerAttributes;
import io.sparkads.tracking.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * How the demo's viewers behave: who they are, and what they do with an ad or a post they are
 * shown. Spark ads get better view-through, engagement, page views and conversions than non-Spark
 * ads, as the Spark Ads FAQ reports. Everything is drawn from one seeded random, so a run can be
 * replayed; event ids are unique within the prefix. Not thread-safe: one caller at a time.
 */
final class ViewerBehaviour {

    /** An event a host app would send, at the time it happened. */
    record PlannedEvent(
            String eventId,
            EventType type,
            Instant occurredAt,
            String viewerId,
            String impressionId,
            Long itemId) {}

    /**
     * Per-impression rates. {@code complete} is the share of plays watched to the end; the other
     * plays stop at a fraction {@code u^watchShape} of the video, so a larger shape means earlier
     * drop-off. Engagements are per play; page views and conversions per click.
     */
    record Rates(
            double play,
            double complete,
            double watchShape,
            double click,
            double like,
            double comment,
            double share,
            double follow,
            double profileVisit,
            double landingPerClick,
            double landingPerProfileVisit,
            double conversionPerLanding) {}

    static final Rates SPARK =
            new Rates(0.93, 0.18, 1.2, 0.024, 0.07, 0.008, 0.012, 0.012, 0.03, 0.82, 0.35, 0.12);
    static final Rates NON_SPARK =
            new Rates(0.88, 0.09, 1.8, 0.013, 0.015, 0.002, 0.003, 0.002, 0.008, 0.7, 0.0, 0.06);

    /** Organic viewers of a post: per view. */
    private static final double ORGANIC_LIKE = 0.08,
            ORGANIC_COMMENT = 0.01,
            ORGANIC_SHARE = 0.015,
            ORGANIC_FOLLOW = 0.006,
            ORGANIC_PROFILE_VISIT = 0.025;

    private static final String[] INTERESTS = {"fashion", "food", "fitness", "beauty", "travel"};

    private final Random random;
    private final long seed;
    private final String idPrefix;
    private final int viewerPool;
    private long nextEvent;

    /**
     * @param viewerPool how many distinct viewers there are, so reach stays below impressions
     */
    ViewerBehaviour(long seed, String idPrefix, int viewerPool) {
        if (viewerPool < 1) {
            throw new IllegalArgumentException("viewerPool must be at least 1");
        }
        this.random = new Random(seed);
        this.seed = seed;
        this.idPrefix = idPrefix;
        this.viewerPool = viewerPool;
    }

    /**
     * The next viewer to arrive. A viewer keeps the same attributes on every visit: they are drawn
     * from the viewer's number, not from the running sequence.
     */
    ViewerAttributes nextViewer() {
        int n = random.nextInt(viewerPool);
        // Random's first draws from neighbouring seeds are alike: mix the viewer's number first.
        Random own = new Random(mix(seed * 31 + n));
        String region =
                pick(
                        own,
                        new String[] {"US", "GB", "CA", "DE", "BR", "JP"},
                        new double[] {0.45, 0.15, 0.10, 0.10, 0.10, 0.10});
        String ageGroup =
                pick(
                        own,
                        new String[] {
                            "AGE_13_17",
                            "AGE_18_24",
                            "AGE_25_34",
                            "AGE_35_44",
                            "AGE_45_54",
                            "AGE_55_100"
                        },
                        new double[] {0.08, 0.30, 0.30, 0.18, 0.09, 0.05});
        String gender =
                pick(own, new String[] {"FEMALE", "MALE", null}, new double[] {0.52, 0.46, 0.02});
        String language =
                switch (region) {
                    case "DE" -> "de";
                    case "BR" -> "pt";
                    case "JP" -> "ja";
                    case "CA" -> own.nextDouble() < 0.2 ? "fr" : "en";
                    default -> "en";
                };
        String os = own.nextDouble() < 0.45 ? "IOS" : "ANDROID";
        List<String> interests = new ArrayList<>();
        for (int i = own.nextInt(3); i > 0; i--) {
            String interest = INTERESTS[own.nextInt(INTERESTS.length)];
            if (!interests.contains(interest)) {
                interests.add(interest);
            }
        }
        return new ViewerAttributes(
                "demo-viewer-" + n, region, ageGroup, gender, List.copyOf(interests), language, os);
    }

    /** How many feed slots the host app asks for on this visit. */
    int slots() {
        return random.nextDouble() < 0.7 ? 1 : 2;
    }

    /** A number from 0 (inclusive) to {@code bound}, from the same sequence. */
    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A uniform draw from 0 (inclusive) to 1 (exclusive), from the same sequence. */
    double nextDouble() {
        return random.nextDouble();
    }

    /** What a viewer does with an ad served at {@code servedAt}: its events, in time order. */
    List<PlannedEvent> adEvents(
            ViewerAttributes viewer,
            String impressionId,
            boolean spark,
            int durationMs,
            Instant servedAt) {
        Rates rates = spark ? SPARK : NON_SPARK;
        List<PlannedEvent> events = new ArrayList<>();
        Instant shown = servedAt.plusMillis(150 + random.nextInt(600));
        events.add(paid(EventType.IMPRESSION, shown, viewer, impressionId));
        if (random.nextDouble() >= rates.play()) {
            return events;
        }
        Instant play = shown.plusMillis(200 + random.nextInt(300));
        events.add(paid(EventType.VIDEO_PLAY, play, viewer, impressionId));
        double watched =
                random.nextDouble() < rates.complete()
                        ? 1.0
                        : 0.999 * Math.pow(random.nextDouble(), rates.watchShape());
        long watchedMs = Math.round(watched * durationMs);
        milestone(
                events,
                EventType.VIDEO_WATCHED_2S,
                watchedMs >= 2_000,
                play,
                2_000,
                viewer,
                impressionId);
        milestone(
                events,
                EventType.VIDEO_WATCHED_6S,
                watchedMs >= 6_000,
                play,
                6_000,
                viewer,
                impressionId);
        milestone(
                events,
                EventType.VIDEO_P25,
                watched >= 0.25,
                play,
                durationMs / 4,
                viewer,
                impressionId);
        milestone(
                events,
                EventType.VIDEO_P50,
                watched >= 0.5,
                play,
                durationMs / 2,
                viewer,
                impressionId);
        milestone(
                events,
                EventType.VIDEO_P75,
                watched >= 0.75,
                play,
                durationMs * 3 / 4,
                viewer,
                impressionId);
        milestone(
                events,
                EventType.VIDEO_P100,
                watched >= 1.0,
                play,
                durationMs,
                viewer,
                impressionId);
        Instant after = play.plusMillis(watchedMs + 300 + random.nextInt(1_500));
        if (random.nextDouble() < rates.like()) {
            events.add(paid(EventType.LIKE, after, viewer, impressionId));
        }
        if (random.nextDouble() < rates.comment()) {
            events.add(paid(EventType.COMMENT, after.plusSeconds(4), viewer, impressionId));
        }
        if (random.nextDouble() < rates.share()) {
            events.add(paid(EventType.SHARE, after.plusSeconds(2), viewer, impressionId));
        }
        boolean landed = false;
        Instant landing = null;
        if (random.nextDouble() < rates.click()) {
            Instant click = after.plusMillis(random.nextInt(1_000));
            events.add(paid(EventType.CLICK, click, viewer, impressionId));
            if (random.nextDouble() < rates.landingPerClick()) {
                landed = true;
                landing = click.plusMillis(800 + random.nextInt(1_500));
            }
        }
        if (random.nextDouble() < rates.profileVisit()) {
            Instant visit = after.plusSeconds(1);
            events.add(paid(EventType.PROFILE_VISIT, visit, viewer, impressionId));
            if (random.nextDouble() < rates.follow() / rates.profileVisit()) {
                events.add(paid(EventType.FOLLOW, visit.plusSeconds(3), viewer, impressionId));
            }
            // A Spark ad's profile shows the landing page panel (Profile Landing Page).
            if (!landed && random.nextDouble() < rates.landingPerProfileVisit()) {
                landed = true;
                landing = visit.plusSeconds(5);
            }
        }
        if (landed) {
            events.add(paid(EventType.LANDING_PAGE_VIEW, landing, viewer, impressionId));
            if (random.nextDouble() < rates.conversionPerLanding()) {
                Duration shopping = Duration.ofSeconds(30 + random.nextInt(270));
                events.add(
                        paid(EventType.CONVERSION, landing.plus(shopping), viewer, impressionId));
            }
        }
        events.sort(Comparator.comparing(PlannedEvent::occurredAt));
        return events;
    }

    /** What a viewer does with a post in their feed: a view, and sometimes more. */
    List<PlannedEvent> organicEvents(ViewerAttributes viewer, long itemId, Instant at) {
        List<PlannedEvent> events = new ArrayList<>();
        events.add(organic(EventType.VIDEO_PLAY, at, viewer, itemId));
        Instant after = at.plusSeconds(3 + random.nextInt(20));
        if (random.nextDouble() < ORGANIC_LIKE) {
            events.add(organic(EventType.LIKE, after, viewer, itemId));
        }
        if (random.nextDouble() < ORGANIC_COMMENT) {
            events.add(organic(EventType.COMMENT, after.plusSeconds(5), viewer, itemId));
        }
        if (random.nextDouble() < ORGANIC_SHARE) {
            events.add(organic(EventType.SHARE, after.plusSeconds(2), viewer, itemId));
        }
        if (random.nextDouble() < ORGANIC_PROFILE_VISIT) {
            events.add(organic(EventType.PROFILE_VISIT, after.plusSeconds(1), viewer, itemId));
            if (random.nextDouble() < ORGANIC_FOLLOW / ORGANIC_PROFILE_VISIT) {
                events.add(organic(EventType.FOLLOW, after.plusSeconds(4), viewer, itemId));
            }
        }
        return events;
    }

    private void milestone(
            List<PlannedEvent> events,
            EventType type,
            boolean reached,
            Instant play,
            long atMs,
            ViewerAttributes viewer,
            String impressionId) {
        if (reached) {
            events.add(paid(type, play.plusMillis(atMs), viewer, impressionId));
        }
    }

    private PlannedEvent paid(
            EventType type, Instant at, ViewerAttributes viewer, String impressionId) {
        return new PlannedEvent(nextId(), type, at, viewer.viewerId(), impressionId, null);
    }

    private PlannedEvent organic(EventType type, Instant at, ViewerAttributes viewer, long itemId) {
        return new PlannedEvent(nextId(), type, at, viewer.viewerId(), null, itemId);
    }

    private String nextId() {
        return idPrefix + "-" + Long.toString(nextEvent++, 36);
    }

    /** The SplitMix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static String pick(Random random, String[] values, double[] weights) {
        double u = random.nextDouble();
        for (int i = 0; i < values.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
