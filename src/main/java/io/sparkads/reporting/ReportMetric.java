package io.sparkads.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every metric a report offers, under TikTok's name and in people's words, each defined once: the
 * report API, the pages and the CSV export all read this one list. A value is the sum of some base
 * values, divided by the sum of others when it is a rate or a cost. The same definition computes
 * the value of a row (in Java) and sorts rows (in SQL), so the two cannot disagree. Rates are
 * percentages and money has two decimals, rounded half up; a division by zero is {@code 0.00}.
 * docs/metrics.md documents each formula.
 */
public enum ReportMetric {
    SPEND("Spend", Formula.money(Base.SPEND)),
    IMPRESSIONS("Impressions", count(PaidMetric.IMPRESSIONS)),
    REACH("Reach", Formula.count(List.of(Base.REACH))),
    FREQUENCY("Frequency", Formula.ratio(List.of(Base.of(PaidMetric.IMPRESSIONS)), Base.REACH)),
    CLICKS("Clicks", count(PaidMetric.CLICKS)),
    CTR("Click-through rate", "CTR", percent(PaidMetric.CLICKS, PaidMetric.IMPRESSIONS)),
    CPC("Cost per click", "CPC", Formula.costPer(1, PaidMetric.CLICKS)),
    CPM("Cost per 1,000 impressions", "CPM", Formula.costPer(1000, PaidMetric.IMPRESSIONS)),
    VIDEO_PLAY_ACTIONS("Video plays", "Plays", count(PaidMetric.VIDEO_PLAYS)),
    VIDEO_WATCHED_2S(
            "Videos watched for 2 seconds", "2-second views", count(PaidMetric.VIDEO_WATCHED_2S)),
    VIDEO_WATCHED_6S(
            "Videos watched for 6 seconds", "6-second views", count(PaidMetric.VIDEO_WATCHED_6S)),
    VIDEO_VIEWS_P25("Videos watched to 25%", "25% views", count(PaidMetric.VIDEO_VIEWS_P25)),
    VIDEO_VIEWS_P50("Videos watched to 50%", "50% views", count(PaidMetric.VIDEO_VIEWS_P50)),
    VIDEO_VIEWS_P75("Videos watched to 75%", "75% views", count(PaidMetric.VIDEO_VIEWS_P75)),
    VIDEO_VIEWS_P100("Videos watched to the end", "100% views", count(PaidMetric.VIDEO_VIEWS_P100)),
    VIEW_THROUGH_RATE(
            "View-through rate",
            "VTR",
            percent(PaidMetric.VIDEO_VIEWS_P100, PaidMetric.IMPRESSIONS)),
    LIKES("Likes", count(PaidMetric.LIKES)),
    COMMENTS("Comments", count(PaidMetric.COMMENTS)),
    SHARES("Shares", count(PaidMetric.SHARES)),
    FOLLOWS("Follows", count(PaidMetric.FOLLOWS)),
    PROFILE_VISITS("Profile visits", count(PaidMetric.PROFILE_VISITS)),
    PROFILE_VISITS_RATE(
            "Profile visit rate", percent(PaidMetric.PROFILE_VISITS, PaidMetric.IMPRESSIONS)),
    ENGAGEMENTS("Engagements", Formula.count(Engagement.PARTS)),
    ENGAGEMENT_RATE("Engagement rate", Formula.percent(Engagement.PARTS, PaidMetric.IMPRESSIONS)),
    LANDING_PAGE_VIEWS("Landing page views", count(PaidMetric.LANDING_PAGE_VIEWS)),
    PAGE_VIEW_RATE(
            "Page view rate", percent(PaidMetric.LANDING_PAGE_VIEWS, PaidMetric.IMPRESSIONS)),
    CONVERSION("Conversions", count(PaidMetric.CONVERSIONS)),
    CONVERSION_RATE(
            "Conversion rate (of clicks)",
            "CVR (clicks)",
            percent(PaidMetric.CONVERSIONS, PaidMetric.CLICKS)),
    CONVERSION_RATE_V2(
            "Conversion rate", "CVR", percent(PaidMetric.CONVERSIONS, PaidMetric.IMPRESSIONS)),
    COST_PER_CONVERSION("Cost per conversion", Formula.costPer(1, PaidMetric.CONVERSIONS));

    /** Every metric name, in the order a table shows them. */
    public static final List<String> NAMES =
            Arrays.stream(values()).map(ReportMetric::wireName).toList();

    /** How a metric's value reads: money in the ad account's currency, a count, a percentage. */
    public enum Unit {
        MONEY,
        COUNT,
        PERCENT,
        RATIO
    }

    private final String wireName;
    private final String label;
    private final String shortLabel;
    private final Formula formula;

    ReportMetric(String label, Formula formula) {
        this(label, label, formula);
    }

    /**
     * @param label what a person calls the metric ("Click-through rate")
     * @param shortLabel the heading of a list's column, short as Ads Manager lists have them
     *     ("CTR"), so a list's own columns and its figures fit side by side
     */
    ReportMetric(String label, String shortLabel, Formula formula) {
        // TikTok's name is the constant's name in lower case, for every metric.
        this.wireName = name().toLowerCase(Locale.ROOT);
        this.label = label;
        this.shortLabel = shortLabel;
        this.formula = formula;
    }

    /** TikTok's name for the metric in the report API. */
    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    public String shortLabel() {
        return shortLabel;
    }

    public Unit unit() {
        return formula.unit();
    }

    /** The column heading, with the currency for money ("Spend (USD)"). */
    public String heading(String currency) {
        return unit() == Unit.MONEY ? label + " (" + currency + ")" : label;
    }

    /** The short column heading, with the currency for money ("CPC (USD)"). */
    public String shortHeading(String currency) {
        return unit() == Unit.MONEY ? shortLabel + " (" + currency + ")" : shortLabel;
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

    private static Formula count(PaidMetric counter) {
        return Formula.count(List.of(Base.of(counter)));
    }

    private static Formula percent(PaidMetric numerator, PaidMetric denominator) {
        return Formula.percent(List.of(Base.of(numerator)), denominator);
    }

    /**
     * Sum of {@code numerator} × {@code factor} ÷ sum of {@code denominator}; without a denominator
     * the plain sum, a whole number for a count and two decimals otherwise.
     */
    record Formula(List<Base> numerator, List<Base> denominator, int factor, Unit unit) {
        static Formula count(List<Base> parts) {
            return new Formula(parts, List.of(), 1, Unit.COUNT);
        }

        static Formula money(Base base) {
            return new Formula(List.of(base), List.of(), 1, Unit.MONEY);
        }

        static Formula percent(List<Base> numerator, PaidMetric denominator) {
            return new Formula(numerator, List.of(Base.of(denominator)), 100, Unit.PERCENT);
        }

        /** The spend per {@code per} of the counter: CPC, CPM, cost per conversion. */
        static Formula costPer(int per, PaidMetric counter) {
            return new Formula(List.of(Base.SPEND), List.of(Base.of(counter)), per, Unit.MONEY);
        }

        static Formula ratio(List<Base> numerator, Base denominator) {
            return new Formula(numerator, List.of(denominator), 1, Unit.RATIO);
        }

        boolean uses(Base base) {
            return numerator.contains(base) || denominator.contains(base);
        }

        String valueOf(ReportTotals totals) {
            BigDecimal top = sum(numerator, totals);
            if (denominator.isEmpty()) {
                return unit != Unit.COUNT
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
