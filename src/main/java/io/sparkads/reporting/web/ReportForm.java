package io.sparkads.reporting.web;

import io.sparkads.accounts.Advertiser;
import io.sparkads.common.Refusal;
import io.sparkads.reporting.ReportMetric;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Reporting page's form, as the browser sends it (a GET, so a report has an address to keep and
 * share). {@code preset=spark} is the FAQ's comparison: the account split into Spark and non-Spark
 * ads on its six metrics.
 */
record ReportForm(
        String level,
        String range,
        String from,
        String to,
        String breakdown,
        List<String> metrics,
        List<String> chart,
        String campaign,
        String adgroup,
        String ad,
        String preset) {

    static final String SPARK_PRESET = "spark";

    boolean sparkPreset() {
        return SPARK_PRESET.equals(preset);
    }

    ReportLevel reportLevel() {
        return sparkPreset() ? ReportLevel.ACCOUNT : ReportLevel.of(level);
    }

    Breakdown reportBreakdown() {
        return sparkPreset() ? Breakdown.SPARK : Breakdown.of(breakdown);
    }

    /** The metrics the person ticked (the preset's six for the preset). */
    List<ReportMetric> chosenMetrics() {
        return sparkPreset()
                ? ReportMetrics.SPARK_COMPARISON
                : ReportMetrics.chosen(metrics, ReportMetrics.ALL);
    }

    /**
     * The chosen metrics the report can split by its breakdown: reach and frequency count viewers
     * per ad, so an audience breakdown leaves them out (the defaults when nothing is left).
     */
    List<ReportMetric> reportMetrics() {
        Breakdown split = knownBreakdown();
        List<ReportMetric> shown =
                chosenMetrics().stream().filter(m -> ReportMetrics.splitBy(split, m)).toList();
        return shown.isEmpty()
                ? ReportMetrics.DEFAULT_COLUMNS.stream()
                        .filter(m -> ReportMetrics.splitBy(split, m))
                        .toList()
                : shown;
    }

    /** The chosen metrics the breakdown leaves out, to say so on the page. */
    List<ReportMetric> leftOutMetrics() {
        Breakdown split = knownBreakdown();
        return chosenMetrics().stream().filter(m -> !ReportMetrics.splitBy(split, m)).toList();
    }

    /** The breakdown, or none when the form names one that does not exist (refused elsewhere). */
    private Breakdown knownBreakdown() {
        try {
            return reportBreakdown();
        } catch (Refusal refusal) {
            return Breakdown.NONE;
        }
    }

    /** One or two of the shown metrics for the chart; the first shown ones unless chosen. */
    List<ReportMetric> chartMetrics(List<ReportMetric> shown) {
        List<ReportMetric> picked = new ArrayList<>();
        if (chart != null) {
            for (String key : chart) {
                shown.stream()
                        .filter(m -> m.wireName().equals(key))
                        .findFirst()
                        .filter(m -> !picked.contains(m))
                        .ifPresent(picked::add);
            }
        }
        if (picked.isEmpty()) {
            picked.addAll(shown.subList(0, Math.min(2, shown.size())));
        }
        return picked.subList(0, Math.min(2, picked.size()));
    }

    /** The report this form asks for; a form a person cannot mean is refused with what to fix. */
    ReportRequest request(Advertiser advertiser, Clock clock) {
        ReportLevel reportLevel = reportLevel();
        ReportRange reportRange = ReportRange.of(range, from, to, advertiser.timezone(), clock);
        Breakdown reportBreakdown = reportBreakdown();
        Map<String, List<Long>> filters = new LinkedHashMap<>();
        id("Campaign", campaign).ifPresent(id -> filters.put("campaign_ids", List.of(id)));
        id("Ad group", adgroup).ifPresent(id -> filters.put("adgroup_ids", List.of(id)));
        id("Ad", ad).ifPresent(id -> filters.put("ad_ids", List.of(id)));
        return new ReportRequest(
                advertiser.id(),
                reportLevel,
                reportRange,
                reportBreakdown,
                reportMetrics(),
                filters);
    }

    static Optional<Long> id(String label, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return Optional.of(id);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Refusal.invalid(
                label + " “" + value + "” is not one of yours; choose one from the list.");
    }

    /** What the form's menus show as chosen, also when the form was refused. */
    String levelKey() {
        return sparkPreset()
                ? ReportLevel.ACCOUNT.key()
                : blankOr(level, ReportLevel.CAMPAIGN.key());
    }

    String breakdownKey() {
        return sparkPreset() ? Breakdown.SPARK.key() : blankOr(breakdown, Breakdown.DAY.key());
    }

    String rangeKey() {
        return blankOr(range, "last7");
    }

    private static String blankOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    public Long campaignId() {
        return safeId(campaign);
    }

    public Long adgroupId() {
        return safeId(adgroup);
    }

    public Long adId() {
        return safeId(ad);
    }

    private static Long safeId(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
