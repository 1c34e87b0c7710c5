package io.sparkads.support;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Builds data over the public APIs, so tests read as given / when / then. */
public final class Fixtures {
    private final ApiClient api;

    public Fixtures(ApiClient api) {
        this.api = api;
    }

    public record Advertiser(String id, String token) {}

    public record CreatorPost(String accountId, String itemId, String displayName) {}

    public Advertiser givenAdvertiser() {
        return givenAdvertiser("America/New_York");
    }

    public Advertiser givenAdvertiser(String timezone) {
        var created =
                api.admin(
                        "POST",
                        "/advertisers",
                        Map.of(
                                "name",
                                "Shop " + unique(),
                                "currency",
                                "USD",
                                "timezone",
                                timezone));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().path("advertiser_id").asString();
        var token = api.admin("POST", "/access_tokens", Map.of("advertiser_ids", List.of(id)));
        assertThat(token.status()).as(token.raw()).isEqualTo(201);
        return new Advertiser(id, token.body().path("access_token").asString());
    }

    public CreatorPost givenPublicPost() {
        String handle = "c" + unique().substring(0, 12);
        var account =
                api.platform(
                        "POST",
                        "/accounts",
                        Map.of(
                                "handle",
                                handle,
                                "display_name",
                                "Creator " + handle,
                                "account_type",
                                "CREATOR",
                                "region",
                                "US"));
        assertThat(account.status()).as(account.raw()).isEqualTo(201);
        String accountId = account.body().path("account_id").asString();
        var post =
                api.platform(
                        "POST",
                        "/posts",
                        Map.of(
                                "account_id",
                                accountId,
                                "caption",
                                "Try this #recipe",
                                "hashtags",
                                List.of("recipe"),
                                "duration_ms",
                                15000,
                                "visibility",
                                "PUBLIC"));
        assertThat(post.status()).as(post.raw()).isEqualTo(201);
        return new CreatorPost(
                accountId, post.body().path("item_id").asString(), "Creator " + handle);
    }

    public String givenCode(CreatorPost post) {
        var code =
                api.platform(
                        "POST",
                        "/posts/" + post.itemId() + "/ad_authorization",
                        Map.of("days", 30));
        assertThat(code.status()).as(code.raw()).isEqualTo(201);
        return code.body().path("auth_code").asString();
    }

    public void givenBound(Advertiser advertiser, CreatorPost post) {
        api.businessPost(
                        advertiser.token(),
                        "/tt_video/authorize/",
                        Map.of("advertiser_id", advertiser.id(), "auth_code", givenCode(post)))
                .data();
    }

    public String givenCampaign(Advertiser advertiser) {
        return api.businessPost(
                        advertiser.token(),
                        "/campaign/create/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "campaign_name",
                                "Campaign " + unique(),
                                "objective_type",
                                "REACH",
                                "budget_mode",
                                "BUDGET_MODE_INFINITE"))
                .data()
                .path("campaign_id")
                .asString();
    }

    public String givenAdGroup(
            Advertiser advertiser, String campaignId, Map<String, Object> overrides) {
        Map<String, Object> body =
                new java.util.HashMap<>(
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "campaign_id",
                                campaignId,
                                "adgroup_name",
                                "Group " + unique(),
                                "location_ids",
                                List.of("US"),
                                "billing_event",
                                "CPM",
                                "bid_price",
                                10.00,
                                "schedule_type",
                                "SCHEDULE_FROM_NOW"));
        body.putAll(overrides);
        return api.businessPost(advertiser.token(), "/adgroup/create/", body)
                .data()
                .path("adgroup_id")
                .asString();
    }

    public String givenSparkAd(Advertiser advertiser, String adgroupId, CreatorPost post) {
        JsonNode data =
                api.businessPost(
                                advertiser.token(),
                                "/ad/create/",
                                Map.of(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "adgroup_id",
                                        adgroupId,
                                        "creatives",
                                        List.of(
                                                Map.of(
                                                        "ad_name",
                                                        "Spark " + unique(),
                                                        "identity_type",
                                                        "AUTH_CODE",
                                                        "identity_id",
                                                        post.accountId(),
                                                        "tiktok_item_id",
                                                        post.itemId(),
                                                        "ad_format",
                                                        "SINGLE_VIDEO",
                                                        "call_to_action",
                                                        "SHOP_NOW",
                                                        "landing_page_url",
                                                        "https://shop.example.com/deal"))))
                        .data();
        return data.path("ad_ids").get(0).asString();
    }

    /** Waits for the ad's review to be queued and approves it. */
    public void approve(String adId) {
        decide(adId, Map.of("decision", "APPROVE"));
    }

    public void decide(String adId, Map<String, Object> decision) {
        String reviewId =
                Eventually.await(
                        Duration.ofSeconds(10),
                        () -> {
                            JsonNode reviews =
                                    api.admin("GET", "/reviews?status=PENDING&page_size=1000", null)
                                            .body()
                                            .path("reviews");
                            for (JsonNode review : reviews) {
                                if (review.path("ad_id").asString().equals(adId)) {
                                    return review.path("review_id").asString();
                                }
                            }
                            throw new AssertionError("no pending review for ad " + adId);
                        });
        var decided = api.admin("POST", "/reviews/" + reviewId + "/decision", decision);
        assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
    }

    /** An approved Spark ad on a fresh post, deliverable to US viewers. */
    public record LiveAd(
            Advertiser advertiser,
            CreatorPost post,
            String campaignId,
            String adgroupId,
            String adId) {}

    public LiveAd givenLiveAd(Map<String, Object> adgroupOverrides) {
        Advertiser advertiser = givenAdvertiser();
        CreatorPost post = givenPublicPost();
        givenBound(advertiser, post);
        String campaign = givenCampaign(advertiser);
        String adgroup = givenAdGroup(advertiser, campaign, adgroupOverrides);
        String ad = givenSparkAd(advertiser, adgroup, post);
        approve(ad);
        return new LiveAd(advertiser, post, campaign, adgroup, ad);
    }

    /** Asks for ads until the given ad is served, and returns its impression id. */
    public String servedImpression(String adId, String viewerId) {
        return Eventually.await(
                Duration.ofSeconds(5),
                () -> {
                    var response =
                            api.platform(
                                    "POST",
                                    "/ad_requests",
                                    params(
                                            "request_id",
                                            unique(),
                                            "placement",
                                            "IN_FEED",
                                            "slots",
                                            10,
                                            "viewer",
                                            params("viewer_id", viewerId, "region", "US")));
                    assertThat(response.status()).as(response.raw()).isEqualTo(200);
                    for (JsonNode ad : response.body().path("ads")) {
                        if (ad.path("ad_id").asString().equals(adId)) {
                            return ad.path("impression_id").asString();
                        }
                    }
                    throw new AssertionError("ad " + adId + " not served: " + response.raw());
                });
    }

    public static String unique() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
