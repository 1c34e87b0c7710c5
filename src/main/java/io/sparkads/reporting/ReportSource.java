package io.sparkads.reporting;

import java.util.Set;

/**
 * The rollup table a report reads: the coarsest that holds its dimensions and filters, so that an
 * account-level report by day sums a few rows per campaign and day, not one per ad and hour.
 */
enum ReportSource {
    HOURLY("hourly_rollups", true, Set.of("campaign_id", "adgroup_id", "ad_id")),
    DAILY_AD("daily_ad_rollups", false, Set.of("campaign_id", "adgroup_id", "ad_id")),
    DAILY_ADGROUP("daily_adgroup_rollups", false, Set.of("campaign_id", "adgroup_id")),
    DAILY_CAMPAIGN("daily_campaign_rollups", false, Set.of("campaign_id")),
    DAILY_ADVERTISER("daily_advertiser_rollups", false, Set.of()),
    AUDIENCE("audience_daily_rollups", false, Set.of("campaign_id", "adgroup_id", "ad_id")),
    /** Distinct viewers per ad and hour: only for reach. */
    REACH("reach_viewers", true, Set.of("campaign_id", "adgroup_id", "ad_id"));

    private final String table;
    private final boolean hourly;
    private final Set<String> idColumns;

    ReportSource(String table, boolean hourly, Set<String> idColumns) {
        this.table = table;
        this.hourly = hourly;
        this.idColumns = idColumns;
    }

    String table() {
        return table;
    }

    /** Keyed by UTC hour ({@code hour}); otherwise by day in the account's zone ({@code day}). */
    boolean hourly() {
        return hourly;
    }

    /** Whether the table has the id column (advertiser_id is in every table). */
    boolean has(String idColumn) {
        return idColumn.equals("advertiser_id") || idColumns.contains(idColumn);
    }

    /**
     * The daily table of the finest id level a report names: 0 advertiser, 1 campaign, 2 ad group,
     * 3 ad.
     */
    static ReportSource dailyFor(int level) {
        return switch (level) {
            case 0 -> DAILY_ADVERTISER;
            case 1 -> DAILY_CAMPAIGN;
            case 2 -> DAILY_ADGROUP;
            default -> DAILY_AD;
        };
    }

    /** The SQL of a dimension in this table; the time zone is the parameter {@code :zone}. */
    String dimensionSql(String dimension) {
        return switch (dimension) {
            case "stat_time_day" ->
                    // the date itself, not a cast of it, so that an index in day order serves
                    hourly ? "date_trunc('day', hour at time zone :zone)" : "day";
            case "stat_time_hour" -> "date_trunc('hour', hour at time zone :zone)";
            case "is_spark" -> "spark";
            default -> dimension; // ids and audience attributes are columns of the same name
        };
    }
}
