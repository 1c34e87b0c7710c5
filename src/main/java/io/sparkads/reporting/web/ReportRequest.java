package io.sparkads.reporting.web;

import io.sparkads.common.PageRequest;
import io.sparkads.reporting.ReportMetric;
import io.sparkads.reporting.Reports;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report a page asks for: level, dates, breakdown, metrics, and the campaigns, ad groups or ads
 * it is limited to. It turns into queries of the report API; this is the one place that does.
 */
record ReportRequest(
        long advertiserId,
        ReportLevel level,
        ReportRange range,
        Breakdown breakdown,
        List<ReportMetric> metrics,
        Map<String, List<Long>> filters) {

    /** The rows of the table: one per campaign, ad group or ad and per breakdown value. */
    Reports.Query rows(PageRequest page) {
        List<String> dimensions = new ArrayList<>();
        if (level != ReportLevel.ACCOUNT) {
            dimensions.add(level.idDimension());
        }
        if (breakdown.dimension() != null) {
            dimensions.add(breakdown.dimension());
        }
        if (dimensions.isEmpty()) {
            dimensions.add(ReportLevel.ACCOUNT.idDimension());
        }
        // The account's Spark ads first, as the comparison names them; ids stay in id order.
        boolean sparkFirst = dimensions.equals(List.of(Breakdown.SPARK.dimension()));
        return query(
                level.dataLevel(),
                dimensions,
                ReportMetrics.keys(metrics),
                page,
                sparkFirst ? Breakdown.SPARK.dimension() : null,
                sparkFirst ? "DESC" : null);
    }

    /** The totals row: everything the filters let through, summed once (reach is not a sum). */
    Reports.Query totals() {
        return query(
                ReportLevel.ACCOUNT.dataLevel(),
                List.of(ReportLevel.ACCOUNT.idDimension()),
                ReportMetrics.keys(metrics),
                new PageRequest(1, 1),
                null,
                null);
    }

    /** Figures over time for a chart, split by Spark and non-Spark when asked. */
    Reports.Query overTime(
            Breakdown unit,
            boolean splitBySpark,
            List<ReportMetric> chartMetrics,
            PageRequest page) {
        List<String> dimensions = new ArrayList<>();
        dimensions.add(unit.dimension());
        if (splitBySpark) {
            dimensions.add(Breakdown.SPARK.dimension());
        }
        return query(
                level.dataLevel(), dimensions, ReportMetrics.keys(chartMetrics), page, null, null);
    }

    private Reports.Query query(
            String dataLevel,
            List<String> dimensions,
            List<String> metricKeys,
            PageRequest page,
            String orderField,
            String orderType) {
        return new Reports.Query(
                advertiserId,
                dataLevel,
                dimensions,
                metricKeys,
                range.from(),
                range.to(),
                page,
                false,
                new LinkedHashMap<>(filters),
                reportType(dimensions),
                orderField,
                orderType);
    }

    /** Viewer attributes are an AUDIENCE report's dimensions; everything else is BASIC. */
    private static String reportType(List<String> dimensions) {
        return dimensions.stream().anyMatch(Reports.AUDIENCE_DIMENSIONS::contains)
                ? "AUDIENCE"
                : "BASIC";
    }
}
