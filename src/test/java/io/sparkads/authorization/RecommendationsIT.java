package io.sparkads.authorization;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiFixtures;
import io.sparkads.support.ApiFixtures.Advertiser;
import io.sparkads.support.ApiFixtures.CreatorPost;
import io.sparkads.support.TrendsCaughtUp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Spark-ready recommendations on the Business API: {@code sort_type=RECOMMENDED} ranks the ad
 * account's posts by organic traction and says why, per post.
 */
class RecommendationsIT extends AuthorizationITBase {

    @Test
    void theLibraryRankedByOrganicTractionSaysWhyEachPostIsRecommended() {
        // given: three posts bound by code, the best one bound first
        Advertiser advertiser = given.givenAdvertiser();
        CreatorPost rising = given.givenPublicPost();
        CreatorPost steady = given.givenPublicPost();
        CreatorPost quiet = given.givenPublicPost();
        for (CreatorPost post : List.of(rising, steady, quiet)) {
            given.givenBound(advertiser, post);
        }
        organic(rising, 1, Map.of("VIDEO_PLAY", 300, "LIKE", 30, "COMMENT", 3));
        organic(steady, 10, Map.of("VIDEO_PLAY", 100, "LIKE", 5));
        organic(quiet, 3, Map.of("VIDEO_PLAY", 50));

        // when
        List<JsonNode> ranked = list(advertiser, "RECOMMENDED");

        // then: median views 100
        assertThat(ranked.stream().map(RecommendationsIT::itemId))
                .containsExactly(rising.itemId(), steady.itemId(), quiet.itemId());
        assertThat(reasons(ranked.get(0)))
                .containsExactly(
                        "3.0× your median views",
                        "engagement 11.0%",
                        "0% watch to the end",
                        "rising this week");
        assertThat(reasons(ranked.get(1)))
                .containsExactly(
                        "1.0× your median views",
                        "engagement 5.0%",
                        "0% watch to the end",
                        "slowing this week");
        assertThat(reasons(ranked.get(2)))
                .containsExactly(
                        "0.5× your median views",
                        "engagement 0.0%",
                        "0% watch to the end",
                        "rising this week");
        assertThat(score(ranked.get(0))).isEqualTo(70.2); // 0.85 × 82.6: completion measured at 0
        assertThat(score(ranked.get(1))).isEqualTo(28.9);
        assertThat(score(ranked.get(2))).isEqualTo(20.2);
        assertThat(fields(ranked.get(0)))
                .as("TikTok's fields in their order, our extension last")
                .containsExactly(
                        "auth_info",
                        "item_info",
                        "user_info",
                        "video_info",
                        "expiring_soon",
                        "recommendation");
    }

    @Test
    void withoutSortTypeTheListKeepsTikToksOrderAndShape() {
        Advertiser advertiser = given.givenAdvertiser();
        CreatorPost popular = given.givenPublicPost();
        CreatorPost newer = given.givenPublicPost();
        given.givenBound(advertiser, popular);
        given.givenBound(advertiser, newer);
        organic(popular, 1, Map.of("VIDEO_PLAY", 40));

        List<JsonNode> latest = list(advertiser, null);
        List<JsonNode> explicit = list(advertiser, "LATEST");

        assertThat(latest.stream().map(RecommendationsIT::itemId))
                .containsExactly(newer.itemId(), popular.itemId());
        assertThat(explicit.stream().map(RecommendationsIT::itemId))
                .containsExactly(newer.itemId(), popular.itemId());
        assertThat(latest.get(0).has("recommendation")).isFalse();
        assertThat(list(advertiser, "RECOMMENDED").stream().map(RecommendationsIT::itemId))
                .containsExactly(popular.itemId(), newer.itemId());
    }

    @Test
    void anExpiredPostRanksLastSayingWhy() {
        Advertiser advertiser = given.givenAdvertiser();
        CreatorPost expiring = given.givenPublicPost();
        given.givenBound(advertiser, expiring);
        organic(expiring, 1, Map.of("VIDEO_PLAY", 500, "LIKE", 100));
        clock.advance(Duration.ofDays(31));
        CreatorPost fresh = given.givenPublicPost();
        given.givenBound(advertiser, fresh);

        List<JsonNode> ranked = list(advertiser, "RECOMMENDED");

        assertThat(ranked.stream().map(RecommendationsIT::itemId))
                .containsExactly(fresh.itemId(), expiring.itemId());
        assertThat(score(ranked.get(1))).isZero();
        assertThat(reasons(ranked.get(1))).containsExactly("authorization expired");
    }

