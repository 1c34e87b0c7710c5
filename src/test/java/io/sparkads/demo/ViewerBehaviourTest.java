package io.sparkads.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.delivery.AdServing.ViewerAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ViewerBehaviourTest {
    private static final Instant SERVED = Instant.parse("2026-11-20T18:00:00Z");

    /** Counts of each event type over many impressions of one kind of ad. */
    private static Map<String, Integer> play(boolean spark, int impressions) {
        ViewerBehaviour behaviour = new ViewerBehaviour(11, "t", 1_000);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < impressions; i++) {
            var viewer = behaviour.nextViewer();
            for (var event : behaviour.adEvents(viewer, "imp-" + i, spark, 30_000, SERVED)) {
                counts.merge(event.type().name(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static double per(Map<String, Integer> counts, String type, String over) {
        return counts.getOrDefault(type, 0) / (double) counts.get(over);
    }

    private static double engagementRate(Map<String, Integer> c) {
        int engagements = 0;
        for (String type :
                List.of("CLICK", "LIKE", "COMMENT", "SHARE", "FOLLOW", "PROFILE_VISIT")) {
            engagements += c.getOrDefault(type, 0);
        }
        return engagements / (double) c.get("IMPRESSION");
    }

    @Test
    void sparkAdsBeatNonSparkAdsOnTheFaqsMetrics() {
        // given many impressions of each kind of ad, from the same seed
        Map<String, Integer> spark = play(true, 20_000);
        Map<String, Integer> nonSpark = play(false, 20_000);

        // then Spark leads on view-through, engagement, clicks, page views and conversions
        assertThat(spark.get("IMPRESSION")).isEqualTo(20_000);
        assertThat(per(spark, "VIDEO_P100", "IMPRESSION"))
                .isGreaterThan(1.5 * per(nonSpark, "VIDEO_P100", "IMPRESSION"));
        assertThat(engagementRate(spark)).isGreaterThan(2 * engagementRate(nonSpark));
        assertThat(per(spark, "CLICK", "IMPRESSION"))
                .isGreaterThan(1.3 * per(nonSpark, "CLICK", "IMPRESSION"));
        assertThat(per(spark, "LANDING_PAGE_VIEW", "IMPRESSION"))
                .isGreaterThan(1.5 * per(nonSpark, "LANDING_PAGE_VIEW", "IMPRESSION"));
        assertThat(per(spark, "CONVERSION", "CLICK"))
                .isGreaterThan(per(nonSpark, "CONVERSION", "CLICK"));
        // and the rates stay plausible for a feed: a few percent click, a minority watch it all
        assertThat(per(spark, "CLICK", "IMPRESSION")).isBetween(0.01, 0.05);
        assertThat(per(nonSpark, "VIDEO_P100", "IMPRESSION")).isBetween(0.03, 0.2);
    }

    @Test
    void anImpressionsEventsFollowTheViewersWatchAndAreEachSentOnce() {
        ViewerBehaviour behaviour = new ViewerBehaviour(5, "t", 100);
        for (int i = 0; i < 5_000; i++) {
            var viewer = behaviour.nextViewer();
            var events = behaviour.adEvents(viewer, "imp-" + i, i % 2 == 0, 24_000, SERVED);
            Set<String> types = new HashSet<>();
            for (var event : events) {
                assertThat(types.add(event.type().name()))
                        .as("one %s per impression", event.type())
                        .isTrue();
                assertThat(event.occurredAt()).isAfter(SERVED);
                assertThat(event.impressionId()).isEqualTo("imp-" + i);
                assertThat(event.itemId()).isNull();
                assertThat(event.viewerId()).isEqualTo(viewer.viewerId());
            }
            assertThat(events.get(0).type().name()).isEqualTo("IMPRESSION");
            assertThat(events)
                    .isSortedAccordingTo(
                            java.util.Comparator.comparing(
                                    ViewerBehaviour.PlannedEvent::occurredAt));
            implies(types, "VIDEO_P100", "VIDEO_P75");
            implies(types, "VIDEO_P75", "VIDEO_P50");
            implies(types, "VIDEO_P50", "VIDEO_P25");
            implies(types, "VIDEO_P25", "VIDEO_PLAY");
            implies(types, "VIDEO_WATCHED_6S", "VIDEO_WATCHED_2S");
            implies(types, "VIDEO_WATCHED_2S", "VIDEO_PLAY");
            implies(types, "CONVERSION", "LANDING_PAGE_VIEW");
            implies(types, "FOLLOW", "PROFILE_VISIT");
            implies(types, "CLICK", "VIDEO_PLAY");
        }
    }

    private static void implies(Set<String> types, String later, String earlier) {
        if (types.contains(later)) {
            assertThat(types).as("%s needs %s", later, earlier).contains(earlier);
        }
    }

    @Test
    void theSameSeedReplaysTheSameViewersAndEventsWithIdsUniqueToTheRun() {
        List<ViewerBehaviour.PlannedEvent> first = run(new ViewerBehaviour(3, "run-a", 50));
        List<ViewerBehaviour.PlannedEvent> again = run(new ViewerBehaviour(3, "run-a", 50));
        List<ViewerBehaviour.PlannedEvent> other = run(new ViewerBehaviour(3, "run-b", 50));

        assertThat(again).isEqualTo(first);
        assertThat(first.stream().map(ViewerBehaviour.PlannedEvent::eventId))
                .doesNotHaveDuplicates();
        Set<String> ids = new HashSet<>();
        first.forEach(e -> ids.add(e.eventId()));
        assertThat(other).noneMatch(e -> ids.contains(e.eventId()));
    }

    private static List<ViewerBehaviour.PlannedEvent> run(ViewerBehaviour behaviour) {
        List<ViewerBehaviour.PlannedEvent> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            var viewer = behaviour.nextViewer();
            events.addAll(behaviour.adEvents(viewer, "imp-" + i, i % 3 == 0, 15_000, SERVED));
            events.addAll(behaviour.organicEvents(viewer, 42L, SERVED));
        }
        return events;
    }

    @Test
    void aViewerIsTheSamePersonOnEveryVisitAndReachStaysBelowVisits() {
        ViewerBehaviour behaviour = new ViewerBehaviour(9, "t", 200);
        Map<String, ViewerAttributes> seen = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            var viewer = behaviour.nextViewer();
            var before = seen.putIfAbsent(viewer.viewerId(), viewer);
            if (before != null) {
                assertThat(viewer).isEqualTo(before);
            }
        }
        assertThat(seen).hasSizeLessThanOrEqualTo(200);
        assertThat(seen.values().stream().map(ViewerAttributes::region).distinct())
                .contains("US", "GB", "DE");
    }

    @Test
    void anOrganicViewIsAPlayOfThePostWithoutAnImpression() {
        ViewerBehaviour behaviour = new ViewerBehaviour(1, "t", 10);
        var viewer = behaviour.nextViewer();
        var events = behaviour.organicEvents(viewer, 77L, SERVED);
        assertThat(events.get(0).type().name()).isEqualTo("VIDEO_PLAY");
        assertThat(events.get(0).occurredAt()).isEqualTo(SERVED);
        assertThat(events).allMatch(e -> e.itemId() == 77L && e.impressionId() == null);
    }
}
