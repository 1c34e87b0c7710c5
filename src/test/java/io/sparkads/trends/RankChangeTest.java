package io.sparkads.trends;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RankChangeTest {
    @Test
    void climbingIsPositiveAndFallingNegative() {
        assertThat(RankChange.of(2, 5)).isEqualTo(new RankChange(3, false));
        assertThat(RankChange.of(7, 5)).isEqualTo(new RankChange(-2, false));
        assertThat(RankChange.of(4, 4)).isEqualTo(new RankChange(0, false));
    }

    @Test
    void absentFromThePreviousTop100IsNew() {
        assertThat(RankChange.of(1, null)).isEqualTo(new RankChange(null, true));
        assertThat(RankChange.of(1, 101).isNew()).isTrue();
        assertThat(RankChange.of(100, 100).isNew()).isFalse();
    }

    @Test
    void theScoreWeighsEngagementAboveViews() {
        assertThat(TrendScore.of(10, 0, 0, 0)).isEqualTo(10);
        assertThat(TrendScore.of(1, 1, 1, 1)).isEqualTo(1 + 3 + 5 + 8);
        assertThat(TrendScore.of(1, 0, 0, 1)).isGreaterThan(TrendScore.of(5, 0, 0, 0));
    }
}
