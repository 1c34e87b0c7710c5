package io.sparkads.reporting.web;

import io.sparkads.reporting.ReportMetric;
import io.sparkads.reporting.Reports;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The metrics the Ads Manager's pages offer, in people's words, in the order they are shown. This
 * is the one list the column chooser, the Reporting page and the ad page read; {@link
 * #reported(String)} is the one place that asks the report API which of them it can answer, so a
 * metric the API learns later appears here without another change.
 */
final class ReportMetrics {
    private ReportMetrics() {}

    /** How a metric's value reads: money in the ad account's currency, a count, a percentage. */
    enum Kind {
        MONEY,
        COUNT,
        PERCENT,
        RATIO
    }

    /** A metric: TikTok's name for the report API, what a person calls it, and how it reads. */
    record Metric(String key, String label, String shortLabel, Kind kind) {
        /** The column heading, with the currency for money. */
        String heading(String currency) {
            return kind == Kind.MONEY ? label + " (" + currency + ")" : label;
        }

        /**
         * The heading of a list's column, short as Ads Manager lists have them ("CTR", "CPC
         * (USD)"), so a list's own columns and its figures fit side by side.
         */
        String shortHeading(String currency) {
            return kind == Kind.MONEY ? shortLabel + " (" + currency + ")" : shortLabel;
        }

        /**
         * A value of the report API as the page shows it: counts and money with thousands
         * separators, rates as percentages.
         */
        String display(String value) {
            if (value == null || value.isBlank()) {
                return "—";
            }
            try {
                BigDecimal number = new BigDecimal(value);
                return switch (kind) {
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
        double number(String value) {
            try {
                return value == null ? 0 : Double.parseDouble(value);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    static final List<Metric> ALL =
            List.of(
                    new Metric("spend", "Spend", "Spend", Kind.MONEY),
                    new Metric("impressions", "Impressions", "Impressions", Kind.COUNT),
                    new Metric("reach", "Reach", "Reach", Kind.COUNT),
                    new Metric("frequency", "Frequency", "Frequency", Kind.RATIO),
                    new Metric("clicks", "Clicks", "Clicks", Kind.COUNT),
                    new Metric("ctr", "Click-through rate", "CTR", Kind.PERCENT),
                    new Metric("cpc", "Cost per click", "CPC", Kind.MONEY),
                    new Metric("cpm", "Cost per 1,000 impressions", "CPM", Kind.MONEY),
                    new Metric("view_through_rate", "View-through rate", "VTR", Kind.PERCENT),
                    new Metric(
                            "engagement_rate", "Engagement rate", "Engagement rate", Kind.PERCENT),
                    new Metric("page_view_rate", "Page view rate", "Page view rate", Kind.PERCENT),
                    new Metric("conversion_rate_v2", "Conversion rate", "CVR", Kind.PERCENT),
                    new Metric(
                            "conversion_rate",
                            "Conversion rate (of clicks)",
                            "CVR (clicks)",
                            Kind.PERCENT),
                    new Metric("conversion", "Conversions", "Conversions", Kind.COUNT),
                    new Metric(
                            "cost_per_conversion",
                            "Cost per conversion",
                            "Cost per conversion",
                            Kind.MONEY),
                    new Metric("engagements", "Engagements", "Engagements", Kind.COUNT),
                    new Metric("video_play_actions", "Video plays", "Plays", Kind.COUNT),
                    new Metric(
                            "video_views_p100",
                            "Videos watched to the end",
                            "100% views",
                            Kind.COUNT),
                    new Metric("likes", "Likes", "Likes", Kind.COUNT),
                    new Metric("comments", "Comments", "Comments", Kind.COUNT),
                    new Metric("shares", "Shares", "Shares", Kind.COUNT),
                    new Metric("follows", "Follows", "Follows", Kind.COUNT),
                    new Metric("profile_visits", "Profile visits", "Profile visits", Kind.COUNT),
                    new Metric(
                            "profile_visits_rate",
                            "Profile visit rate",
                            "Profile visit rate",
                            Kind.PERCENT),
                    new Metric(
                            "landing_page_views",
                            "Landing page views",
                            "Landing page views",
                            Kind.COUNT));

    /** The columns the campaign, ad group and ad lists can show. */
    static final List<String> LIST_COLUMNS =
            List.of(
                    "spend",
                    "impressions",
                    "reach",
                    "clicks",
                    "ctr",
                    "cpc",
                    "cpm",
                    "view_through_rate",
                    "engagement_rate",
                    "page_view_rate",
                    "conversion_rate_v2",
                    "conversion",
                    "cost_per_conversion");

    /** What the lists and the Reporting page show until someone chooses. */
    static final List<String> DEFAULT_COLUMNS =
            List.of("spend", "impressions", "clicks", "ctr", "cpc", "cpm");

    /**
     * The FAQ's comparison of Spark with non-Spark ads: view-through rate, engagement rate, page
     * view rate, CVR, CTR and CPC.
     */
    static final List<String> SPARK_COMPARISON =
            List.of(
                    "view_through_rate",
                    "engagement_rate",
                    "page_view_rate",
                    "conversion_rate_v2",
                    "ctr",
                    "cpc");

    /** Whether the report API answers this metric. */
    static boolean reported(String key) {
        return Reports.METRICS.contains(key);
    }

    /**
     * Whether a report broken down this way answers the metric: distinct viewers (reach, frequency)
     * are counted per ad, not per age group, gender, country or placement, so an AUDIENCE report
     * refuses them.
     */
    static boolean splitBy(Breakdown breakdown, String key) {
        return !breakdown.audience()
                || ReportMetric.named(key).map(m -> !m.needsReach()).orElse(true);
    }

    static Optional<Metric> find(String key) {
        return ALL.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    static Metric get(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException(key));
    }

    /** The metrics of the catalogue that the report API answers, among the given keys. */
    static List<Metric> offered(Collection<String> keys) {
        return keys.stream()
                .map(ReportMetrics::find)
                .flatMap(Optional::stream)
                .filter(m -> reported(m.key()))
                .toList();
    }

    /**
     * The chosen metrics that can be shown, in the catalogue's order; the defaults when none of
     * them can.
     */
    static List<Metric> chosen(Collection<String> keys, Collection<String> offered) {
        List<Metric> metrics =
                ALL.stream()
                        .filter(m -> keys != null && keys.contains(m.key()))
                        .filter(m -> offered.contains(m.key()) && reported(m.key()))
                        .toList();
        return metrics.isEmpty() ? offered(DEFAULT_COLUMNS) : metrics;
    }
}
