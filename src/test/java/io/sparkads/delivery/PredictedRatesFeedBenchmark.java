package io.sparkads.delivery;

import com.zaxxer.hikari.HikariDataSource;
import io.sparkads.delivery.engine.Placement;
import io.sparkads.delivery.engine.RateEstimates;
import io.sparkads.reporting.AdOutcomeTotals;
import io.sparkads.support.BenchmarkDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
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
 * What one refresh of {@link PredictedRatesFeed} costs at 100,000 ads (10 ads per ad group, 10 ad
 * groups per advertiser) with {@value #DAYS} days of traffic each: reading every ad's totals (at
 * start), reading the {@value #CHANGED} ads whose totals changed since the last read (every
 * refresh), and {@link RateEstimates#estimate} over them; beside them, the grouped query over the
 * daily ad rollups that every refresh ran before the per-ad totals table, and the baseline, a raw
 * {@code sum} over those rows. The rows are made with {@code generate_series} inserts on the
 * embedded PostgreSQL with every Flyway migration. Not a test (surefire skips *Benchmark); run it
 * as docs/benchmarks.md says.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@State(Scope.Benchmark)
public class PredictedRatesFeedBenchmark {
    static final int ADS = 100_000;
    static final int DAYS = 7;
    static final int CHANGED = ADS / 100;

    EmbeddedPostgres postgres;
    HikariDataSource dataSource;
    JdbcTemplate jdbc;
    AdOutcomeTotals totals;
    List<RateEstimates.AdOutcomes> evidence;
    long beforeTheChanges;
    long afterTheChanges;

    @Setup(Level.Trial)
    public void load() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "20").start();
        dataSource = BenchmarkDatabase.migrated(postgres, 2);
        jdbc = new JdbcTemplate(dataSource);
        long started = System.nanoTime();
        // ad a: ad group a / 10, advertiser (and campaign) a / 100; click-through 0.5–4.4%
        int rows =
                jdbc.update(
                        """
                        insert into daily_ad_rollups (ad_id, day, advertiser_id, campaign_id,
                            adgroup_id, spark, impressions, clicks, video_watched_6s,
                            video_views_p100, conversions, likes, comments, shares, follows,
                            profile_visits)
                        select a, date '2026-11-01' + d, a / 100, a / 100, a / 10, a % 5 <> 0,
                               1000 + a % 500, (1000 + a % 500) * (5 + a % 40) / 1000,
                               (1000 + a % 500) / 4, (1000 + a % 500) / 10, a % 3,
                               (1000 + a % 500) / 40, 2, 1, 1, 3
                        from generate_series(1, ?) a, generate_series(0, ? - 1) d
                        """,
                        ADS, DAYS);
        // the lifetimes as the intake keeps them, summed as the migration that made the table did
        jdbc.update(
                """
                insert into ad_outcome_totals (ad_id, advertiser_id, campaign_id, adgroup_id, spark,
                    impressions, clicks, video_watched_6s, video_views_p100, conversions, likes,
                    comments, shares, follows, profile_visits)
                select ad_id, min(advertiser_id), min(campaign_id), min(adgroup_id), bool_or(spark),
                       sum(impressions), sum(clicks), sum(video_watched_6s), sum(video_views_p100),
                       sum(conversions), sum(likes), sum(comments), sum(shares), sum(follows),
                       sum(profile_visits)
                from daily_ad_rollups group by ad_id
                """);
        jdbc.execute("vacuum analyze daily_ad_rollups");
        System.out.printf(
                "%nloaded %,d ad-days in %.1f s%n", rows, (System.nanoTime() - started) / 1e9);
        var constructor = AdOutcomeTotals.class.getDeclaredConstructor(JdbcClient.class);
        constructor.setAccessible(true); // the service's constructor is for Spring only
        totals = constructor.newInstance(JdbcClient.create(dataSource));
        beforeTheChanges = totals.all().mark();
        // one ad in a hundred had traffic since: its row updated as the intake's fold updates it
        jdbc.update(
                """
                update ad_outcome_totals set impressions = impressions + 10,
                       changed_xid = pg_current_xact_id()
                where ad_id % 100 = 0
                """);
        jdbc.execute("vacuum analyze ad_outcome_totals");
        afterTheChanges = totals.all().mark();
        evidence = evidence(totals.all());
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        dataSource.close();
        postgres.close();
    }

    private static List<RateEstimates.AdOutcomes> evidence(AdOutcomeTotals.Read read) {
        return read.totals().stream()
                .map(
                        t ->
                                new RateEstimates.AdOutcomes(
                                        t.lineage(),
                                        Placement.IN_FEED,
                                        PredictedRatesFeed.outcomesOf(t)))
                .toList();
    }

    /** Every ad's totals and the records the feed makes of them: at start, and every 10 min. */
    @Benchmark
    public List<RateEstimates.AdOutcomes> readAll() {
        return evidence(totals.all());
    }

    /** The {@value #CHANGED} ads changed since the last read: what a refresh reads. */
    @Benchmark
    public List<RateEstimates.AdOutcomes> readChanged() {
        return evidence(totals.changedSince(beforeTheChanges));
    }

    /** A refresh when no ad has changed: the least each server pays every 2 s. */
    @Benchmark
    public List<RateEstimates.AdOutcomes> readNothingChanged() {
        return evidence(totals.changedSince(afterTheChanges));
    }

    /** The estimates from the totals read (smoothing up the hierarchy, strengths per level). */
    @Benchmark
    public RateEstimates estimate() {
        return RateEstimates.estimate(evidence);
    }

    static final String GROUPED =
            """
            select ad_id, min(adgroup_id), min(campaign_id), min(advertiser_id), sum(impressions),
                   sum(clicks), sum(video_watched_6s), sum(video_views_p100), sum(conversions),
                   sum(likes + comments + shares + follows), sum(profile_visits), sum(follows)
            from daily_ad_rollups group by ad_id
            """;

    /**
     * The grouped query each refresh ran over the daily rollups before {@code ad_outcome_totals},
     * its rows counted but not kept: that read's database share.
     */
    @Benchmark
    public int groupedQueryOnly() {
        int[] rows = {0};
        jdbc.query(
                GROUPED,
                rs -> {
                    rows[0]++;
                });
        return rows[0];
    }

    /** The least any read of the same rows can cost: one sum, no grouping, nothing sent back. */
    @Benchmark
    public Long baselineSumOfTheSameRows() {
        return jdbc.queryForObject(
                "select sum(impressions + clicks) from daily_ad_rollups", Long.class);
    }
}
