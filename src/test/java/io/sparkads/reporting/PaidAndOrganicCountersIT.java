package io.sparkads.reporting;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.ApiFixtures.Advertiser;
import io.sparkads.support.ApiFixtures.CreatorPost;
import io.sparkads.support.TrendsCaughtUp;
import java.time.Instant;
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
 * Paid vs organic, as TikTok does it: a Spark ad's engagement is credited to the post it shows, its
 * views never change the post's organic views, each event counts once, and the creator's usage
 * ledger shows what each ad account's ads made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class PaidAndOrganicCountersIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    ApiClient api;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    @Test
    void paidEngagementOnASparkAdCountsOnThePostButPaidViewsNeverChangeOrganicViews() {
        // given: a live Spark ad on a post, served to two viewers
        ApiFixtures.LiveAd live = given.givenLiveAd(Map.of());
        String itemId = live.post().itemId();
        String first = given.servedImpression(live.adId(), "po-viewer-a");
        String second = given.servedImpression(live.adId(), "po-viewer-b");
        List<Map<String, Object>> batch = new ArrayList<>();
        // organic: 3 views, 2 likes, 1 comment, 1 share, 1 follow, 2 profile visits
        for (String type :
                List.of(
                        "VIDEO_PLAY",
                        "VIDEO_PLAY",
                        "VIDEO_PLAY",
                        "LIKE",
                        "LIKE",
                        "COMMENT",
                        "SHARE",
                        "FOLLOW",
                        "PROFILE_VISIT",
                        "PROFILE_VISIT",
                        "VIDEO_P100")) {
            batch.add(organic(type, itemId));
        }
        // paid: two impressions, two views, two likes, one each of the rest
        for (String type :
                List.of(
                        "IMPRESSION",
                        "VIDEO_PLAY",
                        "LIKE",
                        "COMMENT",
                        "SHARE",
                        "FOLLOW",
                        "PROFILE_VISIT",
                        "CLICK")) {
            batch.add(paid(type, first));
        }
        for (String type : List.of("IMPRESSION", "VIDEO_PLAY", "LIKE")) {
            batch.add(paid(type, second));
        }

        // when
        JsonNode outcome = send(batch);

        // then
        assertThat(outcome.path("accepted").asInt()).as(outcome.toString()).isEqualTo(22);
        JsonNode post = post(itemId);
        assertCounters(post.path("organic"), 3, 2, 1, 1, 1);
        assertThat(post.path("organic").path("profile_visits").asLong()).isEqualTo(2);
        assertCounters(post.path("paid"), 2, 2, 1, 1, 1);
        assertThat(post.path("paid").path("profile_visits").asLong()).isEqualTo(1);
        assertCounters(post.path("public"), 3, 4, 2, 2, 2);
        assertThat(post.path("public").has("profile_visits"))
                .as("profile visits are not a public counter")
                .isFalse();

        // when: the batch again, and a second like on the first impression under a new event id
        JsonNode again = send(batch);
        JsonNode secondLike = send(List.of(paid("LIKE", first)));

        // then: each counts once
        assertThat(again.path("accepted").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(22);
        assertThat(secondLike.path("accepted").asInt()).isZero();
        assertThat(secondLike.path("duplicates").asInt()).isEqualTo(1);
        JsonNode unchanged = post(itemId);
        assertCounters(unchanged.path("organic"), 3, 2, 1, 1, 1);
        assertCounters(unchanged.path("paid"), 2, 2, 1, 1, 1);
        assertCounters(unchanged.path("public"), 3, 4, 2, 2, 2);
    }

    @Test
    void organicFollowsAndProfileVisitsCountTowardThePost() {
        // given
        CreatorPost creatorPost = given.givenPublicPost();

        // when
        JsonNode outcome =
                send(
                        List.of(
                                organic("FOLLOW", creatorPost.itemId()),
                                organic("FOLLOW", creatorPost.itemId()),
                                organic("PROFILE_VISIT", creatorPost.itemId())));

        // then
        assertThat(outcome.path("accepted").asInt()).isEqualTo(3);
        JsonNode post = post(creatorPost.itemId());
        assertThat(post.path("organic").path("follows").asLong()).isEqualTo(2);
        assertThat(post.path("organic").path("profile_visits").asLong()).isEqualTo(1);
        assertThat(post.path("public").path("follows").asLong()).isEqualTo(2);
        assertCounters(post.path("paid"), 0, 0, 0, 0, 0);
        assertThat(post.path("paid").path("profile_visits").asLong()).isZero();
    }

    @Test
    void anOrganicEventOnAPostThatDoesNotExistIsRefusedEachTimeWhileItsBatchCounts() {
        // given: a post intake has already checked, and an id no post has
        CreatorPost creatorPost = given.givenPublicPost();
        String missing = String.valueOf(Long.MAX_VALUE);
        send(List.of(organic("LIKE", creatorPost.itemId())));

        for (int attempt = 1; attempt <= 2; attempt++) {
            // when
            var response =
                    api.platform(
                            "POST",
                            "/events",
                            Map.of(
                                    "events",
                                    List.of(
                                            organic("LIKE", creatorPost.itemId()),
                                            organic("LIKE", missing))));

            // then
            assertThat(response.status()).as(response.raw()).isEqualTo(200);
            assertThat(response.body().path("accepted").asInt()).as(response.raw()).isEqualTo(1);
            assertThat(response.body().path("rejected").get(0).path("index").asInt()).isEqualTo(1);
            assertThat(response.body().path("rejected").get(0).path("reason").asString())
                    .isEqualTo("no post with item_id " + missing);
        }
        TrendsCaughtUp.await(jdbc);
        assertThat(post(creatorPost.itemId()).path("organic").path("likes").asLong()).isEqualTo(3);
    }

    @Test
    void aNonSparkAdsEventsTouchNoPost() {
        // given: a non-Spark ad (an uploaded video under a custom identity), served, and a post
        // that a careless host app names in the ad's events
        Advertiser advertiser = given.givenAdvertiser();
        String adId =
                given.givenNonSparkAd(
                        advertiser,
                        given.givenAdGroup(advertiser, given.givenCampaign(advertiser), Map.of()));
        String impression = given.servedImpression(adId, "po-non-spark");
        CreatorPost named = given.givenPublicPost();
        Map<String, Long> paidBefore = paidCountersOfAllPosts();
        List<Map<String, Object>> events = new ArrayList<>();
        for (String type :
                List.of(
                        "IMPRESSION",
                        "VIDEO_PLAY",
                        "LIKE",
                        "COMMENT",
                        "SHARE",
                        "FOLLOW",
                        "PROFILE_VISIT")) {
            Map<String, Object> event = new HashMap<>(paid(type, impression));
            event.put("item_id", named.itemId());
            events.add(event);
        }

        // when
        JsonNode outcome = send(events);

        // then: the ad counted them, no post did
        assertThat(outcome.path("accepted").asInt()).as(outcome.toString()).isEqualTo(7);
        assertThat(
                        jdbc.sql("select sum(likes) from hourly_rollups where ad_id = ?")
                                .param(Long.parseLong(adId))
                                .query(Long.class)
                                .single())
                .isEqualTo(1);
        JsonNode post = post(named.itemId());
        assertCounters(post.path("paid"), 0, 0, 0, 0, 0);
        assertCounters(post.path("organic"), 0, 0, 0, 0, 0);
        assertThat(paidCountersOfAllPosts()).isEqualTo(paidBefore);
    }

    @Test
    void theUsageLedgerShowsWhatEachAdAccountsAdsMade() {
        // given: one post, its code applied by two ad accounts, each with a Spark ad
        CreatorPost post = given.givenPublicPost();
        String code = given.givenCode(post);
        Advertiser first = given.givenAdvertiser();
        Advertiser second = given.givenAdvertiser();
        for (Advertiser advertiser : List.of(first, second)) {
            api.businessPost(
                            advertiser.token(),
                            "/tt_video/authorize/",
                            Map.of("advertiser_id", advertiser.id(), "auth_code", code))
                    .data();
        }
        String firstAd = sparkAd(first, post, 10.00);
        String secondAd = sparkAd(second, post, 20.00);
        String a1 = given.servedImpression(firstAd, "ledger-a1");
        String a2 = given.servedImpression(firstAd, "ledger-a2");
        String b1 = given.servedImpression(secondAd, "ledger-b1");

        // when: the first account's ad makes 2 impressions, 1 view, 1 click, 2 likes, 1 follow;
        // the second's 1 impression, 1 view, 1 comment, 1 share, 1 profile visit
        send(
                List.of(
                        paid("IMPRESSION", a1),
                        paid("IMPRESSION", a2),
                        paid("VIDEO_PLAY", a1),
                        paid("CLICK", a1),
                        paid("LIKE", a1),
                        paid("LIKE", a2),
                        paid("FOLLOW", a2),
                        paid("IMPRESSION", b1),
                        paid("VIDEO_PLAY", b1),
                        paid("COMMENT", b1),
                        paid("SHARE", b1),
                        paid("PROFILE_VISIT", b1)));

        // then
        JsonNode ledger =
                api.platform("GET", "/posts/" + post.itemId() + "/ad_usage", null)
                        .body()
                        .path("ad_accounts");
        assertThat(ledger).hasSize(2);
        Map<String, JsonNode> byAccount = new HashMap<>();
        ledger.forEach(use -> byAccount.put(use.path("advertiser_id").asString(), use));
        JsonNode firstPaid = byAccount.get(first.id()).path("paid");
        assertPaid(firstPaid, 2, 1, 1, 2, 0, 0, 1, 0, "0.02");
        assertPaid(
                byAccount.get(first.id()).path("ads").get(0).path("paid"),
                2,
                1,
                1,
                2,
                0,
                0,
                1,
                0,
                "0.02");
        JsonNode secondPaid = byAccount.get(second.id()).path("paid");
        assertPaid(secondPaid, 1, 1, 0, 0, 1, 1, 0, 1, "0.02");
        // and the post's paid counters are the sum over the ad accounts
        assertCounters(post(post.itemId()).path("paid"), 2, 2, 1, 1, 1);
    }

    @Test
    void theApiDocsDescribeAPostsOrganicPaidAndPublicCounters() {
        // when
        JsonNode docs = api.send("GET", "/v3/api-docs/platform", null, Map.of()).body();

        // then
        JsonNode schemas = docs.path("components").path("schemas");
        JsonNode post = schemas.path("PostView").path("properties");
        assertThat(post.has("organic") && post.has("paid") && post.has("public"))
                .as("organic, paid and public in %s", post)
                .isTrue();
        assertThat(schemas.path("PaidCounters").path("properties").has("profile_visits")).isTrue();
        assertThat(schemas.path("PublicCounters").path("properties").has("follows")).isTrue();
        assertThat(
                        docs.path("paths")
                                .path("/platform/v1/posts/{itemId}")
                                .path("get")
                                .path("description")
                                .asString())
                .contains("'public' views are organic views only");
    }

    // ---- helpers

    private String sparkAd(Advertiser advertiser, CreatorPost post, double bid) {
        String adgroup =
                given.givenAdGroup(
                        advertiser, given.givenCampaign(advertiser), Map.of("bid_price", bid));
        String ad = given.givenSparkAd(advertiser, adgroup, post);
        given.approve(ad);
        return ad;
    }

    private static Map<String, Object> organic(String type, String itemId) {
        return event(type, "organic-viewer", "item_id", itemId);
    }

    private static Map<String, Object> paid(String type, String impressionId) {
        return event(type, "paid-viewer", "impression_id", impressionId);
    }

    /** An event of a viewer, about a post (item_id) or an ad's impression (impression_id). */
    private static Map<String, Object> event(
            String type, String viewerId, String subjectField, String subjectId) {
        return params(
                "event_id",
                ApiFixtures.unique(),
                "type",
                type,
                "occurred_at",
                Instant.now().toString(),
                "viewer_id",
                viewerId,
                subjectField,
                subjectId);
    }

    private JsonNode send(List<Map<String, Object>> events) {
        var response = api.platform("POST", "/events", Map.of("events", events));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.body().path("rejected")).as(response.raw()).isEmpty();
        // Organic events count on their post about a second after intake: read after the fold.
        TrendsCaughtUp.await(jdbc);
        return response.body();
    }

    private JsonNode post(String itemId) {
        var response = api.platform("GET", "/posts/" + itemId, null);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private static void assertCounters(
            JsonNode counters, long views, long likes, long comments, long shares, long follows) {
        assertThat(
                        List.of(
                                counters.path("views").asLong(-1),
                                counters.path("likes").asLong(-1),
                                counters.path("comments").asLong(-1),
                                counters.path("shares").asLong(-1),
                                counters.path("follows").asLong(-1)))
                .as("views, likes, comments, shares, follows of %s", counters)
                .containsExactly(views, likes, comments, shares, follows);
    }

    private static void assertPaid(
            JsonNode paid,
            long impressions,
            long views,
            long clicks,
            long likes,
            long comments,
            long shares,
            long follows,
            long profileVisits,
            String spend) {
        assertThat(
                        List.of(
                                paid.path("impressions").asLong(-1),
                                paid.path("views").asLong(-1),
                                paid.path("clicks").asLong(-1),
                                paid.path("likes").asLong(-1),
                                paid.path("comments").asLong(-1),
                                paid.path("shares").asLong(-1),
                                paid.path("follows").asLong(-1),
                                paid.path("profile_visits").asLong(-1)))
                .as(
                        "impressions, views, clicks, likes, comments, shares, follows, profile visits of %s",
                        paid)
                .containsExactly(
                        impressions,
                        views,
                        clicks,
                        likes,
                        comments,
                        shares,
                        follows,
                        profileVisits);
        assertThat(paid.path("spend").decimalValue()).isEqualByComparingTo(spend);
    }

    /**
     * Every post's paid counters, summed by column: what a non-Spark ad must not change. The demo
     * workspace's posts are left out, as demo traffic may run alongside.
     */
    private Map<String, Long> paidCountersOfAllPosts() {
        return jdbc.sql(
                        """
                        select coalesce(sum(paid_views), 0) as views, coalesce(sum(paid_likes), 0) as likes,
                               coalesce(sum(paid_comments), 0) as comments, coalesce(sum(paid_shares), 0) as shares,
                               coalesce(sum(paid_follows), 0) as follows,
                               coalesce(sum(paid_profile_visits), 0) as profile_visits
                        from posts join app_accounts a on a.id = posts.account_id
                        where a.handle not like 'demo%'
                        """)
                .query(
                        (rs, n) ->
                                Map.of(
                                        "views", rs.getLong("views"),
                                        "likes", rs.getLong("likes"),
                                        "comments", rs.getLong("comments"),
                                        "shares", rs.getLong("shares"),
                                        "follows", rs.getLong("follows"),
                                        "profile_visits", rs.getLong("profile_visits")))
                .single();
    }
}
