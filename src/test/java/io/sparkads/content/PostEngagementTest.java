package io.sparkads.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.content.PostEngagement.Counter;
import org.junit.jupiter.api.Test;

class PostEngagementTest {
    private static final java.time.Instant AT = java.time.Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void organicAndPaidEventsAreCountedApartPerPost() {
        // given
        PostEngagement engagement = new PostEngagement();

        // when
        engagement
                .organic(7, Counter.VIEWS, AT)
                .organic(7, Counter.VIEWS, AT)
                .organic(7, Counter.LIKES, AT);
        engagement.paid(7, Counter.VIEWS).paid(7, Counter.FOLLOWS).paid(9, Counter.LIKES);

        // then
        assertThat(engagement.organicCount(7, Counter.VIEWS)).isEqualTo(2);
        assertThat(engagement.organicCount(7, Counter.LIKES)).isEqualTo(1);
        assertThat(engagement.paidCount(7, Counter.VIEWS)).isEqualTo(1);
        assertThat(engagement.paidCount(7, Counter.FOLLOWS)).isEqualTo(1);
        assertThat(engagement.paidCount(7, Counter.LIKES)).isZero();
        assertThat(engagement.organicCount(9, Counter.LIKES)).isZero();
        assertThat(engagement.paidCount(9, Counter.LIKES)).isEqualTo(1);
    }

    @Test
    void organicEventsAreAlsoCountedPerPostAndUtcDayTheyHappened() {
        // given
        PostEngagement engagement = new PostEngagement();
        java.time.Instant lateEvening = java.time.Instant.parse("2026-11-26T23:59:59Z");
        java.time.Instant nextMorning = java.time.Instant.parse("2026-11-27T00:00:01Z");

        // when
        engagement.organic(7, Counter.VIEWS, lateEvening).organic(7, Counter.VIEWS, nextMorning);
        engagement.organic(7, Counter.LIKES, nextMorning).paid(7, Counter.VIEWS);

        // then
        var days = engagement.organicDays();
        assertThat(days.keySet())
                .containsExactly(
                        new PostEngagement.PostDay(7, java.time.LocalDate.parse("2026-11-26")),
                        new PostEngagement.PostDay(7, java.time.LocalDate.parse("2026-11-27")));
        long[] secondDay = days.get(days.lastKey());
        assertThat(secondDay[Counter.VIEWS.ordinal()]).isEqualTo(1);
        assertThat(secondDay[Counter.LIKES.ordinal()]).isEqualTo(1);
        assertThat(days.get(days.firstKey())[Counter.VIEWS.ordinal()])
                .as("paid views are not organic")
                .isEqualTo(1);
    }

    @Test
    void postsAreUpdatedInIdOrderSoConcurrentBatchesCannotDeadlock() {
        // given
        PostEngagement engagement = new PostEngagement();

        // when
        engagement.paid(30, Counter.LIKES).organic(10, Counter.VIEWS, AT).paid(20, Counter.SHARES);
        engagement.organic(30, Counter.COMMENTS, AT);

        // then
        assertThat(engagement.itemIds()).containsExactly(10L, 20L, 30L);
    }

    @Test
    void thePostShowsOrganicViewsOnlyAndOrganicPlusPaidEngagement() {
        // given
        Post post =
                new Post(
                        1,
                        2,
                        "caption",
                        java.util.List.of(),
                        null,
                        1000,
                        null,
                        Post.Visibility.PUBLIC,
                        java.time.Instant.EPOCH,
                        null,
                        new Post.OrganicCounters(100, 10, 5, 3, 2, 8),
                        false,
                        new Post.PaidCounters(40, 4, 1, 1, 6, 9));

        // when
        Post.PublicCounters shown = post.publicCounters();

        // then
        assertThat(shown).isEqualTo(new Post.PublicCounters(100, 14, 6, 4, 8));
    }
}
