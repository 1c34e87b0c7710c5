package io.sparkads.reporting;

import com.zaxxer.hikari.HikariDataSource;
import io.sparkads.support.BenchmarkDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the per-ad lifetime totals ({@link RollupTable#AD_TOTALS}, read by delivery's rate feed) add
 * to an intake batch: the counted rollup upserts of one batch over {@value #ADS} ads, in one
 * transaction as {@link ReportRollups#fold} writes them, without and with the totals' upsert. Each
 * invocation adds to the same rows again, as steady traffic does. Not a test (surefire skips
 * *Benchmark); run it as docs/benchmarks.md says.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@State(Scope.Benchmark)
public class RollupWriteBenchmark {
    static final int ADS = 200;

    EmbeddedPostgres postgres;
    HikariDataSource dataSource;
    JdbcTemplate jdbc;
    TransactionTemplate transactions;

    @Setup(Level.Trial)
    public void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "20").start();
        dataSource = BenchmarkDatabase.migrated(postgres, 2);
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        dataSource.close();
        postgres.close();
    }

    /** The counted tables a batch writes before the per-ad totals existed. */
    @Benchmark
    public void batchWithoutTotals() {
        write(false);
    }

    /** The same and the per-ad totals, as the fold writes now. */
    @Benchmark
    public void batchWithTotals() {
        write(true);
    }

    private void write(boolean withTotals) {
        var hourly = RollupTable.HOURLY.batch();
        var ads = RollupTable.DAILY_AD.batch();
        var totals = RollupTable.AD_TOTALS.batch();
        var adgroups = RollupTable.DAILY_ADGROUP.batch();
        var campaigns = RollupTable.DAILY_CAMPAIGN.batch();
        var accounts = RollupTable.DAILY_ADVERTISER.batch();
        var audiences = RollupTable.AUDIENCE_DAILY.batch();
        Instant hour = Instant.parse("2026-12-02T10:00:00Z");
        LocalDate day = LocalDate.of(2026, 12, 2);
        BigDecimal cent = new BigDecimal("0.01");
        for (long ad = 1; ad <= ADS; ad++) {
            long adgroup = 1_000 + ad / 10, campaign = 2_000 + ad / 100, account = 3_000;
            hourly.add(
                    List.of(ad, hour, account, campaign, adgroup, true, 9_000 + ad),
                    PaidMetric.IMPRESSIONS,
                    cent);
            ads.add(
                    List.of(ad, day, account, campaign, adgroup, true),
                    PaidMetric.IMPRESSIONS,
                    cent);
            audiences.add(
                    List.of(
                            ad, day, "NONE", "NONE", "NONE", "NONE", account, campaign, adgroup,
                            true),
                    PaidMetric.IMPRESSIONS,
                    cent);
        }
        ads.sumInto(totals, r -> List.of(r.get(0), r.get(2), r.get(3), r.get(4), r.get(5)));
        ads.sumInto(adgroups, r -> List.of(r.get(4), r.get(1), r.get(5), r.get(2), r.get(3)));
        ads.sumInto(campaigns, r -> List.of(r.get(3), r.get(1), r.get(5), r.get(2)));
        ads.sumInto(accounts, r -> List.of(r.get(2), r.get(1), r.get(5)));
        transactions.executeWithoutResult(
                status -> {
                    hourly.writeTo(jdbc);
                    ads.writeTo(jdbc);
                    if (withTotals) {
                        totals.writeTo(jdbc);
                    }
                    adgroups.writeTo(jdbc);
                    campaigns.writeTo(jdbc);
                    audiences.writeTo(jdbc);
                    accounts.writeTo(jdbc);
                });
    }
}
