package io.sparkads.reporting;

import com.zaxxer.hikari.HikariDataSource;
import io.sparkads.accounts.Advertisers;
import io.sparkads.common.PageRequest;
import io.sparkads.support.BenchmarkDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Report queries over 10,000 ads (100 campaigns × 10 ad groups × 10 ads, 80% Spark) with traffic
 * every hour for 90 days, on the embedded PostgreSQL with the real schema (every Flyway migration).
 * The daily rollups are loaded through {@link RollupTable}'s own upsert statements, one statement
 * per table and day holding each ad's day of traffic (24 hours summed), which is what the intake
 * fold writes for a batch. Queries go through {@link Reports#integrated}, checks included. Beside
 * them, the baselines: a raw {@code count(*)}/{@code sum} over the same rows of the same tables.
 * Not a test (surefire skips *Benchmark); run it as docs/benchmarks.md says.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 5)
@State(Scope.Benchmark)
public class ReportQueryBenchmark {
    static final int CAMPAIGNS = 100;
    static final int ADGROUPS_PER_CAMPAIGN = 10;
    static final int ADS_PER_ADGROUP = 10;
    static final int DAYS = 90;
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 8, 1);
    static final LocalDate LAST_DAY = FIRST_DAY.plusDays(DAYS - 1);
    static final String ZONE = "America/New_York";

    /** Every metric but reach and frequency, which read the viewers table. */
    static final List<String> METRICS =
            ReportMetric.NAMES.stream()
                    .filter(n -> !ReportMetric.named(n).orElseThrow().needsReach())
                    .toList();

    EmbeddedPostgres postgres;
    HikariDataSource dataSource;
    JdbcTemplate jdbc;
    Reports reports;
    long advertiserId = 1;

    /**
     * JMH sets up each benchmark in a fork of its own; the loaded database is kept under target/
     * (keyed by the reporting migrations and the data's shape) so that only the first fork loads.
     */
    @Setup(Level.Trial)
    public void load() throws Exception {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        for (String migration :
                new String[] {
                    "/db/migration/reporting/V800__reporting.sql",
                    "/db/migration/reporting/V810__daily_and_audience_rollups.sql",
                    "/db/migration/reporting/V811__ad_activity_months.sql"
                }) {
            try (var in = ReportQueryBenchmark.class.getResourceAsStream(migration)) {
                crc.update(in.readAllBytes());
            }
        }
        crc.update((ads() + "/" + DAYS + "/v2").getBytes());
        java.nio.file.Path dir =
                java.nio.file.Path.of(
                                "target", "report-benchmark-pg-" + Long.toHexString(crc.getValue()))
                        .toAbsolutePath();
        java.nio.file.Path loaded = dir.resolveSibling(dir.getFileName() + ".loaded");
        boolean reuse = java.nio.file.Files.exists(loaded);
        if (!reuse && java.nio.file.Files.exists(dir)) {
            try (var files = java.nio.file.Files.walk(dir)) {
                for (var file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(file);
                }
            }
        }
        postgres =
                EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        // kept after close, for the next fork; a clean directory would be deleted
                        .setCleanDataDirectory(false)
                        .setServerConfig("max_connections", "20")
                        .start();
        dataSource = BenchmarkDatabase.migrated(postgres, 4);
        jdbc = new JdbcTemplate(dataSource);
        if (!reuse) {
            loadAll();
            java.nio.file.Files.writeString(loaded, "loaded");
        }
        wire();
    }

    private void loadAll() {
        jdbc.update(
                "insert into advertisers (id, name, currency, timezone, created_at) values (?, 'Bench', 'USD', ?, now() - interval '200 days')",
                advertiserId,
                ZONE);
        long started = System.nanoTime();
        long rows = 0;
        for (int d = 0; d < DAYS; d++) {
            rows += loadDay(FIRST_DAY.plusDays(d));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        jdbc.execute("vacuum analyze");
        System.out.printf(
                "%nloaded %,d rollup rows (%,d ad-days) in %.1f s: %,.0f rows/s%n",
                rows, (long) DAYS * ads(), seconds, rows / seconds);
    }

    private void wire() throws Exception {
        long adDays = jdbc.queryForObject("select count(*) from daily_ad_rollups", Long.class);
        if (adDays != (long) DAYS * ads()) {
            throw new IllegalStateException(
                    "expected " + DAYS * ads() + " ad-days loaded, found " + adDays);
        }
        var constructor = Advertisers.class.getDeclaredConstructor(JdbcClient.class, Clock.class);
        constructor.setAccessible(true); // the service's constructor is for Spring only
        Advertisers advertisers =
                constructor.newInstance(JdbcClient.create(dataSource), Clock.systemUTC());
        reports =
                new Reports(
                        new ReportSql(
                                JdbcClient.create(dataSource),
                                new org.springframework.jdbc.support.JdbcTransactionManager(
                                        dataSource)),
                        advertisers,
                        Clock.systemUTC());
    }

    static int ads() {
        return CAMPAIGNS * ADGROUPS_PER_CAMPAIGN * ADS_PER_ADGROUP;
    }

    /** One day of every ad's hourly traffic, summed, through the rollup tables' upserts. */
    private long loadDay(LocalDate day) {
        var ads = RollupTable.DAILY_AD.batch();
        var adgroups = RollupTable.DAILY_ADGROUP.batch();
        var campaigns = RollupTable.DAILY_CAMPAIGN.batch();
        var accounts = RollupTable.DAILY_ADVERTISER.batch();
        var activity = AdActivityMonths.batch();
        int ad = 0;
        for (long c = 1; c <= CAMPAIGNS; c++) {
            long campaignId = 1_000_000 + c;
            for (long g = 0; g < ADGROUPS_PER_CAMPAIGN; g++) {
                long adgroupId = 2_000_000 + c * 100 + g;
                for (long a = 0; a < ADS_PER_ADGROUP; a++, ad++) {
                    long adId = 3_000_000 + ad;
                    boolean spark = ad % 5 != 0;
                    long[] counts = new long[PaidMetric.values().length];
                    long perHour = 20 + (ad * 7L + day.getDayOfYear()) % 40;
                    long impressions = 24 * perHour;
                    counts[PaidMetric.IMPRESSIONS.ordinal()] = impressions;
                    counts[PaidMetric.CLICKS.ordinal()] = impressions / 50;
                    counts[PaidMetric.VIDEO_PLAYS.ordinal()] = impressions * 9 / 10;
                    counts[PaidMetric.VIDEO_WATCHED_2S.ordinal()] = impressions * 7 / 10;
                    counts[PaidMetric.VIDEO_WATCHED_6S.ordinal()] = impressions / 2;
                    counts[PaidMetric.VIDEO_VIEWS_P25.ordinal()] = impressions * 6 / 10;
                    counts[PaidMetric.VIDEO_VIEWS_P50.ordinal()] = impressions * 4 / 10;
                    counts[PaidMetric.VIDEO_VIEWS_P75.ordinal()] = impressions * 3 / 10;
                    counts[PaidMetric.VIDEO_VIEWS_P100.ordinal()] = impressions / 5;
                    counts[PaidMetric.LIKES.ordinal()] = impressions / 30;
                    counts[PaidMetric.COMMENTS.ordinal()] = impressions / 200;
                    counts[PaidMetric.SHARES.ordinal()] = impressions / 300;
                    counts[PaidMetric.FOLLOWS.ordinal()] = impressions / 250;
                    counts[PaidMetric.PROFILE_VISITS.ordinal()] = impressions / 100;
                    counts[PaidMetric.LANDING_PAGE_VIEWS.ordinal()] = impressions / 80;
                    counts[PaidMetric.CONVERSIONS.ordinal()] = impressions / 400;
                    BigDecimal spend = BigDecimal.valueOf(impressions * (5 + ad % 11), 3);
                    ads.addSums(
                            List.of(adId, day, advertiserId, campaignId, adgroupId, spark),
                            counts,
                            spend);
                    adgroups.addSums(
                            List.of(adgroupId, day, spark, advertiserId, campaignId),
                            counts,
                            spend);
                    campaigns.addSums(List.of(campaignId, day, spark, advertiserId), counts, spend);
                    accounts.addSums(List.of(advertiserId, day, spark), counts, spend);
                    activity.add(advertiserId, adId, campaignId, adgroupId, spark, day);
                }
            }
        }
        ads.writeTo(jdbc);
        adgroups.writeTo(jdbc);
        campaigns.writeTo(jdbc);
        accounts.writeTo(jdbc);
        activity.writeTo(jdbc);
        return ads() + ads() / ADS_PER_ADGROUP * 2L + CAMPAIGNS * 2L + 2;
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        dataSource.close();
        postgres.close();
    }

    private Reports.Query query(String level, List<String> dimensions, int pageSize) {
        return query(level, dimensions, pageSize, null);
    }

    private Reports.Query query(
            String level, List<String> dimensions, int pageSize, String orderField) {
        return new Reports.Query(
                advertiserId,
                level,
                dimensions,
                METRICS,
                FIRST_DAY,
                LAST_DAY,
                new PageRequest(1, pageSize),
                false,
                Map.of(),
                null,
                orderField,
                orderField == null ? null : "DESC");
    }

    @Benchmark
    public Object accountByDay() {
        return reports.integrated(query("AUCTION_ADVERTISER", List.of("stat_time_day"), 100));
    }

    @Benchmark
    public Object accountByDaySparkVsNonSpark() {
        return reports.integrated(
                query("AUCTION_ADVERTISER", List.of("stat_time_day", "is_spark"), 1000));
    }

    @Benchmark
    public Object campaignsByDay() {
        return reports.integrated(
                query("AUCTION_CAMPAIGN", List.of("campaign_id", "stat_time_day"), 1000));
    }

    @Benchmark
    public Object adPageOf1000() {
        return reports.integrated(query("AUCTION_AD", List.of("ad_id"), 1000));
    }

    @Benchmark
    public Object adPageOf1000BySpend() {
        return reports.integrated(query("AUCTION_AD", List.of("ad_id"), 1000, "spend"));
    }

    /** Baseline: the raw sum of the rows the account reports read. */
    @Benchmark
    public Object baselineSumAccountDays() {
        return jdbc.queryForMap(
                "select count(*), sum(impressions), sum(spend) from daily_advertiser_rollups where advertiser_id = ? and day between ? and ?",
                advertiserId,
                FIRST_DAY,
                LAST_DAY);
    }

    /** Baseline: the raw sum of the rows the campaign reports read. */
    @Benchmark
    public Object baselineSumCampaignDays() {
        return jdbc.queryForMap(
                "select count(*), sum(impressions), sum(spend) from daily_campaign_rollups where advertiser_id = ? and day between ? and ?",
                advertiserId,
                FIRST_DAY,
                LAST_DAY);
    }

    /** Baseline: the raw sum of the rows the ad-level report reads. */
    @Benchmark
    public Object baselineSumAdDays() {
        return jdbc.queryForMap(
                "select count(*), sum(impressions), sum(spend) from daily_ad_rollups where advertiser_id = ? and day between ? and ?",
                advertiserId,
                FIRST_DAY,
                LAST_DAY);
    }
}
