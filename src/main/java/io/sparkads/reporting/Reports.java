package io.sparkads.reporting;

import io.sparkads.accounts.Advertisers;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The integrated report: paid metrics by ad, ad group, campaign or advertiser, by day or hour in
 * the advertiser's time zone, by Spark or not, or (report type AUDIENCE) by the age, gender,
 * country and placement of the viewers; read from rollups, never from raw events. This class checks
 * what is asked; {@link ReportSql} reads it.
 */
@Service
public class Reports {
    public static final Set<String> ID_DIMENSIONS =
            Set.of("advertiser_id", "campaign_id", "adgroup_id", "ad_id");
    public static final Set<String> TIME_DIMENSIONS = Set.of("stat_time_day", "stat_time_hour");

    /** Our extension: Spark ads apart from non-Spark ads, as "true" / "false". */
    public static final String SPARK_DIMENSION = "is_spark";

    /** TikTok's AUDIENCE dimensions; an attribute the ad request did not give is "NONE". */
    public static final List<String> AUDIENCE_DIMENSIONS =
            List.of("age", "gender", "country_code", "placement");

    public static final List<String> REPORT_TYPES = List.of("BASIC", "AUDIENCE");

    /** Every metric name, in the order a table shows them. */
    public static final List<String> METRIC_NAMES = ReportMetric.NAMES;

    public static final Set<String> METRICS = Set.copyOf(METRIC_NAMES);

    static final List<String> DEFAULT_METRICS = List.of("spend", "impressions", "clicks", "ctr");

    private static final List<String> LEVELS =
            List.of("AUCTION_ADVERTISER", "AUCTION_CAMPAIGN", "AUCTION_ADGROUP", "AUCTION_AD");
    private static final List<String> LEVEL_IDS =
            List.of("advertiser_id", "campaign_id", "adgroup_id", "ad_id");
    private static final Map<String, String> FILTER_COLUMNS =
            Map.of("campaign_ids", "campaign_id", "adgroup_ids", "adgroup_id", "ad_ids", "ad_id");
    private static final int MAX_DAYS = 365;

    private final ReportSql sql;
    private final Advertisers advertisers;
    private final Clock clock;

    Reports(ReportSql sql, Advertisers advertisers, Clock clock) {
        this.sql = sql;
        this.advertisers = advertisers;
        this.clock = clock;
    }

    /**
     * What to report.
     *
     * @param reportType BASIC (default) or AUDIENCE
     * @param orderField a dimension of the report or a metric to sort rows by; {@code null} sorts
     *     by the dimensions
     * @param orderType ASC (default) or DESC
     */
    public record Query(
            long advertiserId,
            String dataLevel,
            List<String> dimensions,
            List<String> metrics,
            LocalDate startDate,
            LocalDate endDate,
            PageRequest page,
            boolean lifetime,
            Map<String, List<Long>> idFilters,
            String reportType,
            String orderField,
            String orderType) {

        public Query {
            dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
            metrics = metrics == null ? List.of() : List.copyOf(metrics);
            idFilters = idFilters == null ? Map.of() : idFilters;
            page = page == null ? new PageRequest(1, 10) : page;
        }
    }

    public record Row(Map<String, String> dimensions, Map<String, String> metrics) {}

    public record Result(List<Row> rows, long total) {}

