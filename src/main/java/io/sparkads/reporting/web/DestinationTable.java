package io.sparkads.reporting.web;

import io.sparkads.accounts.Advertiser;
import io.sparkads.campaigns.Ads;
import io.sparkads.common.PageRequest;
import io.sparkads.reporting.ReportMetric;
import io.sparkads.reporting.Reports;
import io.sparkads.reporting.web.ReportTable.Cell;
import io.sparkads.reporting.web.ReportTable.Column;
import io.sparkads.reporting.web.ReportTable.Line;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The Spark vs non-Spark comparison by destination: ads that lead to the identity's profile page
 * (the Profile Landing Page) beside those that lead to a website, each with its CTR and CPC. The
 * figures come from the report API, limited to each destination's ads, so every value keeps its one
 * definition.
 */
@Component
class DestinationTable {
    static final List<ReportMetric> METRICS =
            List.of(
                    ReportMetric.IMPRESSIONS,
                    ReportMetric.CLICKS,
                    ReportMetric.CTR,
                    ReportMetric.CPC,
                    ReportMetric.PROFILE_VISITS);

    private final Reports reports;
    private final Ads ads;

    DestinationTable(Reports reports, Ads ads) {
        this.reports = reports;
        this.ads = ads;
    }

    /**
     * One row per ad format and destination: Spark to the profile, Spark and non-Spark to a site.
     */
    ReportTable of(ReportRequest request, Advertiser advertiser) {
        Ads.AdsByDestination split = ads.byDestination(advertiser.id());
        Map<String, Map<String, String>> profile = figures(request, split.profilePage());
        Map<String, Map<String, String>> website = figures(request, split.website());
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("Ad format", false));
        columns.add(new Column("Destination", false));
        METRICS.forEach(m -> columns.add(new Column(m.heading(advertiser.currency()), true)));
        List<Line> lines =
                List.of(
                        line("Spark ads", "Profile page", profile.get("true")),
                        line("Spark ads", "Website", website.get("true")),
                        line("Non-Spark ads", "Website", website.get("false")));
        boolean traffic = !profile.isEmpty() || !website.isEmpty();
        return new ReportTable(columns, lines, null, lines.size(), false, traffic);
    }

    /** The destination's figures by is_spark ("true", "false"), within the page's own filters. */
    private Map<String, Map<String, String>> figures(ReportRequest request, List<Long> adIds) {
        List<Long> ids = new ArrayList<>(adIds);
        List<Long> chosen = request.filters().get(ReportLevel.AD.filterField());
        if (chosen != null) {
            Set<Long> allowed = new HashSet<>(chosen);
            ids.removeIf(id -> !allowed.contains(id));
        }
        Map<String, Map<String, String>> bySpark = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return bySpark;
        }
        Map<String, List<Long>> filters = new LinkedHashMap<>(request.filters());
        filters.put(ReportLevel.AD.filterField(), ids);
        ReportRequest limited =
                new ReportRequest(
                        request.advertiserId(),
                        ReportLevel.ACCOUNT,
                        request.range(),
                        Breakdown.SPARK,
                        METRICS,
                        filters);
        for (Reports.Row row : reports.integrated(limited.rows(new PageRequest(1, 10))).rows()) {
            bySpark.put(row.dimensions().get(Breakdown.SPARK.dimension()), row.metrics());
        }
        return bySpark;
    }

    private static Line line(String format, String destination, Map<String, String> values) {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.of(format));
        cells.add(Cell.of(destination));
        for (ReportMetric metric : METRICS) {
            String value = values == null ? "0" : values.getOrDefault(metric.wireName(), "0");
            cells.add(Cell.of(ReportMetrics.display(metric, value)));
        }
        return new Line(cells);
    }
}
