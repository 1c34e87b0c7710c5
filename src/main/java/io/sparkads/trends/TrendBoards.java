package io.sparkads.trends;

import io.sparkads.common.Ids;
import io.sparkads.common.Quotes;
import io.sparkads.common.Refusal;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;

/**
 * Trend Discovery's boards and details: hashtags, sounds, creators and posts ranked by organic
 * activity inside the window ({@link TrendScore}), with the rank change against the previous window
 * of the same length and a daily trend line. The Business API and the Ads Manager page both read
 * it.
 */
@Service
public class TrendBoards {
    public static final String ALL_REGIONS = TrendActivity.ALL;
    public static final int MAX_ROWS = RankChange.TOP;
    static final int TOP_CONTRIBUTORS = 10;

    private final TrendStore store;
    private final TrendQueries queries;
    private final Posts posts;
    private final AppAccounts accounts;
    private final Clock clock;

    TrendBoards(
            TrendStore store,
            TrendQueries queries,
            Posts posts,
            AppAccounts accounts,
            Clock clock) {
        this.store = store;
        this.queries = queries;
        this.posts = posts;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** How a trend is named for people, from content's posts and accounts. */
    public record Name(String title, String subtitle, String avatarUrl, Boolean sparkReady) {}

    /** One day of a trend line: its views that day and its place on that day's board. */
    public record Day(LocalDate date, Integer rank, long views) {}

    public record Row(
            int rank,
            RankChange change,
            TrendKind kind,
            String key,
            Name name,
            long views,
            long likes,
            long comments,
            long shares,
            long posts,
            long score,
            List<Day> history) {}

    public record Board(
            TrendKind kind, String region, DateRange range, TrendWindow window, List<Row> rows) {}

    public record Audience(
            Map<String, Long> ageGroups, Map<String, Long> genders, Map<String, Long> regions) {}

    /**
     * A trend's detail; {@code trend.rank()} is 0 when it had no organic activity in the window.
     */
    public record Detail(
            Board board, Row trend, List<Row> topPosts, List<Row> topCreators, Audience audience) {}

    /** The region a request names: a two-letter country code, or none or ALL for everywhere. */
    public static String region(String raw) {
        if (raw == null || raw.isBlank() || raw.equals(ALL_REGIONS)) {
            return ALL_REGIONS;
        }
        if (!raw.matches("[A-Z]{2}")) {
            throw Refusal.invalid(
                    "country_code must be a two-letter country code like US, or ALL; was "
                            + Quotes.of(raw));
        }
        return raw;
    }

    public Board board(TrendKind kind, String region, DateRange range, int limit) {
        String where = region(region);
        LocalDate today = store.rollTo(TrendWindow.today(clock));
        TrendWindow window = new TrendWindow(today, range.days());
        List<TrendQueries.Figures> top =
                queries.top(kind, where, range.days(), Math.max(1, Math.min(limit, MAX_ROWS)));
        Map<String, Integer> previous = queries.closedRanks(kind, where, window.previous());
        Map<String, Name> names = names(kind, top.stream().map(TrendQueries.Figures::key).toList());
        List<List<Day>> histories = histories(kind, where, window, top);
        List<Row> rows =
                IntStream.range(0, top.size())
                        .mapToObj(
                                i ->
                                        row(
                                                kind,
                                                i + 1,
                                                RankChange.of(
                                                        i + 1, previous.get(top.get(i).key())),
                                                top.get(i),
                                                names.get(top.get(i).key()),
                                                histories.get(i)))
                        .toList();
        return new Board(kind, where, range, window, rows);
    }

    public Detail detail(TrendKind kind, String rawKey, String region, DateRange range) {
        String where = region(region);
        String key = key(kind, rawKey);
        LocalDate today = store.rollTo(TrendWindow.today(clock));
        TrendWindow window = new TrendWindow(today, range.days());
        TrendQueries.Figures figures =
                queries.one(kind, where, range.days(), key)
                        .orElse(new TrendQueries.Figures(key, 0, 0, 0, 0, 0, 0));
        int rank = figures.score() > 0 ? queries.rankOf(kind, where, range.days(), figures) : 0;
        Integer previousRank = queries.closedRanks(kind, where, window.previous()).get(key);
        Name name = names(kind, List.of(key)).get(key);
        if (name == null) {
            throw Refusal.notFound(
                    "No " + kind.name().toLowerCase(Locale.ROOT) + " " + Quotes.of(rawKey));
        }
        Row trend =
                row(
                        kind,
                        rank,
                        rank == 0 ? new RankChange(null, false) : RankChange.of(rank, previousRank),
                        figures,
                        name,
                        histories(kind, where, window, List.of(figures)).get(0));
        List<Row> topPosts = contributors(kind, key, where, window, TrendKind.POST, "item_id");
        List<Row> topCreators =
                contributors(kind, key, where, window, TrendKind.CREATOR, "account_id");
        Audience audience =
                new Audience(
                        queries.audience(kind, key, where, window, "age_group"),
                        queries.audience(kind, key, where, window, "gender"),
                        queries.audience(kind, key, where, window, "region"));
        return new Detail(
                new Board(kind, where, range, window, List.of()),
                trend,
                topPosts,
                topCreators,
                audience);
    }

    /** Regions with organic activity, for a filter. */
    public List<String> regions() {
        return queries.regions();
    }

    private static String key(TrendKind kind, String raw) {
        if (raw == null || raw.isBlank()) {
            throw Refusal.invalid("Name the " + kind.name().toLowerCase(Locale.ROOT) + " to show");
        }
        String key = raw.strip();
        if (kind == TrendKind.HASHTAG && key.startsWith("#")) {
            key = key.substring(1);
        }
        if ((kind == TrendKind.CREATOR || kind == TrendKind.POST) && Ids.parse(key) == null) {
            throw Refusal.invalid(
                    (kind == TrendKind.POST ? "item_id" : "creator_id")
                            + " must be a number; was "
                            + Quotes.of(raw));
        }
        return key;
    }

    private List<Row> contributors(
            TrendKind kind,
            String key,
            String region,
            TrendWindow window,
            TrendKind as,
            String by) {
        List<TrendQueries.Figures> top =
                queries.topContributors(kind, key, region, window, by, TOP_CONTRIBUTORS);
        Map<String, Name> names = names(as, top.stream().map(TrendQueries.Figures::key).toList());
        return IntStream.range(0, top.size())
                .mapToObj(
                        i ->
                                row(
                                        as,
                                        i + 1,
                                        new RankChange(null, false),
                                        top.get(i),
                                        names.get(top.get(i).key()),
                                        List.of()))
                .toList();
    }

    private static Row row(
            TrendKind kind,
            int rank,
            RankChange change,
            TrendQueries.Figures f,
            Name name,
            List<Day> history) {
        return new Row(
                rank,
                change,
                kind,
                f.key(),
                name == null ? new Name(f.key(), null, null, null) : name,
                f.views(),
                f.likes(),
                f.comments(),
                f.shares(),
                f.posts(),
                f.score(),
                history);
    }

    /** Each row's days in the window: views, and its rank on that day's board (today's is live). */
    private List<List<Day>> histories(
            TrendKind kind, String region, TrendWindow window, List<TrendQueries.Figures> rows) {
        Set<String> keys =
                rows.stream()
                        .map(TrendQueries.Figures::key)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, Map<LocalDate, Long>> views = queries.dailyViews(kind, region, window, keys);
        Map<LocalDate, Map<String, Integer>> ranks =
                queries.dailyRanks(kind, region, window.start(), window.end().minusDays(1), keys);
        List<TrendQueries.Figures> today = queries.top(kind, region, 1, RankChange.TOP);
        Map<String, Integer> todayRanks = new HashMap<>();
        for (int i = 0; i < today.size(); i++) {
            todayRanks.put(today.get(i).key(), i + 1);
        }
        ranks.put(window.end(), todayRanks);
        List<LocalDate> dates = window.dates();
        List<List<Day>> histories = new ArrayList<>();
        for (TrendQueries.Figures row : rows) {
            Map<LocalDate, Long> byDay = views.getOrDefault(row.key(), Map.of());
            histories.add(
                    dates.stream()
                            .map(
                                    d ->
                                            new Day(
                                                    d,
                                                    ranks.getOrDefault(d, Map.of()).get(row.key()),
                                                    byDay.getOrDefault(d, 0L)))
                            .toList());
        }
        return histories;
    }

    /** People's names for the keys; a creator or post that no longer exists is left out. */
    private Map<String, Name> names(TrendKind kind, List<String> keys) {
        Map<String, Name> names = new HashMap<>();
        switch (kind) {
            case HASHTAG -> keys.forEach(k -> names.put(k, new Name("#" + k, null, null, null)));
            case SOUND -> keys.forEach(k -> names.put(k, new Name(k, "Sound", null, null)));
            case CREATOR -> {
                for (AppAccount a : accounts.findAll(ids(keys))) {
                    names.put(
                            String.valueOf(a.id()),
                            new Name(a.displayName(), "@" + a.handle(), a.avatarUrl(), null));
                }
            }
            case POST -> {
                List<Post> found = posts.findAll(ids(keys));
                Map<Long, AppAccount> creators =
                        accounts
                                .findAll(
                                        found.stream()
                                                .map(Post::accountId)
                                                .collect(Collectors.toSet()))
                                .stream()
                                .collect(Collectors.toMap(AppAccount::id, Function.identity()));
                for (Post p : found) {
                    AppAccount creator = creators.get(p.accountId());
                    names.put(
                            String.valueOf(p.itemId()),
                            new Name(
                                    p.caption().isBlank() ? "Post " + p.itemId() : p.caption(),
                                    creator == null ? null : "@" + creator.handle(),
                                    creator == null ? null : creator.avatarUrl(),
                                    TrendDiscovery.isSparkReady(p)));
                }
            }
        }
        return names;
    }

    private static Set<Long> ids(List<String> keys) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String key : keys) {
            Long id = Ids.parse(key);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }
}