    public Result integrated(Query query) {
        boolean audience = reportType(query).equals("AUDIENCE");
        String level = query.dataLevel() == null ? "AUCTION_AD" : query.dataLevel();
        if (!LEVELS.contains(level)) {
            throw Refusal.invalid(
                    "data_level must be one of "
                            + String.join(", ", LEVELS)
                            + "; was '"
                            + level
                            + "'");
        }
        List<String> dimensions = checkDimensions(query.dimensions(), level, audience);
        List<ReportMetric> metrics = checkMetrics(query.metrics(), audience);
        String timeDimension =
                dimensions.stream().filter(TIME_DIMENSIONS::contains).findFirst().orElse(null);
        Map<String, List<Long>> filters = checkFilters(query.idFilters());
        ReportSql.Order order = checkOrder(query, dimensions);

        var advertiser = advertisers.get(query.advertiserId());
        ZoneId zone = advertiser.timezone();
        LocalDate firstDay;
        LocalDate lastDay;
        if (query.lifetime()) {
            if (timeDimension != null) {
                throw Refusal.invalid(
                        "a lifetime report (query_lifetime) cannot have a time dimension");
            }
            firstDay = LocalDate.ofInstant(advertiser.createdAt(), zone).minusDays(1);
            lastDay = LocalDate.ofInstant(clock.instant().plus(Duration.ofDays(1)), zone);
        } else {
            if (query.startDate() == null || query.endDate() == null) {
                throw Refusal.invalid(
                        "start_date and end_date are required, as YYYY-MM-DD, unless query_lifetime is true");
            }
            if (query.endDate().isBefore(query.startDate())) {
                throw Refusal.invalid("end_date must not be before start_date");
            }
            if (query.startDate().plusDays(MAX_DAYS).isBefore(query.endDate())) {
                throw Refusal.invalid("a report covers at most " + MAX_DAYS + " days");
            }
            firstDay = query.startDate();
            lastDay = query.endDate();
        }
        Instant from = firstDay.atStartOfDay(zone).toInstant();
        Instant to = lastDay.plusDays(1).atStartOfDay(zone).toInstant();

        ReportSource source;
        if (audience) {
            source = ReportSource.AUDIENCE;
        } else if ("stat_time_hour".equals(timeDimension)) {
            source = ReportSource.HOURLY;
        } else {
            int finest = 0;
            for (String dimension : dimensions) {
                finest = Math.max(finest, LEVEL_IDS.indexOf(dimension));
            }
            for (String column : filters.keySet()) {
                finest = Math.max(finest, LEVEL_IDS.indexOf(column));
            }
            source = ReportSource.dailyFor(finest);
        }
        return sql.read(
                new ReportSql.Plan(
                        query.advertiserId(),
                        zone,
                        source,
                        dimensions,
                        metrics,
                        filters,
                        firstDay,
                        lastDay,
                        from,
                        to,
                        order,
                        query.page()));
    }

    private static String reportType(Query query) {
        String type = query.reportType() == null ? "BASIC" : query.reportType();
        if (!REPORT_TYPES.contains(type)) {
            throw Refusal.invalid("report_type must be BASIC or AUDIENCE; was '" + type + "'");
        }
        return type;
    }

    private static List<String> checkDimensions(
            List<String> requested, String level, boolean audience) {
        if (requested.isEmpty()) {
            throw Refusal.invalid(
                    audience
                            ? "dimensions is required, e.g. [\"age\"] or [\"ad_id\",\"gender\"]"
                            : "dimensions is required, e.g. [\"ad_id\",\"stat_time_day\"]");
        }
        Set<String> seen = new HashSet<>();
        String idDimension = null;
        String timeDimension = null;
        boolean anyAudience = false;
        for (String dimension : requested) {
            if (!seen.add(dimension)) {
                throw Refusal.invalid("dimensions names " + dimension + " twice");
            }
            String levelId = LEVEL_IDS.get(LEVELS.indexOf(level));
            if (ID_DIMENSIONS.contains(dimension)) {
                if (idDimension != null) {
                    throw Refusal.invalid(
                            "dimensions may hold only one id dimension; got "
                                    + idDimension
                                    + " and "
                                    + dimension);
                }
                if (!dimension.equals(levelId)) {
                    throw Refusal.invalid(
                            "dimension "
                                    + dimension
                                    + " does not fit data_level "
                                    + level
                                    + "; use "
                                    + levelId);
                }
                idDimension = dimension;
            } else if (TIME_DIMENSIONS.contains(dimension)) {
                if (timeDimension != null) {
                    throw Refusal.invalid("dimensions may hold only one time dimension");
                }
                if (audience && dimension.equals("stat_time_hour")) {
                    throw Refusal.invalid(
                            "an AUDIENCE report breaks down by day at most; use stat_time_day");
                }
                timeDimension = dimension;
            } else if (AUDIENCE_DIMENSIONS.contains(dimension)) {
                if (!audience) {
                    throw Refusal.invalid(
                            "dimension "
                                    + dimension
                                    + " needs report_type AUDIENCE; a BASIC report breaks down by "
                                    + String.join(", ", LEVEL_IDS)
                                    + ", stat_time_day, stat_time_hour, is_spark");
                }
                anyAudience = true;
            } else if (!dimension.equals(SPARK_DIMENSION)) {
                throw Refusal.invalid(
                        "dimensions may hold "
                                + String.join(", ", LEVEL_IDS)
                                + ", stat_time_day, stat_time_hour, is_spark"
                                + (audience ? ", " + String.join(", ", AUDIENCE_DIMENSIONS) : "")
                                + "; got '"
                                + dimension
                                + "'");
            }
        }
        if (audience && !anyAudience) {
            throw Refusal.invalid(
                    "an AUDIENCE report needs at least one of "
                            + String.join(", ", AUDIENCE_DIMENSIONS)
                            + " in dimensions");
        }
        return List.copyOf(requested);
    }

