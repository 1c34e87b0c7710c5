package io.sparkads.trends;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The windows a board reads stay equal to the sum of their days as intake adds and the UTC day
 * moves: on a PostgreSQL of its own with only the trends tables, so the test can move "today".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrendWindowRollIT {
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    static final TrendActivity.PostFacts POST =
            new TrendActivity.PostFacts(1, 2, "US", List.of("cats"), null);

    EmbeddedPostgres postgres;
    JdbcClient jdbc;
    TrendStore store;

    @BeforeAll
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        DataSource dataSource = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/trends")
                .load()
                .migrate();
        jdbc = JdbcClient.create(dataSource);
        store = new TrendStore(jdbc);
    }

    @AfterAll
    void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void empty() {
        for (String table :
                List.of(
                        "trend_daily",
                        "trend_window",
                        "trend_ranks",
                        "trend_ranked_windows",
                        "trend_audience",
                        "trend_post_keys")) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("update trend_state set today = ?").param(Date.valueOf(MONDAY)).update();
    }

    @Test
    void aDayLeavesEachWindowWhenTheDayChanges() {
        views(MONDAY.minusDays(6), 4);
        views(MONDAY.minusDays(1), 2);
        views(MONDAY, 1);
        assertThat(windowViews(1)).isEqualTo(1);
        assertThat(windowViews(7)).isEqualTo(7);

        assertThat(store.rollTo(MONDAY.plusDays(1))).isEqualTo(MONDAY.plusDays(1));

        assertThat(windowViews(1)).as("Tuesday has had nothing yet").isNull();
        assertThat(windowViews(7)).as("the day 6 days before Monday left the week").isEqualTo(3);
        assertThat(windowViews(30)).isEqualTo(7);
        assertWindowsAreTheSumOfTheirDays(MONDAY.plusDays(1));
    }

    @Test
    void rollingSeveralDaysAtOnceOrPastAWholeWindowKeepsTheSums() {
        for (int d = 0; d < 40; d++) {
            views(MONDAY.minusDays(d), d + 1);
        }
        store.rollTo(MONDAY.plusDays(5));
        assertWindowsAreTheSumOfTheirDays(MONDAY.plusDays(5));
        store.rollTo(MONDAY.plusDays(35));
        assertWindowsAreTheSumOfTheirDays(MONDAY.plusDays(35));
        assertThat(windowViews(7)).isNull();
        assertThat(windowViews(120)).isEqualTo(40 * 41 / 2);
        assertThat(store.rollTo(MONDAY)).as("never backwards").isEqualTo(MONDAY.plusDays(35));
    }

    @Test
    void aLateEventDropsTheCachedRanksOfTheClosedWindowsHoldingItsDay() {
        views(MONDAY.minusDays(3), 5);
        TrendQueries queries = new TrendQueries(jdbc);
        TrendWindow lastWeek = new TrendWindow(MONDAY.minusDays(1), 7);
        assertThat(queries.closedRanks(TrendKind.HASHTAG, "ALL", lastWeek))
                .containsEntry("cats", 1);
        TrendActivity.PostFacts dogs =
                new TrendActivity.PostFacts(3, 4, "US", List.of("dogs"), null);

        TrendActivity late =
                new TrendActivity()
                        .events(
                                dogs,
                                TrendActivity.VIEWS,
                                MONDAY.minusDays(2),
                                null,
                                null,
                                null,
                                9);
        store.add(late, MONDAY);

        assertThat(queries.closedRanks(TrendKind.HASHTAG, "ALL", lastWeek))
                .isEqualTo(Map.of("dogs", 1, "cats", 2));
    }

    @Test
    void eachClosedDayIsRankedAsThatDaysBoardTopHundredOnly() {
        LocalDate day = MONDAY.minusDays(2);
        TrendActivity activity = new TrendActivity();
        for (int i = 1; i <= 105; i++) {
            count(activity, "t" + i, day, TrendActivity.VIEWS, i);
        }
        count(activity, "a50", day, TrendActivity.VIEWS, 50); // t50's score and views: key order
        // t50's score with fewer views: after t50, though its key comes first.
        count(activity, "b50", day, TrendActivity.VIEWS, 47);
        count(activity, "b50", day, TrendActivity.LIKES, 1);
        count(activity, "t1", day.plusDays(1), TrendActivity.VIEWS, 1);
        store.add(activity, MONDAY);
        TrendQueries queries = new TrendQueries(jdbc);
        Set<String> keys = Set.of("t105", "t51", "a50", "t50", "b50", "t49", "t8", "t7", "t1");

        var ranks =
                queries.dailyRanks(
                        TrendKind.HASHTAG, "ALL", day.minusDays(1), day.plusDays(1), keys);

        assertThat(ranks.get(day))
                .isEqualTo(
                        Map.of(
                                "t105", 1, "t51", 55, "a50", 56, "t50", 57, "b50", 58, "t49", 59,
                                "t8", 100));
        assertThat(ranks.get(day.plusDays(1))).isEqualTo(Map.of("t1", 1));
        assertThat(ranks)
                .as("a day without activity ranks nothing")
                .doesNotContainKey(day.minusDays(1));
        assertThat(
                        jdbc.sql("select count(*) from trend_ranks where days = 1 and end_day = ?")
                                .param(Date.valueOf(day))
                                .query(Integer.class)
                                .single())
                .as("only the top 100 is kept")
                .isEqualTo(100);
        assertThat(
                        jdbc.sql("select count(*) from trend_ranked_windows where days = 1")
                                .query(Integer.class)
                                .single())
                .as("the empty day is known too, so it is not ranked again")
                .isEqualTo(3);
        assertThat(
                        queries.dailyRanks(
                                TrendKind.HASHTAG, "ALL", day.minusDays(1), day.plusDays(1), keys))
                .as("read again from what was kept")
                .isEqualTo(ranks);
    }

    private static void count(
            TrendActivity activity, String hashtag, LocalDate day, int counter, int times) {
        var post =
                new TrendActivity.PostFacts(
                        Math.abs(hashtag.hashCode()), 2, "US", List.of(hashtag), null);
        activity.events(post, counter, day, null, null, null, times);
    }

    private void views(LocalDate day, int count) {
        TrendActivity activity =
                new TrendActivity().events(POST, TrendActivity.VIEWS, day, null, null, null, count);
        store.add(
                activity,
                jdbc.sql("select today from trend_state").query(LocalDate.class).single());
    }

    private Long windowViews(int days) {
        return jdbc.sql(
                        "select views from trend_window where kind = 'HASHTAG' and region = 'ALL' and days = ? and key = 'cats'")
                .param(days)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private void assertWindowsAreTheSumOfTheirDays(LocalDate today) {
        for (int days : TrendStore.WINDOWS) {
            List<String> kept =
                    jdbc.sql(
                                    """
                                    select kind || region || key || ':' || views || ':' || score from trend_window
                                    where days = ? and score > 0 order by 1
                                    """)
                            .param(days)
                            .query(String.class)
                            .list();
            List<String> summed =
                    jdbc.sql(
                                    """
                                    select kind || region || key || ':' || sum(views) || ':' || sum(score) from trend_daily
                                    where day between ? and ? group by kind, region, key having sum(score) > 0 order by 1
                                    """)
                            .params(Date.valueOf(today.minusDays(days - 1L)), Date.valueOf(today))
                            .query(String.class)
                            .list();
            assertThat(kept).as("window of %d days", days).isEqualTo(summed);
        }
    }
}
