package io.sparkads.reporting;

import io.sparkads.accounts.Advertisers;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The integrated report: paid metrics by ad, ad group, campaign or advertiser, by day or hour in
 * the advertiser's time zone, read from hourly rollups.
 */
@Service
public class Reports {
    public static final Set<String> ID_DIMENSIONS =
            Set.of("advertiser_id", "campaign_id", "adgroup_id", "ad_id");
    public static final Set<String> TIME_DIMENSIONS = Set.of("stat_time_day", "stat_time_hour");
    private static final Map<String, String> LEVEL_DIMENSION =
            Map.of(
                    "AUCTION_ADVERTISER", "advertiser_id",
                    "AUCTION_CAMPAIGN", "campaign_id",
                    "AUCTION_ADGROUP", "adgroup_id",
                    "AUCTION_AD", "ad_id");
    private static final int MAX_DAYS = 365;
    private static final DateTimeFormatter TIKTOK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * Metrics TikTok names, and a few the Spark Ads FAQ asks for (view-through, engagement, page
     * view rates).
     */
    public static final Set<String> METRICS =
            Set.of(
                    "spend",
                    "impressions",
                    "clicks",
                    "ctr",
                    "cpc",
                    "cpm",
                    "video_play_actions",
                    "video_watched_2s",
                    "video_watched_6s",
                    "video_views_p25",
                    "video_views_p50",
                    "video_views_p75",
                    "video_views_p100",
                    "likes",
                    "comments",
                    "shares",
                    "follows",
                    "profile_visits",
                    "landing_page_views",
                    "conversion",
                    "cost_per_conversion",
                    "conversion_rate",
                    "engagements",
                    "engagement_rate",
                    "view_through_rate",
                    "page_view_rate");

    private final JdbcClient jdbc;
    private final Advertisers advertisers;
    private final java.time.Clock clock;

    Reports(JdbcClient jdbc, Advertisers advertisers, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.advertisers = advertisers;
        this.clock = clock;
    }

    public record Query(
            long advertiserId,
            String dataLevel,
            List<String> dimensions,
            List<String> metrics,
            LocalDate startDate,
            LocalDate endDate,
            PageRequest page,
            boolean lifetime,
            Map<String, List<Long>> idFilters) {

        public Query(
                long advertiserId,
                String dataLevel,
                List<String> dimensions,
                List<String> metrics,
                LocalDate startDate,
                LocalDate endDate,
                PageRequest page) {
            this(
                    advertiserId,
                    dataLevel,
                    dimensions,
                    metrics,
                    startDate,
                    endDate,
                    page,
                    false,
                    Map.of());
        }
    }

    public record Row(Map<String, String> dimensions, Map<String, String> metrics) {}

    public record Result(List<Row> rows, long total) {}

