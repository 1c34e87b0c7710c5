package io.sparkads.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every metric a report offers, under TikTok's name, each defined once: the sum of some base
 * values, divided by the sum of others when it is a rate or a cost. The same definition computes
 * the value of a row (in Java) and sorts rows (in SQL), so the two cannot disagree. Rates are
 * percentages and money has two decimals, rounded half up; a division by zero is {@code 0.00}.
 * docs/metrics.md documents each formula.
 */
public enum ReportMetric {
    SPEND("spend", Formula.money(Base.SPEND)),
    IMPRESSIONS("impressions", Formula.count(Base.of(PaidMetric.IMPRESSIONS))),
    REACH("reach", Formula.count(Base.REACH)),
    FREQUENCY(
            "frequency",
            Formula.ratio(1, List.of(Base.of(PaidMetric.IMPRESSIONS)), List.of(Base.REACH))),
    CLICKS("clicks", Formula.count(Base.of(PaidMetric.CLICKS))),
    CTR(
            "ctr",
            Formula.percent(List.of(Base.of(PaidMetric.CLICKS)), Base.of(PaidMetric.IMPRESSIONS))),
    CPC("cpc", Formula.ratio(1, List.of(Base.SPEND), List.of(Base.of(PaidMetric.CLICKS)))),
    CPM("cpm", Formula.ratio(1000, List.of(Base.SPEND), List.of(Base.of(PaidMetric.IMPRESSIONS)))),
    VIDEO_PLAY_ACTIONS("video_play_actions", Formula.count(Base.of(PaidMetric.VIDEO_PLAYS))),
    VIDEO_WATCHED_2S("video_watched_2s", Formula.count(Base.of(PaidMetric.VIDEO_WATCHED_2S))),
    VIDEO_WATCHED_6S("video_watched_6s", Formula.count(Base.of(PaidMetric.VIDEO_WATCHED_6S))),
    VIDEO_VIEWS_P25("video_views_p25", Formula.count(Base.of(PaidMetric.VIDEO_VIEWS_P25))),
    VIDEO_VIEWS_P50("video_views_p50", Formula.count(Base.of(PaidMetric.VIDEO_VIEWS_P50))),
    VIDEO_VIEWS_P75("video_views_p75", Formula.count(Base.of(PaidMetric.VIDEO_VIEWS_P75))),
    VIDEO_VIEWS_P100("video_views_p100", Formula.count(Base.of(PaidMetric.VIDEO_VIEWS_P100))),
    VIEW_THROUGH_RATE(
            "view_through_rate",
            Formula.percent(
                    List.of(Base.of(PaidMetric.VIDEO_VIEWS_P100)),
                    Base.of(PaidMetric.IMPRESSIONS))),
    LIKES("likes", Formula.count(Base.of(PaidMetric.LIKES))),
    COMMENTS("comments", Formula.count(Base.of(PaidMetric.COMMENTS))),
    SHARES("shares", Formula.count(Base.of(PaidMetric.SHARES))),
    FOLLOWS("follows", Formula.count(Base.of(PaidMetric.FOLLOWS))),
    PROFILE_VISITS("profile_visits", Formula.count(Base.of(PaidMetric.PROFILE_VISITS))),
    PROFILE_VISITS_RATE(
            "profile_visits_rate",
            Formula.percent(
                    List.of(Base.of(PaidMetric.PROFILE_VISITS)), Base.of(PaidMetric.IMPRESSIONS))),
    ENGAGEMENTS("engagements", Formula.count(Engagement.PARTS)),
    ENGAGEMENT_RATE(
            "engagement_rate", Formula.percent(Engagement.PARTS, Base.of(PaidMetric.IMPRESSIONS))),
    LANDING_PAGE_VIEWS("landing_page_views", Formula.count(Base.of(PaidMetric.LANDING_PAGE_VIEWS))),
    PAGE_VIEW_RATE(
            "page_view_rate",
            Formula.percent(
                    List.of(Base.of(PaidMetric.LANDING_PAGE_VIEWS)),
                    Base.of(PaidMetric.IMPRESSIONS))),
    CONVERSION("conversion", Formula.count(Base.of(PaidMetric.CONVERSIONS))),
    CONVERSION_RATE(
            "conversion_rate",
            Formula.percent(List.of(Base.of(PaidMetric.CONVERSIONS)), Base.of(PaidMetric.CLICKS))),
    CONVERSION_RATE_V2(
            "conversion_rate_v2",
            Formula.percent(
                    List.of(Base.of(PaidMetric.CONVERSIONS)), Base.of(PaidMetric.IMPRESSIONS))),
    COST_PER_CONVERSION(
            "cost_per_conversion",
            Formula.ratio(1, List.of(Base.SPEND), List.of(Base.of(PaidMetric.CONVERSIONS))));

