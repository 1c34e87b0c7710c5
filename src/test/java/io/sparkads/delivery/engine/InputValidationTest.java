package io.sparkads.delivery.engine;

import static io.sparkads.delivery.engine.EngineFixtures.NOW;
import static io.sparkads.delivery.engine.EngineFixtures.creative;
import static io.sparkads.delivery.engine.EngineFixtures.givenAd;
import static io.sparkads.delivery.engine.EngineFixtures.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkads.common.AdLineage;
import io.sparkads.common.Creative;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputValidationTest {

    @Nested
    class AdCandidates {
        private AdCandidate ad(
                Long itemId,
                boolean spark,
                Placement placement,
                Targeting targeting,
                Instant start,
                Instant end,
                BillingEvent billingEvent,
                long bidMicros,
                Creative creative) {
            return new AdCandidate(
                    new AdLineage(1, 2, 3, 4),
                    itemId,
                    spark,
                    placement,
                    targeting,
                    start,
                    end,
                    billingEvent,
                    bidMicros,
                    creative,
                    Goal.CLICK);
        }

        private final Targeting all = Targeting.everyone();
        private final BillingEvent cpm = BillingEvent.CPM;
        private final Placement feed = Placement.IN_FEED;

        @Test
        void acceptsAWellFormedAd() {
            assertThat(ad(9L, true, feed, all, NOW, null, cpm, 1, creative()).bidMicros())
                    .isEqualTo(1);
        }

        @Test
        void rejectsAMissingPlacement() {
            assertThatThrownBy(() -> ad(9L, true, null, all, NOW, null, cpm, 1, creative()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("ad 1: placement must not be null");
        }

        @Test
        void rejectsMissingTargeting() {
            assertThatThrownBy(() -> ad(9L, true, feed, null, NOW, null, cpm, 1, creative()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("targeting must not be null");
        }

        @Test
        void rejectsAMissingStart() {
            assertThatThrownBy(() -> ad(9L, true, feed, all, null, null, cpm, 1, creative()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("start must not be null");
        }

        @Test
        void rejectsAnEndThatIsNotAfterTheStart() {
            assertThatThrownBy(() -> ad(9L, true, feed, all, NOW, NOW, cpm, 1, creative()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("end must be after start");
        }

        @Test
        void rejectsAMissingBillingEvent() {
            assertThatThrownBy(() -> ad(9L, true, feed, all, NOW, null, null, 1, creative()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("billingEvent must not be null");
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1})
        void rejectsABidThatIsNotPositive(long bidMicros) {
            assertThatThrownBy(() -> ad(9L, true, feed, all, NOW, null, cpm, bidMicros, creative()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bidMicros must be positive");
        }

        @Test
        void rejectsAMissingCreative() {
            assertThatThrownBy(() -> ad(9L, true, feed, all, NOW, null, cpm, 1, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("creative must not be null");
        }

        @Test
        void rejectsASparkAdWithoutAnItem() {
            assertThatThrownBy(() -> ad(null, true, feed, all, NOW, null, cpm, 1, creative()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a Spark ad must have an itemId");
        }

        @Test
        void acceptsANonSparkAdWithoutAnItem() {
            assertThat(ad(null, false, feed, all, NOW, null, cpm, 1, creative()).itemId()).isNull();
        }
    }

    @Nested
    class AdRequests {
        @ParameterizedTest
        @ValueSource(ints = {0, -1, AdRequest.MAX_SLOTS + 1})
        void rejectsASlotCountOutsideOneToTen(int slots) {
            assertThatThrownBy(
                            () -> new AdRequest("r", Placement.IN_FEED, slots, viewer(), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("slots must be between 1 and 10, was " + slots);
        }

        @ParameterizedTest
        @ValueSource(ints = {1, AdRequest.MAX_SLOTS})
        void acceptsOneToTenSlots(int slots) {
            assertThat(new AdRequest("r", Placement.IN_FEED, slots, viewer(), Set.of()).slots())
                    .isEqualTo(slots);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  "})
        void rejectsABlankRequestId(String requestId) {
            assertThatThrownBy(
                            () ->
                                    new AdRequest(
                                            requestId, Placement.IN_FEED, 1, viewer(), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("requestId must not be blank");
        }

        @Test
        void rejectsAMissingRequestId() {
            assertThatThrownBy(() -> new AdRequest(null, Placement.IN_FEED, 1, viewer(), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("requestId must not be blank");
        }

        @Test
        void rejectsAMissingPlacement() {
            assertThatThrownBy(() -> new AdRequest("r", null, 1, viewer(), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("placement must not be null");
        }

        @Test
        void rejectsAMissingViewer() {
            assertThatThrownBy(() -> new AdRequest("r", Placement.IN_FEED, 1, null, Set.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("viewer must not be null");
        }

        @Test
        void takesMissingExclusionsAsNone() {
            assertThat(new AdRequest("r", Placement.IN_FEED, 1, viewer(), null).excludeItemIds())
                    .isEmpty();
        }

        @Test
        void rejectsANullExcludedItem() {
            // given
            Set<Long> withNull = new HashSet<>();
            withNull.add(null);

            // when / then
            assertThatThrownBy(() -> new AdRequest("r", Placement.IN_FEED, 1, viewer(), withNull))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("excludeItemIds must not contain null");
        }

        @Test
        void keepsItsOwnCopyOfTheExclusions() {
            // given
            Set<Long> excluded = new HashSet<>(Set.of(1L));
            AdRequest request = new AdRequest("r", Placement.IN_FEED, 1, viewer(), excluded);

            // when
            excluded.add(2L);

            // then
            assertThat(request.excludeItemIds()).containsExactly(1L);
        }
    }

    @Nested
    class Viewers {
        @Test
        void takesMissingInterestsAsNone() {
            assertThat(new Viewer("v", null, null, null, null, null, null).interests()).isEmpty();
        }

        @Test
        void rejectsANullInterest() {
            // given
            List<String> withNull = new ArrayList<>();
            withNull.add(null);

            // when / then
            assertThatThrownBy(() -> new Viewer("v", null, null, null, withNull, null, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("interests must not contain null");
        }

        @Test
        void keepsItsOwnCopyOfTheInterests() {
            // given
            List<String> interests = new ArrayList<>(List.of("cooking"));
            Viewer viewer = new Viewer("v", null, null, null, interests, null, null);

            // when
            interests.add("travel");

            // then
            assertThat(viewer.interests()).containsExactly("cooking");
        }
    }

    @Test
    void anAdIsLiveFromItsStartUntilJustBeforeItsEnd() {
        // given
        AdCandidate ad = givenAd(a -> a.start(NOW).end(NOW.plusSeconds(10)));

        // when / then
        assertThat(ad.isLiveAt(NOW.minusNanos(1))).isFalse();
        assertThat(ad.isLiveAt(NOW)).isTrue();
        assertThat(ad.isLiveAt(NOW.plusSeconds(10).minusNanos(1))).isTrue();
        assertThat(ad.isLiveAt(NOW.plusSeconds(10))).isFalse();
    }
}
