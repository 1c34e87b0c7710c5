package io.sparkads.reporting.web;

import io.sparkads.common.PageRequest;
import io.sparkads.reporting.ReportMetric;
import io.sparkads.reporting.Reports;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One or two metrics over time for the page's chart (drawn in the browser by Chart.js): by hour
 * when the report is by hour or covers one day, by day otherwise, every day or hour of the range
 * present (zero without traffic), and one line per ad format when comparing Spark with non-Spark.
 */
@Component
class ReportChart {
    /** Hourly points for at most this many days; longer ranges are drawn by day. */
    private static final int MAX_HOURLY_DAYS = 31;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Reports reports;

    ReportChart(Reports reports) {
        this.reports = reports;
    }

    record Series(String label, String metric, String kind, String axis, List<Double> values) {}

    record Chart(String unit, List<String> labels, List<Series> series) {
        /** For a {@code <script type="application/json">}: no {@code </script>} can end it. */
        String json() {
            return JSON.writeValueAsString(this).replace("<", "\\u003c");
        }
    }

    /** The chart; none without metrics. A refused query comes back as the {@code Refusal}. */
    Chart of(ReportRequest request, List<ReportMetric> metrics) {
        if (metrics.isEmpty()) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(request.range().from(), request.range().to()) + 1;
        Breakdown unit =
                (request.breakdown() == Breakdown.HOUR || request.range().singleDay())
                                && days <= MAX_HOURLY_DAYS
                        ? Breakdown.HOUR
                        : Breakdown.DAY;
        boolean split = request.breakdown() == Breakdown.SPARK;
        List<Reports.Row> rows = all(request, unit, split, metrics);
        List<String> keys = keys(request.range(), unit);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            index.put(keys.get(i), i);
        }
        List<String> groups = split ? List.of("true", "false") : List.of("");
        List<Series> series = new ArrayList<>();
        for (int m = 0; m < metrics.size(); m++) {
            ReportMetric metric = metrics.get(m);
            for (String group : groups) {
                double[] values = new double[keys.size()];
                for (Reports.Row row : rows) {
                    if (split && !group.equals(row.dimensions().get(Breakdown.SPARK.dimension()))) {
                        continue;
                    }
                    Integer at = index.get(row.dimensions().get(unit.dimension()));
                    if (at != null) {
                        values[at] = ReportMetrics.number(row.metrics().get(metric.wireName()));
                    }
                }
                series.add(
                        new Series(
                                split
                                        ? metric.label() + " · " + Breakdown.SPARK.valueLabel(group)
                                        : metric.label(),
                                metric.wireName(),
                                metric.unit().name(),
                                m == 0 ? "y" : "y1",
                                Arrays.stream(values).boxed().toList()));
            }
        }
        List<String> labels =
                keys.stream()
                        .map(
                                k ->
                                        unit == Breakdown.DAY
                                                ? k.substring(0, 10)
                                                // one day: the hour is enough
                                                : request.range().singleDay()
                                                        ? k.substring(11, 16)
                                                        : k.substring(5, 16))
                        .toList();
        return new Chart(unit.key(), labels, series);
    }

    private List<Reports.Row> all(
            ReportRequest request, Breakdown unit, boolean split, List<ReportMetric> metrics) {
        List<Reports.Row> rows = new ArrayList<>();
        for (int page = 1; page <= 5; page++) {
            Reports.Result result =
                    reports.integrated(
                            request.overTime(
                                    unit,
                                    split,
                                    metrics,
                                    new PageRequest(page, PageRequest.MAX_PAGE_SIZE)));
            rows.addAll(result.rows());
            if (rows.size() >= result.total() || result.rows().isEmpty()) {
                break;
            }
        }
        return rows;
    }

    /** Every day or hour of the range, as the report API names them. */
    private static List<String> keys(ReportRange range, Breakdown unit) {
        List<String> keys = new ArrayList<>();
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            if (unit == Breakdown.HOUR) {
                for (int hour = 0; hour < 24; hour++) {
                    keys.add(String.format("%s %02d:00:00", day, hour));
                }
            } else {
                keys.add(day + " 00:00:00");
            }
        }
        return keys;
    }
}
