package io.sparkads.reporting.web;

import static io.sparkads.reporting.ReportMetric.CLICKS;
import static io.sparkads.reporting.ReportMetric.COMMENTS;
import static io.sparkads.reporting.ReportMetric.CONVERSION;
import static io.sparkads.reporting.ReportMetric.CONVERSION_RATE;
import static io.sparkads.reporting.ReportMetric.CONVERSION_RATE_V2;
import static io.sparkads.reporting.ReportMetric.COST_PER_CONVERSION;
import static io.sparkads.reporting.ReportMetric.CPC;
import static io.sparkads.reporting.ReportMetric.CPM;
import static io.sparkads.reporting.ReportMetric.CTR;
import static io.sparkads.reporting.ReportMetric.ENGAGEMENTS;
import static io.sparkads.reporting.ReportMetric.ENGAGEMENT_RATE;
import static io.sparkads.reporting.ReportMetric.FOLLOWS;
import static io.sparkads.reporting.ReportMetric.FREQUENCY;
import static io.sparkads.reporting.ReportMetric.IMPRESSIONS;
import static io.sparkads.reporting.ReportMetric.LANDING_PAGE_VIEWS;
import static io.sparkads.reporting.ReportMetric.LIKES;
import static io.sparkads.reporting.ReportMetric.PAGE_VIEW_RATE;
import static io.sparkads.reporting.ReportMetric.PROFILE_VISITS;
import static io.sparkads.reporting.ReportMetric.PROFILE_VISITS_RATE;
import static io.sparkads.reporting.ReportMetric.REACH;
import static io.sparkads.reporting.ReportMetric.SHARES;
import static io.sparkads.reporting.ReportMetric.SPEND;
import static io.sparkads.reporting.ReportMetric.VIDEO_PLAY_ACTIONS;
import static io.sparkads.reporting.ReportMetric.VIDEO_VIEWS_P100;
import static io.sparkads.reporting.ReportMetric.VIEW_THROUGH_RATE;

import io.sparkads.reporting.ReportMetric;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Which of the {@link ReportMetric}s the Ads Manager's pages offer, in the order they show them,
 * and how a value reads on a page. The metrics themselves (name, label, formula) are defined once,
 * in {@link ReportMetric}; this class only picks and orders them.
 */
final class ReportMetrics {
    private ReportMetrics() {}

    /** The column chooser of the Reporting page, in its order. */
    static final List<ReportMetric> ALL =
            List.of(
                    SPEND,
                    IMPRESSIONS,
                    REACH,
                    FREQUENCY,
                    CLICKS,
                    CTR,
                    CPC,
                    CPM,
                    VIEW_THROUGH_RATE,
                    ENGAGEMENT_RATE,
                    PAGE_VIEW_RATE,
                    CONVERSION_RATE_V2,
                    CONVERSION_RATE,
                    CONVERSION,
                    COST_PER_CONVERSION,
                    ENGAGEMENTS,
                    VIDEO_PLAY_ACTIONS,
                    VIDEO_VIEWS_P100,
                    LIKES,
                    COMMENTS,
                    SHARES,
                    FOLLOWS,
                    PROFILE_VISITS,
                    PROFILE_VISITS_RATE,
                    LANDING_PAGE_VIEWS);

    /**
     * The columns the campaign, ad group and ad lists can show: the chooser's, in its order, up to
     * the cost per conversion, without frequency and the older conversion rate.
     */
    static final List<ReportMetric> LIST_COLUMNS =
            ALL.stream()
                    .takeWhile(m -> m != ENGAGEMENTS)
                    .filter(m -> m != FREQUENCY && m != CONVERSION_RATE)
                    .toList();

    /** What the lists and the Reporting page show until someone chooses. */
    static final List<ReportMetric> DEFAULT_COLUMNS =
            List.of(SPEND, IMPRESSIONS, CLICKS, CTR, CPC, CPM);

    /**
     * The FAQ's comparison of Spark with non-Spark ads: view-through rate, engagement rate, page
     * view rate, CVR, CTR and CPC.
     */
    static final List<ReportMetric> SPARK_COMPARISON =
            List.of(
                    VIEW_THROUGH_RATE,
                    ENGAGEMENT_RATE,
                    PAGE_VIEW_RATE,
                    CONVERSION_RATE_V2,
                    CTR,
                    CPC);

    /**
     * Whether a report broken down this way answers the metric: distinct viewers (reach, frequency)
     * are counted per ad, not per age group, gender, country or placement, so an AUDIENCE report
     * refuses them.
     */
    static boolean splitBy(Breakdown breakdown, ReportMetric metric) {
        return !breakdown.audience() || !metric.needsReach();
    }

    /**
     * The chosen metrics (by their API names) that can be shown, in the catalogue's order; the
     * defaults when none of them can.
     */
    static List<ReportMetric> chosen(Collection<String> keys, Collection<ReportMetric> offered) {
        List<ReportMetric> metrics =
                ALL.stream()
                        .filter(m -> keys != null && keys.contains(m.wireName()))
                        .filter(offered::contains)
                        .toList();
        return metrics.isEmpty() ? DEFAULT_COLUMNS : metrics;
    }

    /** The metrics' API names, as a report query and the page's form name them. */
    static List<String> keys(Collection<ReportMetric> metrics) {
        return metrics.stream().map(ReportMetric::wireName).toList();
    }

    /**
     * A value of the report API as the page shows it: counts and money with thousands separators,
     * rates as percentages.
     */
    static String display(ReportMetric metric, String value) {
        if (value == null || value.isBlank()) {
            return "—";
        }
        try {
            BigDecimal number = new BigDecimal(value);
            return switch (metric.unit()) {
                case COUNT -> String.format(Locale.ROOT, "%,d", number.longValue());
                case MONEY ->
                        String.format(
                                Locale.ROOT, "%,.2f", number.setScale(2, RoundingMode.HALF_UP));
                case PERCENT -> number.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
                case RATIO -> number.setScale(2, RoundingMode.HALF_UP).toPlainString();
            };
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** The value as a number for a chart; zero when the API sent none. */
    static double number(String value) {
        try {
            return value == null ? 0 : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
