package io.sparkads.authorization;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient.Response;
import io.sparkads.support.ApiFixtures.Advertiser;
import io.sparkads.support.ApiFixtures.CreatorPost;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An advertiser asks a creator for ad authorization of a public post; the creator accepts (the post
 * joins that ad account's library at once, and no other's) or declines; every step is audited.
 */
class AuthorizationRequestsIT extends AuthorizationITBase {

    @Test
    void anAcceptedRequestBindsThePostToThatAdAccountOnlyForTheChosenDays() {
        // given
        Advertiser asking = given.givenAdvertiser();
        Advertiser other = given.givenAdvertiser();
        CreatorPost post = given.givenPublicPost();

        // when the advertiser asks
        Response created = ask(asking, post.itemId(), "We love this recipe");

        // then the creator sees the request
        assertThat(created.code()).as(created.raw()).isZero();
        String requestId = created.data().path("request_id").asString();
        assertThat(created.data().path("status").asString()).isEqualTo("PENDING");
        assertThat(created.data().path("tiktok_item_id").asString()).isEqualTo(post.itemId());
        JsonNode listed = requestsOf(post.accountId()).get(0);
        assertThat(listed.path("request_id").asString()).isEqualTo(requestId);
        assertThat(listed.path("advertiser_id").asString()).isEqualTo(asking.id());
        assertThat(listed.path("item_id").asString()).isEqualTo(post.itemId());
        assertThat(listed.path("message").asString()).isEqualTo("We love this recipe");
        assertThat(listed.path("status").asString()).isEqualTo("PENDING");
        assertThat(listed(asking)).as("nothing is bound before the creator answers").isEmpty();

        // and asking twice while it waits is refused
        Response again = ask(asking, post.itemId(), null);
        assertThat(again.code()).isEqualTo(40002);
        assertThat(again.message()).contains("already waiting for the creator");

        // when the creator accepts for 60 days
        Instant acceptedAt = clock.instant();
        Response accepted = decide(requestId, Map.of("decision", "ACCEPT", "days", 60));

        // then the post is in that ad account's library at once, as if a code had been applied
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.body().path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.body().path("days").asInt()).isEqualTo(60);
        List<JsonNode> library = listed(asking);
        assertThat(library).hasSize(1);
        JsonNode bound = library.get(0);
        assertThat(bound.path("item_info").path("item_id").asString()).isEqualTo(post.itemId());
        assertThat(bound.path("auth_info").path("auth_code_status").asString()).isEqualTo("IN_USE");
        Instant start = Instant.parse(bound.path("auth_info").path("auth_start_time").asString());
        Instant end = Instant.parse(bound.path("auth_info").path("auth_end_time").asString());
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofDays(60));
        assertThat(Duration.between(acceptedAt, start).abs()).isLessThan(Duration.ofMinutes(1));
        String adgroup = given.givenAdGroup(asking, given.givenCampaign(asking), Map.of());
        assertThat(given.givenSparkAd(asking, adgroup, post))
                .as("the advertiser can build a Spark ad on it")
                .isNotBlank();

        // and nothing else gains access
        assertThat(listed(other)).isEmpty();
        assertThat(codeStatuses(post)).containsExactly("IN_USE");

        // and a decision is taken once
        Response twice = decide(requestId, Map.of("decision", "DECLINE"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().path("detail").asString()).contains("already accepted");
        Response afterAccept = ask(asking, post.itemId(), null);
        assertThat(afterAccept.code()).isEqualTo(40002);
        assertThat(afterAccept.message()).contains("already in your Spark Ad posts");

        // and both audit trails, and the ad account's, hold the request and the answer
        List<String> expected =
                List.of("AUTHORIZATION_REQUEST_ACCEPTED", "AUTHORIZATION_REQUESTED");
        assertThat(auditActions("/posts/" + post.itemId() + "/audit"))
                .containsSubsequence(expected);
        assertThat(auditActions("/accounts/" + post.accountId() + "/audit"))
                .containsSubsequence(expected);
        List<String> advertiserTrail = new ArrayList<>();
        api.businessGet(
                        asking.token(),
                        "/tt_video/audit/get/",
                        params("advertiser_id", asking.id()))
                .data()
                .path("list")
                .forEach(e -> advertiserTrail.add(e.path("action").asString()));
        assertThat(advertiserTrail).containsSubsequence(expected);
    }

    @Test
    void aDeclinedRequestBindsNothingAndTheAdvertiserMayAskAgain() {
        Advertiser asking = given.givenAdvertiser();
        CreatorPost post = given.givenPublicPost();
        String requestId = ask(asking, post.itemId(), null).data().path("request_id").asString();

        Response declined = decide(requestId, Map.of("decision", "DECLINE"));

        assertThat(declined.status()).as(declined.raw()).isEqualTo(200);
        assertThat(declined.body().path("status").asString()).isEqualTo("DECLINED");
        assertThat(listed(asking)).isEmpty();
        assertThat(codes(post)).as("no code was made").isEmpty();
        assertThat(auditActions("/posts/" + post.itemId() + "/audit"))
                .containsSubsequence("AUTHORIZATION_REQUEST_DECLINED", "AUTHORIZATION_REQUESTED");
        List<String> sent = new ArrayList<>();
        api.businessGet(
                        asking.token(),
                        "/tt_video/authorization_request/list/",
                        params("advertiser_id", asking.id()))
                .data()
                .path("list")
                .forEach(r -> sent.add(r.path("status").asString()));
        assertThat(sent).containsExactly("DECLINED");
        assertThat(ask(asking, post.itemId(), "Second try").code()).isZero();
    }

    @Test
    void badRequestsAreRefusedWithAMessageThatSaysWhatToFix() {
        Advertiser asking = given.givenAdvertiser();
        CreatorPost post = given.givenPublicPost();
        String privatePost = given.givenPostOf(post, "Just for me", 10_000, "PRIVATE");

        assertRefused(ask(asking, "123", null), "No post with item_id 123");
        assertRefused(ask(asking, privatePost, null), "is not public");
        assertRefused(ask(asking, null, null), "tiktok_item_id is required");
        assertRefused(ask(asking, post.itemId(), "x".repeat(501)), "at most 500 characters");
        Response foreign =
                api.businessPost(
                        asking.token(),
                        "/tt_video/authorization_request/create/",
                        Map.of(
                                "advertiser_id",
                                given.givenAdvertiser().id(),
                                "tiktok_item_id",
                                post.itemId()));
        assertThat(foreign.code()).as("another ad account's token").isEqualTo(40001);

        String requestId = ask(asking, post.itemId(), null).data().path("request_id").asString();
        CreatorPost otherCreator = given.givenPublicPost();
        Response notTheirs =
                decide(
                        requestId,
                        Map.of(
                                "decision",
                                "ACCEPT",
                                "days",
                                30,
                                "account_id",
                                otherCreator.accountId()));
        assertThat(notTheirs.status()).as("another account's request").isEqualTo(404);
        assertThat(notTheirs.body().path("detail").asString())
                .contains("has no authorization request " + requestId);
        Response badDays = decide(requestId, Map.of("decision", "ACCEPT", "days", 10));
        assertThat(badDays.status()).isEqualTo(400);
        assertThat(badDays.body().path("detail").asString())
                .isEqualTo("days must be one of 7, 30, 60 or 365, was 10");
        Response noDays = decide(requestId, Map.of("decision", "ACCEPT"));
        assertThat(noDays.status()).isEqualTo(400);
        Response maybe = decide(requestId, Map.of("decision", "MAYBE"));
        assertThat(maybe.status()).isEqualTo(400);
        assertThat(maybe.body().path("detail").asString()).contains("ACCEPT", "DECLINE");
        assertThat(decide("42", Map.of("decision", "DECLINE")).status()).isEqualTo(404);
        assertThat(api.platform("GET", "/accounts/42/authorization_requests", null).status())
                .isEqualTo(404);
        assertThat(requestsOf(post.accountId()).get(0).path("status").asString())
                .as("nothing was half-decided")
                .isEqualTo("PENDING");

        Response accepted =
                decide(
                        requestId,
                        Map.of("decision", "ACCEPT", "days", 7, "account_id", post.accountId()));
        assertThat(accepted.status()).as("its own creator may").isEqualTo(200);
    }

    @Test
    void aPostMadePrivateWhileTheRequestWaitsCannotBeAccepted() {
        Advertiser asking = given.givenAdvertiser();
        CreatorPost post = given.givenPublicPost();
        String requestId = ask(asking, post.itemId(), null).data().path("request_id").asString();
        var hidden =
                api.platform("PATCH", "/posts/" + post.itemId(), Map.of("visibility", "PRIVATE"));
        assertThat(hidden.status()).as(hidden.raw()).isEqualTo(200);

        Response accepted = decide(requestId, Map.of("decision", "ACCEPT", "days", 30));

        assertThat(accepted.status()).isEqualTo(409);
        assertThat(accepted.body().path("detail").asString()).contains("no longer public");
        assertThat(listed(asking)).isEmpty();
    }

    private Response ask(Advertiser advertiser, String itemId, String message) {
        Map<String, Object> body = new HashMap<>();
        body.put("advertiser_id", advertiser.id());
        if (itemId != null) {
            body.put("tiktok_item_id", itemId);
        }
        if (message != null) {
            body.put("message", message);
        }
        return api.businessPost(
                advertiser.token(), "/tt_video/authorization_request/create/", body);
    }

    private Response decide(String requestId, Map<String, Object> body) {
        return api.platform("POST", "/authorization_requests/" + requestId + "/decision", body);
    }

    private List<JsonNode> requestsOf(String accountId) {
        Response answer =
                api.platform("GET", "/accounts/" + accountId + "/authorization_requests", null);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        List<JsonNode> requests = new ArrayList<>();
        answer.body().path("authorization_requests").forEach(requests::add);
        return requests;
    }

    private List<JsonNode> listed(Advertiser advertiser) {
        List<JsonNode> posts = new ArrayList<>();
        api.businessGet(
                        advertiser.token(),
                        "/tt_video/list/",
                        params("advertiser_id", advertiser.id()))
                .data()
                .path("list")
                .forEach(posts::add);
        return posts;
    }

    private List<String> auditActions(String path) {
        List<String> actions = new ArrayList<>();
        api.platform("GET", path, null)
                .body()
                .path("entries")
                .forEach(e -> actions.add(e.path("action").asString()));
        return actions;
    }

    private static void assertRefused(Response answer, String message) {
        assertThat(answer.code()).as(answer.raw()).isEqualTo(40002);
        assertThat(answer.message()).contains(message);
    }
}
