package io.sparkads.trends;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.tracking.EventType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendActivityTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final TrendActivity.PostFacts POST =
            new TrendActivity.PostFacts(11, 7, "US", List.of("cats", "cats", "dogs"), "s1");

    @Test
    void aViewCountsForThePostItsCreatorSoundAndEachHashtagOnceInItsRegionAndAll() {
        TrendActivity activity =
                new TrendActivity()
                        .events(POST, TrendActivity.VIEWS, DAY, "DE", "AGE_18_24", null, 1);

        assertThat(activity.cells()).hasSize(5 * 2);
        assertThat(
                        activity.cells()
                                .get(new TrendActivity.Cell(TrendKind.HASHTAG, "DE", "cats", DAY))[
                                TrendActivity.VIEWS])
                .isEqualTo(1);
        assertThat(
                        activity.cells()
                                .get(new TrendActivity.Cell(TrendKind.CREATOR, "ALL", "7", DAY))[
                                TrendActivity.VIEWS])
                .isEqualTo(1);
        assertThat(activity.cells())
                .doesNotContainKey(new TrendActivity.Cell(TrendKind.POST, "US", "11", DAY));
        assertThat(activity.audience())
                .containsEntry(
                        new TrendActivity.AudienceCell(
                                TrendKind.SOUND, "s1", DAY, "AGE_18_24", "NONE", "DE"),
                        1L);
    }

    @Test
    void withoutAViewerRegionTheCreatorsRegionCountsAndALikeHasNoAudience() {
        TrendActivity activity =
                new TrendActivity().events(POST, TrendActivity.LIKES, DAY, null, null, null, 1);

        long[] counts =
                activity.cells().get(new TrendActivity.Cell(TrendKind.POST, "US", "11", DAY));
        assertThat(counts[TrendActivity.LIKES]).isEqualTo(1);
        assertThat(TrendActivity.score(counts)).isEqualTo(TrendScore.LIKE_WEIGHT);
        assertThat(activity.audience()).isEmpty();
    }

    @Test
    void aNewPostCountsOncePerTrendInItsCreatorsRegion() {
        TrendActivity activity = new TrendActivity().post(POST, DAY);

        assertThat(
                        activity.cells()
                                .get(new TrendActivity.Cell(TrendKind.HASHTAG, "US", "dogs", DAY))[
                                TrendActivity.POSTS])
                .isEqualTo(1);
        assertThat(
                        activity.cells()
                                .get(new TrendActivity.Cell(TrendKind.HASHTAG, "ALL", "cats", DAY))[
                                TrendActivity.POSTS])
                .isEqualTo(1);
        assertThat(activity.postKeys()).hasSize(5);
    }

    @Test
    void alikeEventsCountedTogetherAddWhatTheyAddOneByOne() {
        TrendActivity oneByOne = new TrendActivity();
        for (int i = 0; i < 3; i++) {
            oneByOne.events(POST, TrendActivity.VIEWS, DAY, "DE", "AGE_18_24", null, 1);
        }

        TrendActivity together =
                new TrendActivity()
                        .events(POST, TrendActivity.VIEWS, DAY, "DE", "AGE_18_24", null, 3);

        assertThat(together.cells().keySet()).isEqualTo(oneByOne.cells().keySet());
        together.cells()
                .forEach(
                        (cell, counts) -> assertThat(counts).isEqualTo(oneByOne.cells().get(cell)));
        assertThat(together.cells().get(new TrendActivity.Cell(TrendKind.POST, "DE", "11", DAY)))
                .startsWith(3L);
        assertThat(together.audience()).isEqualTo(oneByOne.audience());
        assertThat(together.audience().values()).containsOnly(3L);
    }

    @Test
    void onlyViewsLikesCommentsAndSharesCountInTrends() {
        assertThat(TrendIntake.trendCounterOf(EventType.VIDEO_PLAY.postCounter().orElseThrow()))
                .isEqualTo(TrendActivity.VIEWS);
        assertThat(TrendIntake.trendCounterOf(EventType.LIKE.postCounter().orElseThrow()))
                .isEqualTo(TrendActivity.LIKES);
        assertThat(TrendIntake.trendCounterOf(EventType.COMMENT.postCounter().orElseThrow()))
                .isEqualTo(TrendActivity.COMMENTS);
        assertThat(TrendIntake.trendCounterOf(EventType.SHARE.postCounter().orElseThrow()))
                .isEqualTo(TrendActivity.SHARES);
        assertThat(TrendIntake.trendCounterOf(EventType.FOLLOW.postCounter().orElseThrow()))
                .isNegative();
        assertThat(TrendIntake.trendCounterOf(EventType.VIDEO_P100.postCounter().orElseThrow()))
                .isNegative();
        assertThat(EventType.IMPRESSION.postCounter()).as("not queued at all").isEmpty();
    }
}
