package io.sparkads.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sparkads.authorization.SparkReadiness.Traction;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparkReadinessTest {

    @Test
    void aPostWellAboveTheMedianWithHighEngagementAndRisingViewsSaysSoInWords() {
        // given: 2,100 views against a median of 1,000; 120 likes, 20 comments, 15 shares
        Traction post = new Traction(2100, 120, 20, 15, 900, 300);

        // when
        Recommendation r = SparkReadiness.score(post, 1000);

        // then
        assertThat(r.reasons())
                .containsExactly(
                        "2.1× your median views",
                        "engagement 7.4%",
                        "120 likes",
                        "rising this week");
        assertThat(r.why())
                .isEqualTo("2.1× your median views, engagement 7.4%, 120 likes, rising this week");
    }

    @Test
    void theScoreFollowsTheDocumentedFormula() {
        // given
        Traction post = new Traction(2100, 120, 20, 15, 900, 300);

        // when
        double score = SparkReadiness.score(post, 1000).score();

        // then
        double v = Math.min(1, log2(1 + 2.1) / log2(5));
        double l = Math.log10(121) / 4;
        double e = Math.min(1, (155 / 2100.0) / 0.10);
        double g = Math.min(1, 0.5 + log2(901 / 301.0) / 4);
        assertThat(score)
                .isCloseTo(100 * (0.35 * v + 0.20 * l + 0.30 * e + 0.15 * g), within(0.05));
    }

    @Test
    void moreViewsLikesEngagementOrGrowthEachRaiseTheScore() {
        Traction base = new Traction(1000, 50, 10, 5, 100, 100);
        double baseScore = SparkReadiness.score(base, 1000).score();

        assertThat(SparkReadiness.score(new Traction(3000, 50, 10, 5, 100, 100), 1000).score())
                .isGreaterThan(baseScore);
        assertThat(SparkReadiness.score(new Traction(1000, 60, 10, 5, 100, 100), 1000).score())
                .isGreaterThan(baseScore);
        assertThat(SparkReadiness.score(new Traction(1000, 50, 40, 5, 100, 100), 1000).score())
                .isGreaterThan(baseScore);
        assertThat(SparkReadiness.score(new Traction(1000, 50, 10, 5, 300, 100), 1000).score())
                .isGreaterThan(baseScore);
    }

    @Test
    void aFewViewsWithAHighRateDoNotOutrankAnEstablishedPost() {
        // given: 10 views, 5 likes (50 %) against 5,000 views, 400 likes (8 %)
        double tiny = SparkReadiness.score(new Traction(10, 5, 0, 0, 10, 0), 1000).score();
        double established =
                SparkReadiness.score(new Traction(5000, 400, 0, 0, 0, 0), 1000).score();

        assertThat(established).isGreaterThan(tiny);
    }

    @Test
    void slowingPostsAndPostsWithoutViewsAreNamedSo() {
        assertThat(SparkReadiness.score(new Traction(500, 5, 0, 0, 20, 100), 500).reasons())
                .containsExactly("1.0× your median views", "engagement 1.0%", "slowing this week");
        assertThat(SparkReadiness.score(new Traction(0, 0, 0, 0, 0, 0), 500).reasons())
                .containsExactly("no organic views yet");
        assertThat(SparkReadiness.score(new Traction(0, 0, 0, 0, 0, 0), 500).score())
                .as("no views, flat: only the growth term's middle")
                .isEqualTo(7.5);
    }

    @Test
    void fewWeeklyViewsAreNoTrendAndTheScoreStaysWithin0And100() {
        assertThat(SparkReadiness.score(new Traction(100, 1, 0, 0, 9, 0), 100).reasons())
                .doesNotContain("rising this week");
        Recommendation best =
                SparkReadiness.score(new Traction(10_000_000, 9_000_000, 10, 10, 1_000_000, 0), 1);
        assertThat(best.score()).isEqualTo(100.0);
        assertThat(best.reasons()).contains("10000000× your median views", "9.0M likes");
    }

    @Test
    void aMeasuredCompletionRateWeighsFifteenPercentAndIsNamedInWords() {
        // given: the same post, its 1,000 measured plays 82 % watched to the end
        Traction measured = new Traction(2100, 120, 20, 15, 900, 300, 1000, 820);

        // when
        Recommendation r = SparkReadiness.score(measured, 1000);

        // then
        double v = Math.min(1, log2(1 + 2.1) / log2(5));
        double l = Math.log10(121) / 4;
        double e = Math.min(1, (155 / 2100.0) / 0.10);
        double g = Math.min(1, 0.5 + log2(901 / 301.0) / 4);
        double c = Math.min(1, 0.82 / 0.50);
        double traction = 0.35 * v + 0.20 * l + 0.30 * e + 0.15 * g;
        assertThat(r.score()).isCloseTo(100 * (0.85 * traction + 0.15 * c), within(0.05));
        assertThat(r.reasons())
                .containsExactly(
                        "2.1× your median views",
                        "engagement 7.4%",
                        "82% watch to the end",
                        "120 likes",
                        "rising this week");
    }

    @Test
    void moreOfTheMeasuredPlaysWatchedToTheEndRaiseTheScore() {
        double quarter =
                SparkReadiness.score(new Traction(1000, 50, 10, 5, 100, 100, 400, 100), 1000)
                        .score();
        double most =
                SparkReadiness.score(new Traction(1000, 50, 10, 5, 100, 100, 400, 300), 1000)
                        .score();

        assertThat(most).isGreaterThan(quarter);
        assertThat(
                        SparkReadiness.score(
                                        new Traction(1000, 50, 10, 5, 100, 100, 400, 100), 1000)
                                .reasons())
                .contains("25% watch to the end");
    }

    @Test
    void playsNeverMeasuredForCompletionLeaveTheScoreAsWithoutIt() {
        // given: a post whose plays all came before completions were counted
        Traction unmeasured = new Traction(2100, 120, 20, 15, 900, 300, 0, 0);

        // then: neither marked down nor given a completion reason
        assertThat(SparkReadiness.score(unmeasured, 1000))
                .isEqualTo(SparkReadiness.score(new Traction(2100, 120, 20, 15, 900, 300), 1000));
        assertThat(SparkReadiness.score(unmeasured, 1000).reasons())
                .noneMatch(reason -> reason.contains("watch to the end"));
        // and a few measured plays count toward the score but are not named
        assertThat(
                        SparkReadiness.score(new Traction(2100, 120, 20, 15, 900, 300, 9, 9), 1000)
                                .reasons())
                .noneMatch(reason -> reason.contains("watch to the end"));
    }

    @Test
    void theMedianIsTheMiddleOrTheMeanOfTheTwoMiddleViews() {
        assertThat(SparkReadiness.median(List.of(5L, 1L, 9L))).isEqualTo(5);
        assertThat(SparkReadiness.median(List.of(4L, 1L, 9L, 2L))).isEqualTo(3);
        assertThat(SparkReadiness.median(List.of())).isZero();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
