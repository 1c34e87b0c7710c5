package io.sparkads.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.stereotype.Repository;

/**
 * Adds a batch's {@link PostEngagement} to the posts' counters and their organic days in one round
 * trip whatever the number of posts: the posts are locked in id order (so concurrent batches cannot
 * deadlock; an update from unnest locks rows in whatever order its plan visits them), then updated
 * in one statement, then the days upserted in one, sent together (the driver pipelines the
 * statements of one string and the server runs them in order). A batch spread over a hundred posts
 * would otherwise send a hundred updates, each a round trip made while holding the posts before it.
 */
@Repository
class PostCounters {
    /** The posts' counter columns, organic then paid, in {@link PostEngagement.Counter} order. */
    private static final List<String> COLUMNS =
            Stream.of("organic_", "paid_")
                    .flatMap(
                            kind ->
                                    Arrays.stream(PostEngagement.Counter.values())
                                            .map(c -> kind + c.name().toLowerCase(Locale.ROOT)))
                    .toList();

    /** The organic counts kept per post and day, in post_organic_days' column order. */
    private static final PostEngagement.Counter[] DAY_COUNTERS = {
        PostEngagement.Counter.VIEWS,
        PostEngagement.Counter.LIKES,
        PostEngagement.Counter.COMMENTS,
        PostEngagement.Counter.SHARES,
        PostEngagement.Counter.COMPLETIONS
    };

    /**
     * Parameters: the post ids to lock; one array per counter column then the post ids; the days'
     * post ids, dates, then one array per day counter.
     */
    private static final String ADD =
            "select id from posts where id = any(?) order by id for update;\n"
                    + "update posts set "
                    + COLUMNS.stream()
                            .map(column -> column + " = posts." + column + " + d." + column)
                            .collect(Collectors.joining(", "))
                    + " from unnest("
                    + COLUMNS.stream()
                            .map(column -> "?::bigint[]")
                            .collect(Collectors.joining(", "))
                    + ", ?::bigint[]) as d("
                    + String.join(", ", COLUMNS)
                    + ", id) where posts.id = d.id;\n"
                    + """
                    insert into post_organic_days (item_id, day, views, likes, comments, shares, completions)
                    select d.item, d.day::date, d.views, d.likes, d.comments, d.shares, d.completions
                    from unnest(?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
                         as d(item, day, views, likes, comments, shares, completions)
                    on conflict (item_id, day) do update set
                        views = post_organic_days.views + excluded.views,
                        likes = post_organic_days.likes + excluded.likes,
                        comments = post_organic_days.comments + excluded.comments,
                        shares = post_organic_days.shares + excluded.shares,
                        completions = post_organic_days.completions + excluded.completions
                    """;

    private final JdbcTemplate jdbc;

    PostCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(PostEngagement engagement) {
        Long[] ids = engagement.itemIds().toArray(Long[]::new);
        if (ids.length == 0) {
            return;
        }
        List<Object> params = new ArrayList<>();
        params.add(ids);
        for (PostEngagement.Counter counter : PostEngagement.Counter.values()) {
            params.add(column(ids, itemId -> engagement.organicCount(itemId, counter)));
        }
        for (PostEngagement.Counter counter : PostEngagement.Counter.values()) {
            params.add(column(ids, itemId -> engagement.paidCount(itemId, counter)));
        }
        params.add(ids);
        addDayParams(engagement, params);
        jdbc.execute(
                ADD,
                (PreparedStatementCallback<Void>)
                        statement -> {
                            for (int i = 0; i < params.size(); i++) {
                                StatementCreatorUtils.setParameterValue(
                                        statement, i + 1, SqlTypeValue.TYPE_UNKNOWN, params.get(i));
                            }
                            statement.execute();
                            return null;
                        });
    }

    private static Long[] column(Long[] ids, ToLongFunction<Long> count) {
        Long[] values = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            values[i] = count.applyAsLong(ids[i]);
        }
        return values;
    }

    /** The batch's organic counts per post and day, in (post, day) order: none for paid only. */
    private static void addDayParams(PostEngagement engagement, List<Object> params) {
        var days = engagement.organicDays();
        int n = days.size();
        Long[] items = new Long[n];
        String[] dates = new String[n];
        Long[][] counts = new Long[DAY_COUNTERS.length][n];
        int i = 0;
        for (var day : days.entrySet()) {
            items[i] = day.getKey().itemId();
            dates[i] = day.getKey().day().toString();
            for (int c = 0; c < DAY_COUNTERS.length; c++) {
                counts[c][i] = day.getValue()[DAY_COUNTERS[c].ordinal()];
            }
            i++;
        }
        params.add(items);
        params.add(dates);
        params.addAll(Arrays.asList(counts));
    }
}
