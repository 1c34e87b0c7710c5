package io.sparkads.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.TrendsCaughtUp;
import java.time.Instant;
import java.util.ArrayList;
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
 * {@code GET /platform/v1/feed}: public posts newest first, page after page by cursor, with their
 * creator and public counters; and {@code GET /platform/v1/accounts/{id or @handle}}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class FeedPlatformIT {
    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    ApiClient api;
    String region;
    String accountId;
    String handle;

    @BeforeEach
    void givenACreatorInARegionOfItsOwn() {
        api = new ApiClient(port);
        region = ApiFixtures.uniqueRegion();
        handle = "feed" + ApiFixtures.unique().replaceAll("[^a-z0-9]", "").substring(0, 12);
        var account =
                api.platform(
                        "POST",
                        "/accounts",
                        Map.of(
                                "handle",
                                handle,
                                "display_name",
                                "Feed Creator",
                                "account_type",
                                "CREATOR",
                                "region",
                                region));
        assertThat(account.status()).as(account.raw()).isEqualTo(201);
        accountId = account.body().path("account_id").asString();
    }

    @Test
    void theFeedPagesThroughPublicPostsNewestFirstAndLeavesOutTheOthers() {
        // given five public posts, a private one, a friends-only one and a deleted one
        List<String> publicPosts = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            publicPosts.add(0, post("Public " + i + " #feed", "PUBLIC"));
        }
        post("Private", "PRIVATE");
        post("Friends", "FRIENDS");
        String deleted = post("Deleted", "PUBLIC");
        assertThat(api.platform("DELETE", "/posts/" + deleted, null).status()).isEqualTo(204);

        // when the host app pages through the region's feed two at a time
        JsonNode first = page(null, 2);
        // (a post created meanwhile comes first in a new feed, never inside the next pages)
        String meanwhile = post("Created while scrolling", "PUBLIC");
        JsonNode second = page(first.path("next_cursor").asString(), 2);
        JsonNode third = page(second.path("next_cursor").asString(), 2);

        // then it sees the five public posts once each, newest first, and the last page says so
        List<String> seen = new ArrayList<>();
        for (JsonNode page : List.of(first, second, third)) {
            page.path("posts").forEach(p -> seen.add(p.path("item_id").asString()));
        }
        assertThat(seen).containsExactlyElementsOf(publicPosts);
        assertThat(first.path("has_more").asBoolean()).isTrue();
        assertThat(third.path("has_more").asBoolean()).isFalse();
        assertThat(third.path("next_cursor").isNull()).isTrue();
        assertThat(page(null, 2).path("posts").get(0).path("item_id").asString())
                .isEqualTo(meanwhile);

        // and each post carries what a feed card shows
        JsonNode card = first.path("posts").get(0);
        assertThat(card.path("caption").asString()).isEqualTo("Public 5 #feed");
        assertThat(card.path("hashtags").get(0).asString()).isEqualTo("feed");
        assertThat(card.path("duration_ms").asInt()).isEqualTo(12_000);
        assertThat(card.path("creator").path("account_id").asString()).isEqualTo(accountId);
        assertThat(card.path("creator").path("handle").asString()).isEqualTo(handle);
        assertThat(card.path("creator").path("display_name").asString()).isEqualTo("Feed Creator");
        assertThat(card.path("creator").path("avatar_url").asString())
                .isEqualTo("/avatars/" + handle + ".svg");
        assertThat(card.path("video").has("poster_url")).isTrue();
        assertThat(card.path("counters").path("likes").asLong()).isZero();
    }

    @Test
    void theFeedShowsAPostsPublicCounters() {
        // given a post that a viewer liked and shared
        String item = post("Liked", "PUBLIC");
        var sent =
                api.platform(
                        "POST",
                        "/events",
                        Map.of(
                                "events",
                                List.of(
                                        organic(item, "LIKE"),
                                        organic(item, "SHARE"),
                                        organic(item, "IMPRESSION"))));
        assertThat(sent.status()).as(sent.raw()).isEqualTo(200);
        TrendsCaughtUp.await(jdbc); // counted on the post about a second after intake

        // when the feed lists it
        JsonNode counters = page(null, 1).path("posts").get(0).path("counters");

        // then its counters are the post's public ones
        JsonNode shown = api.platform("GET", "/posts/" + item, null).body().path("public");
        assertThat(counters.path("likes").asLong()).isEqualTo(1);
        assertThat(counters.path("shares").asLong()).isEqualTo(1);
        assertThat(counters).isEqualTo(shown);
    }

    @Test
    void aCursorTheFeedDidNotGiveOutIsRefusedWithWhatToDo() {
        for (String cursor :
                List.of("not-a-cursor", "djE6eDox", "djI6MTox", "djE6LTE6MQ", "x".repeat(200))) {
            var answer = api.platform("GET", "/feed?cursor=" + cursor, null);
            assertThat(answer.status()).as(cursor + ": " + answer.raw()).isEqualTo(400);
            assertThat(answer.body().path("detail").asString())
                    .as(cursor)
                    .contains("cursor is not one this feed gave out")
                    .contains("next_cursor");
        }
    }

    @Test
    void aCountOrRegionOutOfRangeIsRefusedWithTheRange() {
        var tooMany = api.platform("GET", "/feed?count=51", null);
        var none = api.platform("GET", "/feed?count=0", null);
        var notANumber = api.platform("GET", "/feed?count=ten", null);
        var badRegion = api.platform("GET", "/feed?region=usa", null);

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().path("detail").asString()).contains("between 1 and 50");
        assertThat(none.status()).isEqualTo(400);
        assertThat(notANumber.status()).as(notANumber.raw()).isEqualTo(400);
        assertThat(badRegion.status()).isEqualTo(400);
        assertThat(badRegion.body().path("detail").asString()).contains("two-letter");
    }

    @Test
    void anAccountIsFoundByItsIdOrItsHandle() {
        JsonNode byId = api.platform("GET", "/accounts/" + accountId, null).body();
        JsonNode byHandle = api.platform("GET", "/accounts/@" + handle, null).body();
        var unknown = api.platform("GET", "/accounts/@nobody_" + handle, null);
        var notAnId = api.platform("GET", "/accounts/abc", null);

        assertThat(byId.path("handle").asString()).isEqualTo(handle);
        assertThat(byId.path("region").asString()).isEqualTo(region);
        assertThat(byHandle).isEqualTo(byId);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("detail").asString()).contains("@nobody_" + handle);
        assertThat(notAnId.status()).isEqualTo(400);
    }

    @Test
    void theFeedNeedsThePlatformToken() {
        var answer = api.send("GET", "/platform/v1/feed", null, Map.of());

        assertThat(answer.status()).isEqualTo(401);
    }

    private JsonNode page(String cursor, int count) {
        var answer =
                api.platform(
                        "GET",
                        "/feed?region="
                                + region
                                + "&count="
                                + count
                                + (cursor == null ? "" : "&cursor=" + cursor),
                        null);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body();
    }

    private String post(String caption, String visibility) {
        var post =
                api.platform(
                        "POST",
                        "/posts",
                        Map.of(
                                "account_id", accountId,
                                "caption", caption,
                                "hashtags", List.of("feed"),
                                "duration_ms", 12_000,
                                "visibility", visibility));
        assertThat(post.status()).as(post.raw()).isEqualTo(201);
        return post.body().path("item_id").asString();
    }

    private Map<String, Object> organic(String item, String type) {
        return Map.of(
                "event_id",
                ApiFixtures.unique(),
                "type",
                type,
                "occurred_at",
                Instant.now().toString(),
                "viewer_id",
                "feed-viewer",
                "item_id",
                item);
    }
}