    /** Every metric name, in the order a table shows them. */
    public static final List<String> NAMES =
            Arrays.stream(values()).map(ReportMetric::wireName).toList();

    private final String wireName;
    private final Formula formula;

    ReportMetric(String wireName, Formula formula) {
        this.wireName = wireName;
        this.formula = formula;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ReportMetric> named(String name) {
        for (ReportMetric metric : values()) {
            if (metric.wireName.equals(name)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }

    /** The metric's value for a row, as the report shows it. */
    public String valueOf(ReportTotals totals) {
        return formula.valueOf(totals);
    }

    /** Whether the metric needs the row's distinct viewers. */
    public boolean needsReach() {
        return formula.uses(Base.REACH);
    }

    /**
     * The metric as an SQL expression over a rollup table's sums, to sort by; empty when it cannot
     * be sorted in SQL (reach is counted apart from the sums).
     */
    public Optional<String> sql() {
        return needsReach() ? Optional.empty() : Optional.of(formula.sql());
    }

    /** A value a metric is computed from: a paid counter, the spend, or the reach. */
    record Base(PaidMetric counter, String name) {
        static final Base SPEND = new Base(null, "spend");
        static final Base REACH = new Base(null, "reach");

        static Base of(PaidMetric counter) {
            return new Base(counter, counter.column());
        }

        BigDecimal valueOf(ReportTotals totals) {
            if (this.equals(SPEND)) {
                return totals.spend();
            }
            if (this.equals(REACH)) {
                return BigDecimal.valueOf(totals.reach());
            }
            return BigDecimal.valueOf(totals.count(counter));
        }

        String sql() {
            return "sum(" + name + ")";
        }
    }

    private static final class Engagement {
        /** engagements = clicks + likes + comments + shares + follows + profile visits. */
        static final List<Base> PARTS =
                List.of(
                        Base.of(PaidMetric.CLICKS),
                        Base.of(PaidMetric.LIKES),
                        Base.of(PaidMetric.COMMENTS),
                        Base.of(PaidMetric.SHARES),
                        Base.of(PaidMetric.FOLLOWS),
                        Base.of(PaidMetric.PROFILE_VISITS));
    }

    /**
     * Sum of {@code numerator} × {@code factor} ÷ sum of {@code denominator}; without a denominator
     * the plain sum, a whole number unless {@code decimal}.
     */
    record Formula(List<Base> numerator, List<Base> denominator, int factor, boolean decimal) {
        static Formula count(Base base) {
            return count(List.of(base));
        }

        static Formula count(List<Base> parts) {
            return new Formula(parts, List.of(), 1, false);
        }

        static Formula money(Base base) {
            return new Formula(List.of(base), List.of(), 1, true);
        }

        static Formula percent(List<Base> numerator, Base denominator) {
            return ratio(100, numerator, List.of(denominator));
        }

        static Formula ratio(int factor, List<Base> numerator, List<Base> denominator) {
            return new Formula(numerator, denominator, factor, true);
        }

        boolean uses(Base base) {
            return numerator.contains(base) || denominator.contains(base);
        }

        String valueOf(ReportTotals totals) {
            BigDecimal top = sum(numerator, totals);
            if (denominator.isEmpty()) {
                return decimal
                        ? top.setScale(2, RoundingMode.HALF_UP).toPlainString()
                        : top.toPlainString();
            }
            BigDecimal bottom = sum(denominator, totals);
            if (bottom.signum() == 0) {
                return "0.00";
            }
            return top.multiply(BigDecimal.valueOf(factor))
                    .divide(bottom, 2, RoundingMode.HALF_UP)
                    .toPlainString();
        }

        String sql() {
            String top = sql(numerator);
            if (denominator.isEmpty()) {
                return top;
            }
            return "coalesce("
                    + top
                    + " * "
                    + factor
                    + " / nullif("
                    + sql(denominator)
                    + ", 0), 0)";
        }

        private static String sql(List<Base> parts) {
            return parts.stream().map(Base::sql).collect(Collectors.joining(" + ", "(", ")"));
        }

        private static BigDecimal sum(List<Base> parts, ReportTotals totals) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Base part : parts) {
                sum = sum.add(part.valueOf(totals));
            }
            return sum;
        }
    }
}
