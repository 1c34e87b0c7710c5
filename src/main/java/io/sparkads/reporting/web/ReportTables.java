package io.sparkads.reporting.web;

import io.sparkads.accounts.Advertiser;
import io.sparkads.common.PageRequest;
import io.sparkads.reporting.ReportMetric;
import io.sparkads.reporting.Reports;
import io.sparkads.reporting.web.ReportTable.Cell;
import io.sparkads.reporting.web.ReportTable.Column;
import io.sparkads.reporting.web.ReportTable.Line;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns report API answers into the tables pages show: names instead of ids, values in people's
 * words, and a totals row that is asked for, not added up (reach and rates do not add up).
 */
@Component
class ReportTables {
    /** The most rows a page shows; more are counted and the page says so. */
    static final int MAX_ROWS = PageRequest.MAX_PAGE_SIZE;

    private final Reports reports;
    private final ReportNames names;

    ReportTables(Reports reports, ReportNames names) {
        this.reports = reports;
        this.names = names;
    }

    /** The Reporting page's table. A refused query comes back as the {@code Refusal}. */
    ReportTable report(ReportRequest request, Advertiser advertiser) {
        Reports.Result result = reports.integrated(request.rows(new PageRequest(1, MAX_ROWS)));
        ReportLevel level = request.level();
        Breakdown breakdown = request.breakdown();
        List<Column> columns = new ArrayList<>(nameColumns(level, breakdown));
        if (breakdown != Breakdown.NONE) {
            columns.add(new Column(heading(breakdown, advertiser), false));
        }
        metricColumns(columns, request.metrics(), advertiser);

        List<Long> rowIds =
                level == ReportLevel.ACCOUNT
                        ? List.of()
                        : result.rows().stream()
                                .map(r -> Long.parseLong(r.dimensions().get(level.idDimension())))
                                .toList();
        Map<Long, String> named = names.of(advertiser.id(), level, new LinkedHashSet<>(rowIds));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < result.rows().size(); i++) {
            Reports.Row row = result.rows().get(i);
            List<Cell> cells = new ArrayList<>();
            if (level != ReportLevel.ACCOUNT) {
                long id = rowIds.get(i);
                cells.add(
                        new Cell(
                                named.getOrDefault(id, ReportNames.deleted(level)),
                                named.containsKey(id) ? ReportNames.href(level, id) : null));
                cells.add(Cell.of(String.valueOf(id)));
            } else if (breakdown == Breakdown.NONE) {
                cells.add(Cell.of(advertiser.name()));
            }
            if (breakdown != Breakdown.NONE) {
                cells.add(
                        Cell.of(breakdown.valueLabel(row.dimensions().get(breakdown.dimension()))));
            }
            metricCells(cells, request.metrics(), row.metrics());
            lines.add(new Line(cells));
        }
        return new ReportTable(
                columns,
                lines,
                totals(request, advertiser, columns.size() - request.metrics().size()),
                result.total(),
                result.total() > lines.size(),
                !lines.isEmpty());
    }

    /**
     * A list page's figures: one row per given campaign, ad group or ad, in the list's order, zeros
     * for those without traffic, and their totals.
     */
    ReportTable list(
            Advertiser advertiser,
            ReportLevel level,
            List<Long> ids,
            ReportRange range,
            List<ReportMetric> metrics) {
        List<Column> columns = new ArrayList<>(nameColumns(level, Breakdown.NONE));
        metrics.forEach(m -> columns.add(new Column(m.shortHeading(advertiser.currency()), true)));
        if (ids.isEmpty()) {
            return new ReportTable(columns, List.of(), null, 0, false, false);
        }
        ReportRequest request =
                new ReportRequest(
                        advertiser.id(),
                        level,
                        range,
                        Breakdown.NONE,
                        metrics,
                        Map.of(level.filterField(), ids));
        Map<Long, Map<String, String>> figures = new HashMap<>();
        for (Reports.Row row :
                reports.integrated(request.rows(new PageRequest(1, MAX_ROWS))).rows()) {
            figures.put(Long.parseLong(row.dimensions().get(level.idDimension())), row.metrics());
        }
        Map<Long, String> named = names.of(advertiser.id(), level, ids);
        List<Line> lines = new ArrayList<>();
        for (long id : ids) {
            List<Cell> cells = new ArrayList<>();
            cells.add(
                    new Cell(
                            named.getOrDefault(id, ReportNames.deleted(level)),
                            ReportNames.href(level, id)));
            cells.add(Cell.of(String.valueOf(id)));
            metricCells(cells, metrics, figures.getOrDefault(id, Map.of()));
            lines.add(new Line(cells));
        }
        return new ReportTable(
                columns,
                lines,
                totals(request, advertiser, 2),
                ids.size(),
                false,
                !figures.isEmpty());
    }

    private Line totals(ReportRequest request, Advertiser advertiser, int labelColumns) {
        List<Reports.Row> totals = reports.integrated(request.totals()).rows();
        List<Cell> cells = new ArrayList<>();
        cells.add(
                Cell.of(
                        "Total ("
                                + request.range().label()
                                + ", "
                                + advertiser.timezone().getId()
                                + ")"));
        for (int i = 1; i < labelColumns; i++) {
            cells.add(Cell.of(""));
        }
        metricCells(
                cells, request.metrics(), totals.isEmpty() ? Map.of() : totals.get(0).metrics());
        return new Line(cells);
    }

    private static List<Column> nameColumns(ReportLevel level, Breakdown breakdown) {
        if (level != ReportLevel.ACCOUNT) {
            return List.of(
                    new Column(level.rowLabel(), false),
                    new Column(level.rowLabel() + " ID", false));
        }
        return breakdown == Breakdown.NONE
                ? List.of(new Column(level.rowLabel(), false))
                : List.of();
    }

    private static String heading(Breakdown breakdown, Advertiser advertiser) {
        return switch (breakdown) {
            case DAY, HOUR -> breakdown.label() + " (" + advertiser.timezone().getId() + ")";
            case SPARK -> "Ad format";
            default -> breakdown.label();
        };
    }

    private static void metricColumns(
            List<Column> columns, List<ReportMetric> metrics, Advertiser advertiser) {
        metrics.forEach(m -> columns.add(new Column(m.heading(advertiser.currency()), true)));
    }

    private static void metricCells(
            List<Cell> cells, List<ReportMetric> metrics, Map<String, String> values) {
        for (ReportMetric metric : metrics) {
            cells.add(
                    Cell.of(
                            ReportMetrics.display(
                                    metric, values.getOrDefault(metric.wireName(), "0"))));
        }
    }
}
