package io.sparkads.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportMetricTest {

    /** 400 impressions, 200 viewers, 10 clicks, ... and 12.3456789 spent. */
    private static ReportTotals aRow() {
        return new ReportTotals()
                .count(PaidMetric.IMPRESSIONS, 400)
                .count(PaidMetric.CLICKS, 10)
                .count(PaidMetric.VIDEO_PLAYS, 300)
                .count(PaidMetric.VIDEO_WATCHED_2S, 250)
                .count(PaidMetric.VIDEO_WATCHED_6S, 200)
                .count(PaidMetric.VIDEO_VIEWS_P25, 180)
                .count(PaidMetric.VIDEO_VIEWS_P50, 120)
                .count(PaidMetric.VIDEO_VIEWS_P75, 90)
                .count(PaidMetric.VIDEO_VIEWS_P100, 33)
                .count(PaidMetric.LIKES, 7)
                .count(PaidMetric.COMMENTS, 2)
                .count(PaidMetric.SHARES, 1)
                .count(PaidMetric.FOLLOWS, 3)
                .count(PaidMetric.PROFILE_VISITS, 5)
                .count(PaidMetric.LANDING_PAGE_VIEWS, 6)
                .count(PaidMetric.CONVERSIONS, 3)
                .spend(new BigDecimal("12.3456789"))
                .reach(300);
    }

    private static Map<String, String> valuesOf(ReportTotals totals) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ReportMetric metric : ReportMetric.values()) {
            values.put(metric.wireName(), metric.valueOf(totals));
        }
        return values;
    }

    @Test
    void everyMetricFollowsItsDocumentedFormula() {
        // given
        ReportTotals row = aRow();

        // when
        Map<String, String> values = valuesOf(row);

        // then
        assertThat(values)
                .containsEntry("spend", "12.35")
                .containsEntry("impressions", "400")
                .containsEntry("reach", "300")
                .containsEntry("frequency", "1.33") // 400 / 300
                .containsEntry("clicks", "10")
                .containsEntry("ctr", "2.50") // 10 / 400
                .containsEntry("cpc", "1.23") // 12.3456789 / 10
                .containsEntry("cpm", "30.86") // 12.3456789 / 400 * 1000 = 30.864
                .containsEntry("video_play_actions", "300")
                .containsEntry("video_watched_2s", "250")
                .containsEntry("video_watched_6s", "200")
                .containsEntry("video_views_p25", "180")
                .containsEntry("video_views_p50", "120")
                .containsEntry("video_views_p75", "90")
                .containsEntry("video_views_p100", "33")
                .containsEntry("view_through_rate", "8.25") // 33 / 400
                .containsEntry("likes", "7")
                .containsEntry("comments", "2")
                .containsEntry("shares", "1")
                .containsEntry("follows", "3")
                .containsEntry("profile_visits", "5")
                .containsEntry("profile_visits_rate", "1.25") // 5 / 400
                .containsEntry("engagements", "28") // 10 + 7 + 2 + 1 + 3 + 5
                .containsEntry("engagement_rate", "7.00") // 28 / 400
                .containsEntry("landing_page_views", "6")
                .containsEntry("page_view_rate", "1.50") // 6 / 400, profile visits not added
                .containsEntry("conversion", "3")
                .containsEntry("conversion_rate", "30.00") // 3 / 10 clicks
                .containsEntry("conversion_rate_v2", "0.75") // 3 / 400 impressions
                .containsEntry("cost_per_conversion", "4.12"); // 12.3456789 / 3 = 4.1152
        assertThat(values).hasSize(ReportMetric.values().length).hasSize(30);
    }

    @Test
    void aRateOrCostOverZeroIsZeroWithTwoDecimals() {
        // given: nothing happened, but money was (somehow) spent
        ReportTotals empty = new ReportTotals().spend(new BigDecimal("1.5"));

        // when
        Map<String, String> values = valuesOf(empty);

        // then
        for (String rate :
                new String[] {
                    "frequency",
                    "ctr",
                    "cpc",
                    "cpm",
                    "view_through_rate",
                    "profile_visits_rate",
                    "engagement_rate",
                    "page_view_rate",
                    "conversion_rate",
                    "conversion_rate_v2",
                    "cost_per_conversion"
                }) {
            assertThat(values.get(rate)).as(rate).isEqualTo("0.00");
        }
        assertThat(values.get("impressions")).isEqualTo("0");
        assertThat(values.get("spend")).isEqualTo("1.50");
    }

    @Test
    void ratesRoundHalfUpToTwoDecimals() {
        // given: 1 of 8 = 12.5 %, 1 of 3 = 33.333 %, 2 of 3 = 66.667 %
        ReportTotals eighth =
                new ReportTotals().count(PaidMetric.IMPRESSIONS, 8).count(PaidMetric.CLICKS, 1);
        ReportTotals third =
                new ReportTotals().count(PaidMetric.IMPRESSIONS, 3).count(PaidMetric.CLICKS, 1);
        ReportTotals twoThirds =
                new ReportTotals().count(PaidMetric.IMPRESSIONS, 3).count(PaidMetric.CLICKS, 2);

        // when / then
        assertThat(ReportMetric.CTR.valueOf(eighth)).isEqualTo("12.50");
        assertThat(ReportMetric.CTR.valueOf(third)).isEqualTo("33.33");
        assertThat(ReportMetric.CTR.valueOf(twoThirds)).isEqualTo("66.67");
        assertThat(
                        ReportMetric.CPM.valueOf(
                                new ReportTotals()
                                        .count(PaidMetric.IMPRESSIONS, 3)
                                        .spend(new BigDecimal("0.01"))))
                .isEqualTo("3.33");
    }

    @Test
    void theSortExpressionIsTheSameFormulaInSql() {
        assertThat(ReportMetric.CTR.sql())
                .contains("coalesce((sum(clicks)) * 100 / nullif((sum(impressions)), 0), 0)");
        assertThat(ReportMetric.ENGAGEMENTS.sql())
                .contains(
                        "(sum(clicks) + sum(likes) + sum(comments) + sum(shares) + sum(follows) + sum(profile_visits))");
        assertThat(ReportMetric.CPM.sql())
                .contains("coalesce((sum(spend)) * 1000 / nullif((sum(impressions)), 0), 0)");
    }

    @Test
    void reachAndFrequencyCannotBeSortedInSqlAndNeedTheViewers() {
        assertThat(ReportMetric.REACH.sql()).isEmpty();
        assertThat(ReportMetric.FREQUENCY.sql()).isEmpty();
        assertThat(ReportMetric.REACH.needsReach()).isTrue();
        assertThat(ReportMetric.FREQUENCY.needsReach()).isTrue();
        assertThat(ReportMetric.CTR.needsReach()).isFalse();
    }

    @Test
    void theMetricNamesAreTikToksInTableOrder() {
        assertThat(ReportMetric.NAMES)
                .startsWith("spend", "impressions", "reach", "frequency", "clicks", "ctr")
                .contains(
                        "conversion_rate_v2",
                        "profile_visits_rate",
                        "page_view_rate",
                        "view_through_rate")
                .doesNotHaveDuplicates();
        assertThat(Reports.METRIC_NAMES).isEqualTo(ReportMetric.NAMES);
    }
}