    @Test
    void aLinkedCreatorsPostsAreRankedOnIdentityVideoGet() {
        // given: a creator linked with PULL_POSTS; the older post has the traction
        Advertiser advertiser = given.givenAdvertiser();
        CreatorPost strong = given.givenPublicPost();
        String weak = given.givenPostOf(strong, "Behind the scenes", 12_000, "PUBLIC");
        String linkCode = given.givenLinkCode(advertiser, List.of("PULL_POSTS"));
        var linked =
                api.platform(
                        "POST",
                        "/accounts/" + strong.accountId() + "/links",
                        Map.of("link_code", linkCode, "permissions", List.of("PULL_POSTS")));
        assertThat(linked.status()).as(linked.raw()).isEqualTo(201);
        organic(strong, 2, Map.of("VIDEO_PLAY", 200, "LIKE", 20, "SHARE", 4));
        organic(new CreatorPost(strong.accountId(), weak, null), 2, Map.of("VIDEO_PLAY", 20));

        // when
        List<JsonNode> latest = identityVideos(advertiser, strong, null);
        List<JsonNode> ranked = identityVideos(advertiser, strong, "RECOMMENDED");

        // then
        assertThat(latest.stream().map(RecommendationsIT::itemId))
                .containsExactly(weak, strong.itemId());
        assertThat(latest.get(0).has("recommendation")).isFalse();
        assertThat(ranked.stream().map(RecommendationsIT::itemId))
                .containsExactly(strong.itemId(), weak);
        assertThat(reasons(ranked.get(0)))
                .containsExactly(
                        "1.8× your median views",
                        "engagement 12.0%",
                        "0% watch to the end",
                        "rising this week");
        assertThat(fields(ranked.get(0)))
                .containsExactly(
                        "item_id",
                        "text",
                        "status",
                        "video_info",
                        "organic",
                        "create_time",
                        "recommendation");
    }

    @Test
    void anUnknownSortTypeIsRefusedSayingWhichOnesExist() {
        Advertiser advertiser = given.givenAdvertiser();

        var answer =
                api.businessGet(
                        advertiser.token(),
                        "/tt_video/list/",
                        params("advertiser_id", advertiser.id(), "sort_type", "POPULAR"));

        assertThat(answer.code()).isEqualTo(40002);
        assertThat(answer.message())
                .contains("sort_type must be RECOMMENDED", "LATEST", "'POPULAR'");
    }

    /** Organic events on the post, {@code daysAgo} days before now: counts per event type. */
    private void organic(CreatorPost post, int daysAgo, Map<String, Integer> counts) {
        String at = clock.instant().minus(Duration.ofDays(daysAgo)).toString();
        List<Map<String, Object>> events = new ArrayList<>();
        counts.forEach(
                (type, n) -> {
                    for (int i = 0; i < n; i++) {
                        events.add(
                                Map.of(
                                        "event_id",
                                        ApiFixtures.unique(),
                                        "type",
                                        type,
                                        "occurred_at",
                                        at,
                                        "viewer_id",
                                        "viewer-" + i,
                                        "item_id",
                                        post.itemId()));
                    }
                });
        var accepted = api.platform("POST", "/events", Map.of("events", events));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.body().path("accepted").asInt()).isEqualTo(events.size());
        // Counted on the post about a second after intake.
        TrendsCaughtUp.await(jdbc);
    }

    private List<JsonNode> list(Advertiser advertiser, String sortType) {
        var query = params("advertiser_id", advertiser.id());
        if (sortType != null) {
            query.put("sort_type", sortType);
        }
        List<JsonNode> posts = new ArrayList<>();
        api.businessGet(advertiser.token(), "/tt_video/list/", query)
                .data()
                .path("list")
                .forEach(posts::add);
        return posts;
    }

    private List<JsonNode> identityVideos(
            Advertiser advertiser, CreatorPost identity, String sortType) {
        var query =
                params(
                        "advertiser_id",
                        advertiser.id(),
                        "identity_type",
                        "TT_USER",
                        "identity_id",
                        identity.accountId());
        if (sortType != null) {
            query.put("sort_type", sortType);
        }
        List<JsonNode> videos = new ArrayList<>();
        api.businessGet(advertiser.token(), "/identity/video/get/", query)
                .data()
                .path("video_list")
                .forEach(videos::add);
        return videos;
    }

    private static String itemId(JsonNode post) {
        return post.has("item_info")
                ? post.path("item_info").path("item_id").asString()
                : post.path("item_id").asString();
    }

    private static List<String> reasons(JsonNode post) {
        List<String> reasons = new ArrayList<>();
        post.path("recommendation").path("reasons").forEach(r -> reasons.add(r.asString()));
        return reasons;
    }

    private static double score(JsonNode post) {
        return post.path("recommendation").path("score").asDouble();
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
