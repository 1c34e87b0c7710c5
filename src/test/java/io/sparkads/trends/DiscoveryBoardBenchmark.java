package io.sparkads.trends;

import com.zaxxer.hikari.HikariDataSource;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Posts;
import io.sparkads.support.BenchmarkDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Trend Discovery boards over 1,000,000 posts (20,000 creators in 5 regions, 5,000 hashtags and
 * 2,000 sounds, both skewed so a few are popular) created evenly over 120 days, each with organic
 * activity on the day it was made and the next. Loaded by a documented bulk path (SQL over a
 * generated table, see {@link #loadAll}) straight into the tables the board reads: {@code
 * trend_daily} as intake's fold writes it, and each window of {@code trend_window} as the sum of
 * its days, which is what intake plus the daily roll keep it at. Boards go through {@link
 * TrendBoards#board} (rank change, 100 trend lines, names from content's tables); the baseline is a
 * raw top-100 {@code select} of the same pre-sorted window (its index). Not a test (surefire skips
 * *Benchmark); run it as docs/benchmarks.md says.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 5)
@State(Scope.Benchmark)
public class DiscoveryBoardBenchmark {
    static final int POSTS = 1_000_000;
    static final int CREATORS = 20_000;
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    /** The trends module's migrations: a change to any of them reloads the database. */
    static final List<String> TREND_MIGRATIONS = List.of("V900__trends.sql");

    /** Tables the load fills: their indexes are dropped first and built once at the end. */
    static final List<String> LOADED =
            List.of("posts", "trend_daily", "trend_window", "trend_post_keys");

    EmbeddedPostgres postgres;
    HikariDataSource dataSource;
    JdbcTemplate jdbc;
    TrendBoards boards;

    @Setup(Level.Trial)
    public void load() throws Exception {
        CRC32 crc = new CRC32();
        for (String migration : TREND_MIGRATIONS) {
            try (var in = getClass().getResourceAsStream("/db/migration/trends/" + migration)) {
                crc.update(in.readAllBytes());
            }
        }
        crc.update((POSTS + "/" + CREATORS + "/" + TODAY + "/v2").getBytes());
        Path dir =
                Path.of("target", "trend-benchmark-pg-" + Long.toHexString(crc.getValue()))
                        .toAbsolutePath();
        Path loaded = dir.resolveSibling(dir.getFileName() + ".loaded");
        boolean reuse = Files.exists(loaded);
        if (!reuse && Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        postgres =
                EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        .setServerConfig("max_connections", "20")
                        .setServerConfig("work_mem", "64MB")
                        .setServerConfig("shared_buffers", "512MB")
                        .setServerConfig("maintenance_work_mem", "1GB")
                        // A fixture rebuilt from scratch when lost: no crash safety for the load.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("wal_level", "minimal")
                        .setServerConfig("max_wal_senders", "0")
                        .setServerConfig("max_wal_size", "8GB")
                        .setServerConfig("checkpoint_timeout", "1h")
                        .start();
        dataSource = BenchmarkDatabase.migrated(postgres, 4);
        jdbc = new JdbcTemplate(dataSource);
        if (!reuse) {
            loadAll();
            Files.writeString(loaded, "loaded");
        }
        if (Boolean.getBoolean("trends.cold")) {
            // -jvmArgsAppend -Dtrends.cold=true: the first boards below compute every kept rank.
            jdbc.execute("truncate trend_ranks, trend_ranked_windows");
        }
        wire();
        // The first board of each kind computes the previous window's top 100 and the daily ranks
        // of its window from trend_daily and keeps them; later ones read them.
        for (String[] board : BOARDS) {
            long started = System.nanoTime();
            board(board);
            System.out.printf(
                    "%nfirst %s board (%s, %s): %.1f ms%n",
                    board[0], board[1], board[2], (System.nanoTime() - started) / 1e6);
        }
    }

    static final String[][] BOARDS = {
        {"HASHTAG", "7DAY", "ALL"}, {"POST", "120DAY", "ALL"}, {"CREATOR", "30DAY", "US"}
    };

    private Object board(String[] b) {
        return boards.board(TrendKind.valueOf(b[0]), b[2], DateRange.fromWire(b[1]), 100);
    }

    /**
     * The bulk path: 1,000,000 posts in content's tables; their activity (views with a long tail,
     * likes a 20th, comments a 200th, shares a 100th of them) summed per kind, region (the
     * creator's, and ALL), key and day into trend_daily with intake's score; each window summed
     * from its days.
     */
    private void loadAll() throws Exception {
        long started = System.nanoTime();
        // One connection for the whole load, so the session settings below hold throughout.
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(dataSource.getConnection(), true));
        jdbc.execute("set work_mem = '256MB'");
        // Skips the foreign-key triggers of posts (the rows are generated consistent).
        jdbc.execute("set session_replication_role = replica");
        // Building an index once over sorted rows is far cheaper than 10 million btree inserts.
        List<String> rebuild = new ArrayList<>();
        for (String table : LOADED) {
            rebuild.addAll(
                    jdbc.queryForList(
                            """
                            select indexdef from pg_indexes i
                            where tablename = ? and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
                            """,
                            String.class,
                            table));
            jdbc.queryForList(
                            """
                            select indexname from pg_indexes i
                            where tablename = ? and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
                            """,
                            String.class,
                            table)
                    .forEach(index -> jdbc.execute("drop index " + index));
            if (table.startsWith("trend_")) {
                for (var pk :
                        jdbc.queryForList(
                                """
                                select conname, pg_get_constraintdef(oid) as def from pg_constraint
                                where conrelid = ?::regclass and contype = 'p'
                                """,
                                table)) {
                    rebuild.add(
                            "alter table %s add constraint %s %s"
                                    .formatted(table, pk.get("conname"), pk.get("def")));
                    jdbc.execute(
                            "alter table %s drop constraint %s"
                                    .formatted(table, pk.get("conname")));
                }
            }
        }
        long dropped = System.nanoTime();
        jdbc.update(
                """
                insert into app_accounts (id, handle, display_name, account_type, region, created_at)
                select i, 'creator_' || i, 'Creator ' || i, 'CREATOR', (array['US','GB','DE','FR','BR'])[1 + i % 5], now()
                from generate_series(1, ?) i
                """,
                CREATORS);
        jdbc.queryForList("select setseed(0.42)");
        jdbc.update(
                """
                create unlogged table bench_posts as
                select i as id, 1 + i % ? as account_id, (?::date - (i % 120))::date as day,
                       array['tag' || floor(5000 * power(random(), 3))::int, 'tag' || floor(5000 * power(random(), 2))::int] as hashtags,
                       'sound' || floor(2000 * power(random(), 3))::int as sound_id,
                       10 + floor(20000 * power(random(), 6))::bigint as views
                from generate_series(1, ?) i
                """,
                CREATORS, java.sql.Date.valueOf(TODAY), POSTS);
        jdbc.update(
                """
                insert into posts (id, account_id, caption, hashtags, sound_id, duration_ms, visibility, created_at)
                select id, account_id, 'Post ' || id || ' #' || hashtags[1], hashtags, sound_id, 15000, 'PUBLIC', day + time '12:00'
                from bench_posts
                """);
        jdbc.execute(
                """
                create unlogged table bench_activity as
                select p.id, p.account_id, a.region, p.hashtags, p.sound_id, d.day, d.created,
                       case when d.created then p.views * 7 / 10 else p.views * 3 / 10 end as v
                from bench_posts p
                join app_accounts a on a.id = p.account_id
                cross join lateral (values (p.day, true), (p.day + 1, false)) as d(day, created)
                where d.day <= date '%s'
                """
                        .formatted(TODAY));
        for (String key :
                List.of(
                        "'POST', id::text",
                        "'CREATOR', account_id::text",
                        "'SOUND', sound_id",
                        "'HASHTAG', unnest(hashtags)")) {
            jdbc.execute(
                    """
                    insert into trend_daily (kind, region, key, day, views, likes, comments, shares, posts, score)
                    select kind, r.region, key, day, sum(v), sum(v / 20), sum(v / 200), sum(v / 100),
                           count(*) filter (where created), sum(v + 3 * (v / 20) + 5 * (v / 200) + 8 * (v / 100))
                    from (select %s, region, day, v, created from bench_activity) k(kind, key, region, day, v, created)
                    cross join lateral (values (k.region), ('ALL')) as r(region)
                    group by kind, r.region, key, day
                    """
                            .formatted(key));
        }
        for (int days : TrendStore.WINDOWS) {
            jdbc.update(
                    """
                    insert into trend_window (kind, region, days, key, views, likes, comments, shares, posts, score)
                    select kind, region, ?, key, sum(views), sum(likes), sum(comments), sum(shares), sum(posts), sum(score)
                    from trend_daily where day > ?::date - ? group by kind, region, key
                    """,
                    days,
                    java.sql.Date.valueOf(TODAY),
                    days);
        }
        jdbc.execute(
                """
                insert into trend_post_keys (kind, key, item_id, account_id)
                select distinct k.kind, k.key, p.id, p.account_id
                from bench_posts p
                cross join lateral (select 'POST', p.id::text union all select 'CREATOR', p.account_id::text
                                    union all select 'SOUND', p.sound_id union all select 'HASHTAG', unnest(p.hashtags)) k(kind, key)
                """);
        jdbc.update("update trend_state set today = ?", java.sql.Date.valueOf(TODAY));
        jdbc.execute("drop table bench_activity");
        jdbc.execute("drop table bench_posts");
        long filled = System.nanoTime();
        rebuild.forEach(jdbc::execute);
        long indexed = System.nanoTime();
        jdbc.execute("set session_replication_role = origin");
        jdbc.execute("vacuum analyze");
        System.out.printf(
                "%nloaded %,d posts: %,d daily rows, %,d window rows in %.0f s"
                        + " (filling %.0f s, %d indexes %.0f s, vacuum %.0f s)%n",
                jdbc.queryForObject("select count(*) from posts", Long.class),
                jdbc.queryForObject("select count(*) from trend_daily", Long.class),
                jdbc.queryForObject("select count(*) from trend_window", Long.class),
                (System.nanoTime() - started) / 1e9,
                (filled - dropped) / 1e9,
                rebuild.size(),
                (indexed - filled) / 1e9,
                (System.nanoTime() - indexed) / 1e9);
        ((SingleConnectionDataSource) jdbc.getDataSource()).destroy();
        jdbc = new JdbcTemplate(dataSource);
    }

    private void wire() throws Exception {
        Clock clock = Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        JdbcClient client = JdbcClient.create(dataSource);
        var accountsConstructor =
                AppAccounts.class.getDeclaredConstructor(JdbcClient.class, Clock.class);
        accountsConstructor.setAccessible(true); // the services' constructors are for Spring only
        AppAccounts accounts = accountsConstructor.newInstance(client, clock);
        var postsConstructor =
                Posts.class.getDeclaredConstructor(
                        JdbcClient.class,
                        Clock.class,
                        AppAccounts.class,
                        ApplicationEventPublisher.class);
        postsConstructor.setAccessible(true);
        ApplicationEventPublisher none = event -> {};
        Posts posts = postsConstructor.newInstance(client, clock, accounts, none);
        boards =
                new TrendBoards(
                        new TrendStore(client), new TrendQueries(client), posts, accounts, clock);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        dataSource.close();
        postgres.close();
    }

    @Benchmark
    public Object hashtags7DayAllRegions() {
        return board(BOARDS[0]);
    }

    @Benchmark
    public Object posts120DayAllRegions() {
        return board(BOARDS[1]);
    }

    @Benchmark
    public Object creators30DayOneRegion() {
        return board(BOARDS[2]);
    }

    /** Baseline: the top 100 rows of the pre-sorted window the post board reads. */
    @Benchmark
    public Object baselineTop100Posts120Day() {
        return jdbc.queryForList(
                """
                select key, views, posts, score from trend_window
                where kind = 'POST' and region = 'ALL' and days = 120 and score > 0
                order by score desc, views desc, key limit 100
                """);
    }
}