    public Result integrated(Query query) {
        String level = query.dataLevel() == null ? "AUCTION_AD" : query.dataLevel();
        if (!LEVEL_DIMENSION.containsKey(level)) {
            throw Refusal.invalid(
                    "data_level must be one of "
                            + String.join(", ", LEVEL_DIMENSION.keySet())
                            + "; was '"
                            + level
                            + "'");
        }
        if (query.dimensions().isEmpty()) {
            throw Refusal.invalid("dimensions is required, e.g. [\"ad_id\",\"stat_time_day\"]");
        }
        String idDimension = null;
        String timeDimension = null;
        for (String dimension : query.dimensions()) {
            if (ID_DIMENSIONS.contains(dimension)) {
                if (idDimension != null) {
                    throw Refusal.invalid(
                            "dimensions may hold only one id dimension; got "
                                    + idDimension
                                    + " and "
                                    + dimension);
                }
                if (!dimension.equals(LEVEL_DIMENSION.get(level))) {
                    throw Refusal.invalid(
                            "dimension "
                                    + dimension
                                    + " does not fit data_level "
                                    + level
                                    + "; use "
                                    + LEVEL_DIMENSION.get(level));
                }
                idDimension = dimension;
            } else if (TIME_DIMENSIONS.contains(dimension)) {
                if (timeDimension != null) {
                    throw Refusal.invalid("dimensions may hold only one time dimension");
                }
                timeDimension = dimension;
            } else {
                throw Refusal.invalid(
                        "dimensions may hold "
                                + String.join(", ", ID_DIMENSIONS)
                                + ", stat_time_day, stat_time_hour; got '"
                                + dimension
                                + "'");
            }
        }
        List<String> metrics =
                query.metrics().isEmpty()
                        ? List.of("spend", "impressions", "clicks", "ctr")
                        : query.metrics();
        for (String metric : metrics) {
            if (!METRICS.contains(metric)) {
                throw Refusal.invalid("metrics holds unknown metric '" + metric + "'");
            }
        }
        var advertiser = advertisers.get(query.advertiserId());
        ZoneId zone = advertiser.timezone();
        Timestamp from;
        Timestamp to;
        if (query.lifetime()) {
            if (timeDimension != null) {
                throw Refusal.invalid(
                        "a lifetime report (query_lifetime) cannot have a time dimension");
            }
            from = Timestamp.from(advertiser.createdAt().minus(java.time.Duration.ofDays(1)));
            to = Timestamp.from(clock.instant().plus(java.time.Duration.ofDays(1)));
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
            from = Timestamp.from(query.startDate().atStartOfDay(zone).toInstant());
            to = Timestamp.from(query.endDate().plusDays(1).atStartOfDay(zone).toInstant());
        }

        List<String> groupBy = new ArrayList<>();
        String select = "";
        if (idDimension != null) {
            select += idDimension + " as id_dim, ";
            groupBy.add(idDimension);
        }
        if (timeDimension != null) {
            String unit = timeDimension.equals("stat_time_day") ? "day" : "hour";
            select += "date_trunc('" + unit + "', hour at time zone :zone) as time_dim, ";
            groupBy.add("time_dim");
        }
        String sums =
                """
                sum(impressions) as impressions, sum(clicks) as clicks, sum(video_plays) as video_plays,
                sum(video_watched_2s) as video_watched_2s, sum(video_watched_6s) as video_watched_6s,
                sum(video_views_p25) as p25, sum(video_views_p50) as p50, sum(video_views_p75) as p75,
                sum(video_views_p100) as p100, sum(likes) as likes, sum(comments) as comments, sum(shares) as shares,
                sum(follows) as follows, sum(profile_visits) as profile_visits,
                sum(landing_page_views) as landing_page_views, sum(conversions) as conversions, sum(spend) as spend
                """;
        String where =
                " from hourly_rollups where advertiser_id = :advertiser and hour >= :from and hour < :to";
        for (var filter : query.idFilters().entrySet()) {
            String column =
                    switch (filter.getKey()) {
                        case "campaign_ids" -> "campaign_id";
                        case "adgroup_ids" -> "adgroup_id";
                        case "ad_ids" -> "ad_id";
                        default ->
                                throw Refusal.invalid(
                                        "filtering on "
                                                + filter.getKey()
                                                + " is not supported; use campaign_ids, adgroup_ids or ad_ids");
                    };
            // Only parsed numbers go into the statement, never text from the request.
            where +=
                    " and "
                            + column
                            + " in ("
                            + filter.getValue().stream()
                                    .map(String::valueOf)
                                    .collect(java.util.stream.Collectors.joining(","))
                            + ")";
        }
        String group = groupBy.isEmpty() ? "" : " group by " + String.join(", ", groupBy);
        String order = groupBy.isEmpty() ? "" : " order by " + String.join(", ", groupBy);
        String finalTime = timeDimension;
        String finalId = idDimension;
        List<Row> rows =
                jdbc.sql(
                                "select "
                                        + select
                                        + sums
                                        + where
                                        + group
                                        + order
                                        + " limit :limit offset :offset")
                        .param("zone", zone.getId())
                        .param("advertiser", query.advertiserId())
                        .param("from", from)
                        .param("to", to)
                        .param("limit", query.page().pageSize())
                        .param("offset", query.page().offset())
                        .query((rs, n) -> row(rs, finalId, finalTime, metrics))
                        .list();
        long total =
                groupBy.isEmpty()
                        ? (rows.isEmpty() ? 0 : 1)
                        : jdbc.sql(
                                        "select count(*) from (select "
                                                + select
                                                + "1"
                                                + where
                                                + group
                                                + ") g")
                                .param("zone", zone.getId())
                                .param("advertiser", query.advertiserId())
                                .param("from", from)
                                .param("to", to)
                                .query(Long.class)
                                .single();
        return new Result(rows, total);
    }