    private static List<ReportMetric> checkMetrics(List<String> requested, boolean audience) {
        List<String> names = requested.isEmpty() ? DEFAULT_METRICS : requested;
        Set<ReportMetric> metrics = new LinkedHashSet<>();
        for (String name : names) {
            ReportMetric metric =
                    ReportMetric.named(name)
                            .orElseThrow(
                                    () ->
                                            Refusal.invalid(
                                                    "metrics holds unknown metric '"
                                                            + name
                                                            + "'; known: "
                                                            + String.join(", ", METRIC_NAMES)));
            if (audience && metric.needsReach()) {
                throw Refusal.invalid(
                        "an AUDIENCE report has no "
                                + name
                                + ": reach is counted per ad and hour, not per audience; ask a BASIC report");
            }
            metrics.add(metric);
        }
        return List.copyOf(metrics);
    }

    private static Map<String, List<Long>> checkFilters(Map<String, List<Long>> filters) {
        Map<String, List<Long>> columns = new LinkedHashMap<>();
        for (var filter : filters.entrySet()) {
            String column = FILTER_COLUMNS.get(filter.getKey());
            if (column == null) {
                throw Refusal.invalid(
                        "filtering on "
                                + filter.getKey()
                                + " is not supported; use campaign_ids, adgroup_ids or ad_ids");
            }
            if (filter.getValue() == null || filter.getValue().isEmpty()) {
                throw Refusal.invalid("filtering on " + filter.getKey() + " names no id");
            }
            columns.put(column, List.copyOf(filter.getValue()));
        }
        return columns;
    }

    private static ReportSql.Order checkOrder(Query query, List<String> dimensions) {
        String type = query.orderType() == null ? "ASC" : query.orderType();
        if (!type.equals("ASC") && !type.equals("DESC")) {
            throw Refusal.invalid("order_type must be ASC or DESC; was '" + type + "'");
        }
        boolean descending = type.equals("DESC");
        String field = query.orderField();
        if (field == null) {
            return new ReportSql.Order(null, null, descending);
        }
        if (dimensions.contains(field)) {
            return new ReportSql.Order(field, null, descending);
        }
        ReportMetric metric =
                ReportMetric.named(field)
                        .orElseThrow(
                                () ->
                                        Refusal.invalid(
                                                "order_field must be one of the report's dimensions ("
                                                        + String.join(", ", dimensions)
                                                        + ") or a metric; was '"
                                                        + field
                                                        + "'"));
        if (metric.sql().isEmpty()) {
            throw Refusal.invalid(
                    "rows cannot be sorted by "
                            + field
                            + " (distinct viewers are counted after the rows are chosen); sort by another metric, e.g. impressions");
        }
        return new ReportSql.Order(null, metric, descending);
    }
}
