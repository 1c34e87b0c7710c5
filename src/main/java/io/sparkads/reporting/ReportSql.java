package io.sparkads.reporting;

import io.sparkads.common.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a checked report from its rollup table in one statement (rows, their order, the page and
 * the number of rows), and the reach of the page's rows from the viewers table when asked for.
 */
@Component
class ReportSql {
    private static final DateTimeFormatter TIKTOK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final PaidMetric[] COUNTERS = PaidMetric.values();

    /** Sort by a dimension or by a metric; neither: by the dimensions. */
    record Order(String dimension, ReportMetric metric, boolean descending) {}

    record Plan(
            long advertiserId,
            ZoneId zone,
            ReportSource source,
            List<String> dimensions,
            List<ReportMetric> metrics,
            Map<String, List<Long>> filters,
            LocalDate firstDay,
            LocalDate lastDay,
            Instant from,
            Instant to,
            Order order,
            PageRequest page) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    ReportSql(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    Reports.Result read(Plan plan) {
        return readOnly.execute(
                status -> {
                    // Thousands of groups of 17 sums outgrow the default 4 MB and spill to disk.
                    jdbc.sql("set local work_mem = '32MB'").update();
                    return readInTransaction(plan);
                });
    }

    private Reports.Result readInTransaction(Plan plan) {
        ReportSource source = plan.source();
        List<String> dims = plan.dimensions();
        String dimensionSelect = "select " + dimensionColumns(source, dims);
        StringBuilder select = new StringBuilder(dimensionSelect).append(", ");
        for (PaidMetric counter : COUNTERS) {
            select.append("sum(")
                    .append(counter.column())
                    .append(") as ")
                    .append(counter.column())
                    .append(", ");
        }
        // Sorted by a metric, every row must be summed anyway: the count comes with them. Sorted by
        // the dimensions, the page is summed alone (an index gives the rows in order) and the
        // rows are counted apart, from the index.
        boolean byMetric = plan.order().metric() != null;
        select.append(
                byMetric
                        ? "sum(spend) as spend, count(*) over () as total_rows"
                        : "sum(spend) as spend");
        String groupBy = groupBy(dims);
        String direction = plan.order().descending() ? " desc" : "";
        List<String> orderBy = new ArrayList<>();
        if (plan.order().metric() != null) {
            orderBy.add(plan.order().metric().sql().orElseThrow() + direction);
        } else if (plan.order().dimension() != null) {
            orderBy.add("d" + dims.indexOf(plan.order().dimension()) + direction);
        }
        for (int i = 0; i < dims.size(); i++) {
            orderBy.add("d" + i + (plan.order().metric() == null ? direction : ""));
        }
        // By ad (and kind of ad) in dimension order, the page's ads and their number come from
        // the few rows per ad of ad_activity_months; only the page's ads' days are then summed.
        boolean fromActivity = !byMetric && activityServes(plan);
        String where = where(plan, source);
        List<Long> pageAds = List.of();
        if (fromActivity) {
            pageAds = activityPage(plan, orderBy);
            // Only numbers read back from the table go into the statement.
            where +=
                    pageAds.isEmpty()
                            ? " and false"
                            : " and ad_id in ("
                                    + pageAds.stream()
                                            .map(String::valueOf)
                                            .collect(Collectors.joining(","))
                                    + ")";
        }
        String statement =
                select
                        + " from "
                        + source.table()
                        + where
                        + " group by "
                        + groupBy
                        + " order by "
                        + String.join(", ", new LinkedHashSet<>(orderBy))
                        + " limit :limit offset :offset";
        long[] total = {0};
        List<Reports.Row> rows = new ArrayList<>();
        List<ReportTotals> totals = new ArrayList<>();
        params(jdbc.sql(statement), plan)
                .param("limit", plan.page().pageSize())
                .param("offset", fromActivity ? 0 : plan.page().offset())
                .query(
                        rs -> {
                            if (byMetric) {
                                total[0] = rs.getLong("total_rows");
                            }
                            rows.add(new Reports.Row(dimensions(rs, dims), new LinkedHashMap<>()));
                            ReportTotals t = new ReportTotals().spend(rs.getBigDecimal("spend"));
                            for (PaidMetric counter : COUNTERS) {
                                t.count(counter, rs.getLong(counter.column()));
                            }
                            totals.add(t);
                        });
        boolean lastPage =
                rows.size() < plan.page().pageSize()
                        && (!rows.isEmpty() || plan.page().offset() == 0);
        if (!byMetric && lastPage) {
            total[0] = plan.page().offset() + rows.size();
        } else if (fromActivity) {
            total[0] =
                    params(jdbc.sql("select count(distinct ad_id)" + activityFrom(plan)), plan)
                            .query(Long.class)
                            .single();
        } else if (!byMetric || rows.isEmpty()) {
            total[0] =
                    params(
                                    jdbc.sql(
                                            "select count(*) from ("
                                                    + dimensionSelect
                                                    + " from "
                                                    + source.table()
                                                    + where(plan, source)
                                                    + " group by "
                                                    + groupBy
                                                    + ") g"),
                                    plan)
                            .query(Long.class)
                            .single();
        }
        if (plan.metrics().stream().anyMatch(ReportMetric::needsReach) && !rows.isEmpty()) {
            Map<List<String>, Long> reach = reach(plan, rows);
            for (int i = 0; i < rows.size(); i++) {
                List<String> key = List.copyOf(rows.get(i).dimensions().values());
                totals.get(i).reach(reach.getOrDefault(key, 0L));
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            for (ReportMetric metric : plan.metrics()) {
                rows.get(i).metrics().put(metric.wireName(), metric.valueOf(totals.get(i)));
            }
        }
        return new Reports.Result(rows, total[0]);
    }

    /**
     * Whether the ads of the report and their order are known from ad_activity_months: rows by ad,
     * or by ad and kind of ad (one kind per ad), from the daily ad rollups.
     */
    private static boolean activityServes(Plan plan) {
        return plan.source() == ReportSource.DAILY_AD
                && plan.dimensions().contains("ad_id")
                && ACTIVITY_DIMENSIONS.containsAll(plan.dimensions())
                && ACTIVITY_FILTERS.containsAll(plan.filters().keySet());
    }

    private static final Set<String> ACTIVITY_DIMENSIONS = Set.of("ad_id", Reports.SPARK_DIMENSION);
    private static final Set<String> ACTIVITY_FILTERS =
            Set.of("campaign_id", "adgroup_id", "ad_id");

    /** The page's ad ids, in the report's order, among the ads with traffic in the range. */
    private List<Long> activityPage(Plan plan, List<String> orderBy) {
        List<String> dims = plan.dimensions();
        String select = "select " + dimensionColumns(ReportSource.DAILY_AD, dims);
        String adAlias = "d" + dims.indexOf("ad_id");
        return params(
                        jdbc.sql(
                                "select "
                                        + adAlias
                                        + " from ("
                                        + select
                                        + activityFrom(plan)
                                        + " group by "
                                        + groupBy(dims)
                                        + " order by "
                                        + String.join(", ", new LinkedHashSet<>(orderBy))
                                        + " limit :limit offset :offset) p"),
                        plan)
                .param("limit", plan.page().pageSize())
                .param("offset", plan.page().offset())
                .query(Long.class)
                .list();
    }

    /**
     * The months of the range whose days in the range hold traffic: a bit per day, the first and
     * the last month masked to the days of the range.
     */
    private static String activityFrom(Plan plan) {
        LocalDate firstMonth = AdActivityMonths.monthOf(plan.firstDay());
        LocalDate lastMonth = AdActivityMonths.monthOf(plan.lastDay());
        int first = plan.firstDay().getDayOfMonth();
        int last = plan.lastDay().getDayOfMonth();
        StringBuilder from =
                new StringBuilder(" from ad_activity_months where advertiser_id = :advertiser")
                        .append(" and month >= '")
                        .append(firstMonth)
                        .append("' and month <= '")
                        .append(lastMonth)
                        .append("' and (days & case");
        // Only dates and numbers computed here go into the statement.
        if (firstMonth.equals(lastMonth)) {
            from.append(" when true then ").append(AdActivityMonths.daysMask(first, last));
        } else {
            from.append(" when month = '")
                    .append(firstMonth)
                    .append("' then ")
                    .append(AdActivityMonths.daysMask(first, 31))
                    .append(" when month = '")
                    .append(lastMonth)
                    .append("' then ")
                    .append(AdActivityMonths.daysMask(1, last));
        }
        from.append(" else -1 end) <> 0");
        for (var filter : plan.filters().entrySet()) {
            appendIdFilter(from, filter.getKey(), filter.getValue());
        }
        return from.toString();
    }

    /** Distinct viewers of each row, over the row's range; only the page's ids are counted. */
    private Map<List<String>, Long> reach(Plan plan, List<Reports.Row> rows) {
        ReportSource source = ReportSource.REACH;
        List<String> dims = plan.dimensions();
        String select =
                "select "
                        + dimensionColumns(source, dims)
                        + ", count(distinct viewer_key) as reach from "
                        + source.table();
        String where = where(plan, source);
        for (String dimension : dims) {
            if (Reports.ID_DIMENSIONS.contains(dimension)) {
                Set<String> ids = new LinkedHashSet<>();
                rows.forEach(r -> ids.add(r.dimensions().get(dimension)));
                // Only numbers read back from the rollups go into the statement.
                where += " and " + dimension + " in (" + String.join(",", ids) + ")";
            }
        }
        Map<List<String>, Long> reach = new HashMap<>();
        params(jdbc.sql(select + where + " group by " + groupBy(dims)), plan)
                .query(
                        rs -> {
                            reach.put(
                                    List.copyOf(dimensions(rs, dims).values()),
                                    rs.getLong("reach"));
                        });
        return reach;
    }

    /** The dimensions as the columns {@code d0, d1, …} of a select. */
    private static String dimensionColumns(ReportSource source, List<String> dims) {
        return IntStream.range(0, dims.size())
                .mapToObj(i -> source.dimensionSql(dims.get(i)) + " as d" + i)
                .collect(Collectors.joining(", "));
    }

    /** {@code 1, 2, …}: grouped by every dimension column. */
    private static String groupBy(List<String> dims) {
        return IntStream.rangeClosed(1, dims.size())
                .mapToObj(String::valueOf)
                .collect(Collectors.joining(", "));
    }

    private static String where(Plan plan, ReportSource source) {
        StringBuilder where = new StringBuilder(" where advertiser_id = :advertiser");
        where.append(
                source.hourly()
                        ? " and hour >= :from and hour < :to"
                        : " and day >= :firstDay and day <= :lastDay");
        for (var filter : plan.filters().entrySet()) {
            if (!source.has(filter.getKey())) {
                throw new IllegalStateException(source + " has no " + filter.getKey());
            }
            appendIdFilter(where, filter.getKey(), filter.getValue());
        }
        return where.toString();
    }

    /**
     * Appends {@code and column in (ids)} for a filter: only parsed numbers go into the statement,
     * never request text.
     */
    private static void appendIdFilter(StringBuilder sql, String column, List<Long> ids) {
        sql.append(" and ")
                .append(column)
                .append(" in (")
                .append(ids.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .append(")");
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, Plan plan) {
        return spec.param("advertiser", plan.advertiserId())
                .param("zone", plan.zone().getId())
                .param("from", Timestamp.from(plan.from()))
                .param("to", Timestamp.from(plan.to()))
                .param("firstDay", plan.firstDay())
                .param("lastDay", plan.lastDay());
    }

    private static Map<String, String> dimensions(ResultSet rs, List<String> dims)
            throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < dims.size(); i++) {
            String dimension = dims.get(i);
            String alias = "d" + i;
            String value;
            if (Reports.ID_DIMENSIONS.contains(dimension)) {
                value = String.valueOf(rs.getLong(alias));
            } else if (Reports.TIME_DIMENSIONS.contains(dimension)) {
                value = TIKTOK.format(rs.getTimestamp(alias).toLocalDateTime());
            } else if (dimension.equals(Reports.SPARK_DIMENSION)) {
                value = String.valueOf(rs.getBoolean(alias));
            } else {
                value = rs.getString(alias);
            }
            values.put(dimension, value);
        }
        return values;
    }
}
