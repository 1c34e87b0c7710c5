package io.sparkads.trends;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.TrendsCaughtUp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Boards over the Business API, fed by organic events through the platform API. Each test works in
 * a region no other test uses, so its board holds only its own trends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class TrendBoardsIT {
    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    ApiClient api;
    ApiFixtures given;
    ApiFixtures.Advertiser advertiser;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
        advertiser = given.givenAdvertiser();
    }

    @Test
    void aBoardRanksByActivityInsideItsWindowOnly() {
        String region = ApiFixtures.uniqueRegion();
        String account = account(region);
        String steady = tag("steady"), old = tag("old");
        String steadyPost = post(account, steady);
        String oldPost = post(account, old);
        Instant now = Instant.now();
        views(oldPost, now.minus(10, ChronoUnit.DAYS), 10, null);
        views(oldPost, now, 1, null);
        views(steadyPost, now, 3, null);

        JsonNode week = board("HASHTAG", "7DAY", region);
        assertThat(names(week, "hashtag_name")).containsExactly(steady, old);
        assertThat(week.get(0).path("views").asLong()).isEqualTo(3);
        assertThat(week.get(1).path("views").asLong()).isEqualTo(1);
        assertThat(week.get(0).path("posts").asLong())
                .as("posts created in the window")
                .isEqualTo(1);

        JsonNode month = board("HASHTAG", "30DAY", region);
        assertThat(names(month, "hashtag_name")).containsExactly(old, steady);
        assertThat(month.get(0).path("views").asLong()).isEqualTo(11);
        JsonNode history = month.get(0).path("trending_history");
        assertThat(history.size()).isEqualTo(30);
        assertThat(history.get(29).path("date").asString())
                .isEqualTo(now.toString().substring(0, 10));
        assertThat(history.get(29).path("views_daily").asLong()).isEqualTo(1);
        assertThat(history.get(19).path("views_daily").asLong()).isEqualTo(10);
        assertThat(history.get(19).path("rank_position_daily").asInt())
                .as("the only trend of its day in this region")
                .isEqualTo(1);
        assertThat(history.get(29).path("rank_position_daily").asInt()).isEqualTo(2);
    }

    @Test
    void rankChangeComparesWithThePreviousWindowOfTheSameLength() {
        String region = ApiFixtures.uniqueRegion();
        String account = account(region);
        String first = tag("first"),
                second = tag("second"),
                third = tag("third"),
                fresh = tag("fresh");
        String firstPost = post(account, first);
        String secondPost = post(account, second);
        String thirdPost = post(account, third);
        String freshPost = post(account, fresh);
        Instant lastWeek = Instant.now().minus(9, ChronoUnit.DAYS);
        views(firstPost, lastWeek, 10, null);
        views(secondPost, lastWeek, 5, null);
        views(thirdPost, lastWeek, 2, null);
        Instant now = Instant.now();
        views(secondPost, now, 20, null);
        views(firstPost, now, 8, null);
        views(freshPost, now, 1, null);

        JsonNode week = board("HASHTAG", "7DAY", region);
        assertThat(names(week, "hashtag_name")).containsExactly(second, first, fresh);
        assertThat(week.get(0).path("rank_position").asInt()).isEqualTo(1);
        assertThat(week.get(0).path("rank_change").asInt()).as("2nd → 1st").isEqualTo(1);
        assertThat(week.get(1).path("rank_change").asInt()).as("1st → 2nd").isEqualTo(-1);
        assertThat(week.get(2).path("rank_change").isNull()).isTrue();
        assertThat(week.get(2).path("is_new_to_top100").asBoolean()).isTrue();
        assertThat(week.get(0).path("is_new_to_top100").asBoolean()).isFalse();
    }

    @Test
    void engagementWeighsMoreThanAViewAndRegionsAreApart() {
        String region = ApiFixtures.uniqueRegion(), elsewhere = ApiFixtures.uniqueRegion();
        String account = account(region);
        String viewed = tag("viewed"), liked = tag("liked");
        String viewedPost = post(account, viewed);
        String likedPost = post(account, liked);
        Instant now = Instant.now();
        views(viewedPost, now, 5, null);
        send(likedPost, now, "VIDEO_PLAY", 1, null);
        send(likedPost, now, "SHARE", 1, null);
        // Seen by viewers elsewhere: counts on that region's board and on ALL, not on this one.
        views(viewedPost, now, 4, Map.of("region", elsewhere));

        JsonNode here = board("HASHTAG", "1DAY", region);
        assertThat(names(here, "hashtag_name"))
                .as("1 view + 8 for a share beats 5 views")
                .containsExactly(liked, viewed);
        assertThat(here.get(0).path("score").asLong()).isEqualTo(9);
        assertThat(here.get(1).path("views").asLong()).isEqualTo(5);
        JsonNode there = board("HASHTAG", "1DAY", elsewhere);
        assertThat(names(there, "hashtag_name")).containsExactly(viewed);
        assertThat(there.get(0).path("views").asLong()).isEqualTo(4);

        JsonNode creators = board("CREATOR", "1DAY", region);
        assertThat(names(creators, "creator_id")).containsExactly(account);
        assertThat(creators.get(0).path("posts").asLong()).isEqualTo(2);
        JsonNode posts = board("POST", "1DAY", region);
        assertThat(names(posts, "item_id")).containsExactly(likedPost, viewedPost);
    }

    @Test
    void aDetailShowsTheTrendLineTopPostsCreatorsAndOrganicAudience() {
        String region = ApiFixtures.uniqueRegion();
        String account = account(region);
        String tag = tag("detail");
        String big = post(account, tag), small = post(account, tag);
        Instant now = Instant.now();
        views(
                big,
                now,
                3,
                Map.of("age_group", "AGE_18_24", "gender", "GENDER_FEMALE", "region", region));
        views(
                small,
                now,
                1,
                Map.of("age_group", "AGE_25_34", "gender", "GENDER_MALE", "region", region));

        JsonNode detail =
                api.businessGet(
                                advertiser.token(),
                                "/discovery/detail/",
                                params(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "discovery_type",
                                        "HASHTAG",
                                        "hashtag_name",
                                        "#" + tag,
                                        "date_range",
                                        "7DAY",
                                        "country_code",
                                        region))
                        .data();
        assertThat(detail.path("hashtag_name").asString()).isEqualTo(tag);
        assertThat(detail.path("rank_position").asInt()).isEqualTo(1);
        assertThat(detail.path("views").asLong()).isEqualTo(4);
        assertThat(detail.path("trending_history").size()).isEqualTo(7);
        assertThat(detail.path("top_posts").get(0).path("item_id").asString()).isEqualTo(big);
        assertThat(detail.path("top_posts").get(1).path("item_id").asString()).isEqualTo(small);
        assertThat(detail.path("top_creators").get(0).path("creator_id").asString())
                .isEqualTo(account);
        JsonNode ages = detail.path("audience").path("age_groups");
        assertThat(ages.get(0).path("age_group").asString()).isEqualTo("AGE_18_24");
        assertThat(ages.get(0).path("percentage").asDouble()).isEqualTo(75.0);
        assertThat(detail.path("audience").path("genders").get(1).path("gender").asString())
                .isEqualTo("GENDER_MALE");
    }

    @Test
    void paidEventsNeverCount() {
        ApiFixtures.LiveAd ad = given.givenLiveAd(Map.of());
        String impression = given.servedImpression(ad.adId(), "viewer-" + ApiFixtures.unique());
        given.givenEvents(
                impression, Instant.now().toString(), "IMPRESSION", "VIDEO_PLAY", "LIKE", "SHARE");
        send(ad.post().itemId(), Instant.now(), "VIDEO_PLAY", 1, null);

        JsonNode detail =
                api.businessGet(
                                advertiser.token(),
                                "/discovery/detail/",
                                params(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "discovery_type",
                                        "POST",
                                        "item_id",
                                        ad.post().itemId(),
                                        "date_range",
                                        "1DAY"))
                        .data();
        assertThat(detail.path("views").asLong()).as("the organic view only").isEqualTo(1);
        assertThat(detail.path("likes").asLong()).isZero();
        assertThat(detail.path("shares").asLong()).isZero();
    }

    @Test
    void badInputIsRefusedWithWhatToFix() {
        assertThat(refusal("discovery_type", "MUSIC")).contains("HASHTAG, SOUND, CREATOR, POST");
        assertThat(refusal("country_code", "usa")).contains("two-letter country code");
        assertThat(refusal("date_range", "2DAY")).contains("1DAY");
        assertThat(refusal("page_size", "101")).contains("page_size must be between 1 and 100");
        var detail =
                api.businessGet(
                        advertiser.token(),
                        "/discovery/detail/",
                        params(
                                "advertiser_id",
                                advertiser.id(),
                                "discovery_type",
                                "POST",
                                "item_id",
                                "x1"));
        assertThat(detail.code()).isEqualTo(40002);
        assertThat(detail.message()).contains("item_id must be a number");
        var events =
                api.platform(
                        "POST",
                        "/events",
                        Map.of(
                                "events",
                                List.of(
                                        Map.of(
                                                "event_id", ApiFixtures.unique(),
                                                "type", "VIDEO_PLAY",
                                                "occurred_at", Instant.now().toString(),
                                                "item_id", given.givenPublicPost().itemId(),
                                                "viewer", Map.of("age_group", "old")))));
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.body().path("rejected").get(0).path("reason").asString())
                .contains("viewer.age_group must be one of");
    }

    private String refusal(String param, String value) {
        Map<String, Object> query = new HashMap<>(params("advertiser_id", advertiser.id()));
        query.put(param, value);
        var answer = api.businessGet(advertiser.token(), "/discovery/trending_list/", query);
        assertThat(answer.code()).as(answer.raw()).isEqualTo(40002);
        return answer.message();
    }

    private JsonNode board(String type, String range, String region) {
        var answer =
                api.businessGet(
                        advertiser.token(),
                        "/discovery/trending_list/",
                        params(
                                "advertiser_id", advertiser.id(),
                                "discovery_type", type,
                                "date_range", range,
                                "country_code", region,
                                "page_size", 100));
        assertThat(answer.code()).as(answer.raw()).isZero();
        return answer.data().path("list");
    }

    private static List<String> names(JsonNode list, String field) {
        List<String> names = new ArrayList<>();
        list.forEach(row -> names.add(row.path(field).asString()));
        return names;
    }

    private static String tag(String word) {
        return word + ApiFixtures.unique().substring(0, 8);
    }

    private String account(String region) {
        String handle = "t" + ApiFixtures.unique().substring(0, 12);
        var account =
                api.platform(
                        "POST",
                        "/accounts",
                        Map.of(
                                "handle",
                                handle,
                                "display_name",
                                "Trend " + handle,
                                "account_type",
                                "CREATOR",
                                "region",
                                region));
        assertThat(account.status()).as(account.raw()).isEqualTo(201);
        return account.body().path("account_id").asString();
    }

    private String post(String account, String tag) {
        var post =
                api.platform(
                        "POST",
                        "/posts",
                        Map.of(
                                "account_id",
                                account,
                                "caption",
                                "Look #" + tag,
                                "hashtags",
                                List.of(tag),
                                "duration_ms",
                                9000,
                                "visibility",
                                "PUBLIC"));
        assertThat(post.status()).as(post.raw()).isEqualTo(201);
        return post.body().path("item_id").asString();
    }

    private void views(String itemId, Instant at, int count, Map<String, Object> viewer) {
        send(itemId, at, "VIDEO_PLAY", count, viewer);
    }

    private void send(
            String itemId, Instant at, String type, int count, Map<String, Object> viewer) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> event = new HashMap<>();
            event.put("event_id", ApiFixtures.unique());
            event.put("type", type);
            event.put("occurred_at", at.toString());
            event.put("item_id", itemId);
            if (viewer != null) {
                event.put("viewer", viewer);
            }
            events.add(event);
        }
        var answer = api.platform("POST", "/events", Map.of("events", events));
        assertThat(answer.body().path("accepted").asInt()).as(answer.raw()).isEqualTo(count);
        TrendsCaughtUp.await(jdbc);
    }
}