    private static Row row(
            ResultSet rs, String idDimension, String timeDimension, List<String> metrics)
            throws SQLException {
        Map<String, String> dimensions = new LinkedHashMap<>();
        if (idDimension != null) {
            dimensions.put(idDimension, String.valueOf(rs.getLong("id_dim")));
        }
        if (timeDimension != null) {
            LocalDateTime time = rs.getTimestamp("time_dim").toLocalDateTime();
            dimensions.put(timeDimension, TIKTOK.format(time));
        }
        long impressions = rs.getLong("impressions");
        long clicks = rs.getLong("clicks");
        long conversions = rs.getLong("conversions");
        BigDecimal spend =
                rs.getBigDecimal("spend") == null ? BigDecimal.ZERO : rs.getBigDecimal("spend");
        long engagements =
                rs.getLong("likes")
                        + rs.getLong("comments")
                        + rs.getLong("shares")
                        + rs.getLong("follows")
                        + rs.getLong("profile_visits")
                        + clicks;
        Map<String, String> values = new LinkedHashMap<>();
        for (String metric : metrics) {
            values.put(
                    metric,
                    switch (metric) {
                        case "spend" -> money(spend);
                        case "impressions" -> String.valueOf(impressions);
                        case "clicks" -> String.valueOf(clicks);
                        case "ctr" -> percent(clicks, impressions);
                        case "cpc" ->
                                clicks == 0
                                        ? "0.00"
                                        : money(
                                                spend.divide(
                                                        BigDecimal.valueOf(clicks),
                                                        2,
                                                        RoundingMode.HALF_UP));
                        case "cpm" ->
                                impressions == 0
                                        ? "0.00"
                                        : money(
                                                spend.multiply(BigDecimal.valueOf(1000))
                                                        .divide(
                                                                BigDecimal.valueOf(impressions),
                                                                2,
                                                                RoundingMode.HALF_UP));
                        case "video_play_actions" -> String.valueOf(rs.getLong("video_plays"));
                        case "video_watched_2s" -> String.valueOf(rs.getLong("video_watched_2s"));
                        case "video_watched_6s" -> String.valueOf(rs.getLong("video_watched_6s"));
                        case "video_views_p25" -> String.valueOf(rs.getLong("p25"));
                        case "video_views_p50" -> String.valueOf(rs.getLong("p50"));
                        case "video_views_p75" -> String.valueOf(rs.getLong("p75"));
                        case "video_views_p100" -> String.valueOf(rs.getLong("p100"));
                        case "likes" -> String.valueOf(rs.getLong("likes"));
                        case "comments" -> String.valueOf(rs.getLong("comments"));
                        case "shares" -> String.valueOf(rs.getLong("shares"));
                        case "follows" -> String.valueOf(rs.getLong("follows"));
                        case "profile_visits" -> String.valueOf(rs.getLong("profile_visits"));
                        case "landing_page_views" ->
                                String.valueOf(rs.getLong("landing_page_views"));
                        case "conversion" -> String.valueOf(conversions);
                        case "cost_per_conversion" ->
                                conversions == 0
                                        ? "0.00"
                                        : money(
                                                spend.divide(
                                                        BigDecimal.valueOf(conversions),
                                                        2,
                                                        RoundingMode.HALF_UP));
                        case "conversion_rate" -> percent(conversions, clicks);
                        case "engagements" -> String.valueOf(engagements);
                        case "engagement_rate" -> percent(engagements, impressions);
                        case "view_through_rate" -> percent(rs.getLong("p100"), impressions);
                        case "page_view_rate" ->
                                percent(
                                        rs.getLong("landing_page_views")
                                                + rs.getLong("profile_visits"),
                                        impressions);
                        default -> throw new IllegalStateException(metric);
                    });
        }
        return new Row(dimensions, values);
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String percent(long part, long whole) {
        if (whole == 0) {
            return "0.00";
        }
        return BigDecimal.valueOf(part * 100L)
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
