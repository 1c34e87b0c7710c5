package io.sparkads.support;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Builds data over the public APIs, so tests read as given / when / then. */
public final class ApiFixtures {
    private final ApiClient api;

    public ApiFixtures(ApiClient api) {
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

    /** Another post of the creator of the given post; answers its item id. */
    public String givenPostOf(
            CreatorPost sibling, String caption, int durationMs, String visibility) {
        return api.platform(
                        "POST",
                        "/posts",
                        Map.of(
                                "account_id",
                                sibling.accountId(),
                                "caption",
                                caption,
                                "duration_ms",
                                durationMs,
                                "visibility",
                                visibility))
                .body()
                .path("item_id")
                .asString();
    }

    /** A Spark ad and its new ad account, showing a new public post with this caption. */
    public record CaptionedAd(Advertiser advertiser, String adId) {}

    public CaptionedAd givenSparkAdWithCaption(String caption) {
        Advertiser advertiser = givenAdvertiser();
        CreatorPost sibling = givenPublicPost();
        String itemId = givenPostOf(sibling, caption, 8000, "PUBLIC");
        CreatorPost post = new CreatorPost(sibling.accountId(), itemId, sibling.displayName());
        givenBound(advertiser, post);
        String adGroup = givenAdGroup(advertiser, givenCampaign(advertiser), Map.of());
        return new CaptionedAd(advertiser, givenSparkAd(advertiser, adGroup, post));
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

    /** A link request of the ad account for the permissions; answers its link code. */
    public String givenLinkCode(Advertiser advertiser, List<String> permissions) {
        return api.businessPost(
                        advertiser.token(),
                        "/tt_user/link/create/",
                        Map.of("advertiser_id", advertiser.id(), "permissions", permissions))
                .data()
                .path("link_code")
                .asString();
    }

    public String givenCampaign(Advertiser advertiser) {
        return givenCampaign(advertiser, "REACH");
    }

    /** A campaign with the objective, e.g. ENGAGEMENT for profile visits and followers. */
    public String givenCampaign(Advertiser advertiser, String objective) {
        return api.businessPost(
                        advertiser.token(),
                        "/campaign/create/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "campaign_name",
                                "Campaign " + unique(),
                                "objective_type",
                                objective,
                                "budget_mode",
                                "BUDGET_MODE_INFINITE"))
                .data()
                .path("campaign_id")
                .asString();
    }

    /**
     * An ad group targeting a region of its own unless told otherwise, so that what a test asks for
     * there competes with nothing another test made: "not served" then means stopped, not
     * outranked.
     */
    public String givenAdGroup(
            Advertiser advertiser, String campaignId, Map<String, Object> overrides) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("advertiser_id", advertiser.id());
        body.put("campaign_id", campaignId);
        body.put("adgroup_name", "Group " + unique());
        body.put("location_ids", List.of(uniqueRegion()));
        body.put("billing_event", "CPM");
        body.put("bid_price", 10.00);
        body.put("schedule_type", "SCHEDULE_FROM_NOW");
        body.putAll(overrides);
        String adgroupId =
                api.businessPost(advertiser.token(), "/adgroup/create/", body)
                        .data()
                        .path("adgroup_id")
                        .asString();
        Object locations = body.get("location_ids");
        REGION_OF_ADGROUP.put(
                adgroupId,
                locations instanceof List<?> list
                                && list.size() == 1
                                && list.get(0).toString().matches("[A-Z]{2}")
                        ? list.get(0).toString()
                        : "US");
        return adgroupId;
    }

    private static final java.util.Map<String, String> REGION_OF_ADGROUP =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, String> REGION_OF_AD =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_REGION =
            new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A two-letter region no other test in this JVM uses: first the codes ISO leaves to users (X?,
     * Q?), then others, never the regions tests name themselves.
     */
    public static String uniqueRegion() {
        String firsts = "XQZJKLOPWY";
        while (true) {
            int n = NEXT_REGION.getAndIncrement();
            String region = "" + firsts.charAt((n / 26) % firsts.length()) + (char) ('A' + n % 26);
            if (!List.of("US", "CA", "IS", "NZ").contains(region)) {
                return region;
            }
        }
    }

    /** The region the ad's ad group targets. */
    public static String regionOf(String adId) {
        return REGION_OF_AD.getOrDefault(adId, "US");
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
        String adId = data.path("ad_ids").get(0).asString();
        REGION_OF_AD.put(adId, REGION_OF_ADGROUP.getOrDefault(adgroupId, "US"));
        return adId;
    }

    /**
     * An approved non-Spark ad: an uploaded video (a real MP4) under a custom identity, as an
     * advertiser makes one without a creator's post.
     */
    public String givenNonSparkAd(Advertiser advertiser, String adgroupId) {
        String videoId =
                givenUploadedVideo(advertiser, TestVideos.bytes(TestVideos.VERTICAL))
                        .path("video_id")
                        .asString();
        String adId = givenUnreviewedNonSparkAd(advertiser, adgroupId, videoId);
        approve(adId);
        return adId;
    }

    /** A non-Spark ad of an uploaded video, not yet reviewed, so not served. */
    public String givenUnreviewedNonSparkAd(
            Advertiser advertiser, String adgroupId, String videoId) {
        String adId =
                api.businessPost(
                                advertiser.token(),
                                "/ad/create/",
                                nonSparkAdBody(
                                        advertiser,
                                        adgroupId,
                                        givenCustomIdentity(advertiser),
                                        videoId))
                        .data()
                        .path("ad_ids")
                        .get(0)
                        .asString();
        madeIn(adId, adgroupId);
        return adId;
    }

    /** The ad/create body of one non-Spark ad: a video under a custom identity. */
    public static Map<String, Object> nonSparkAdBody(
            Advertiser advertiser, String adgroupId, String identityId, String videoId) {
        return Map.of(
                "advertiser_id",
                advertiser.id(),
                "adgroup_id",
                adgroupId,
                "creatives",
                List.of(
                        Map.of(
                                "ad_name",
                                "Own video " + unique().substring(0, 8),
                                "identity_type",
                                "CUSTOMIZED_USER",
                                "identity_id",
                                identityId,
                                "video_id",
                                videoId,
                                "ad_text",
                                "Winter sale",
                                "landing_page_url",
                                "https://shop.example.com/winter")));
    }

    /** Uploads a video to the ad account's library; answers the upload's data (video_id, url…). */
    public JsonNode givenUploadedVideo(Advertiser advertiser, byte[] video) {
        return api.businessUpload(
                        advertiser.token(),
                        "/file/video/ad/upload/",
                        Map.of("advertiser_id", advertiser.id()),
                        "video_file",
                        "clip.mp4",
                        video)
                .data()
                .get(0);
    }

    /** A web UI user who is a member of the ad account, made through the admin API. */
    public void givenAdvertiserUser(Advertiser advertiser, String username, String password) {
        var created =
                api.admin(
                        "POST",
                        "/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                password,
                                "role",
                                "ADVERTISER",
                                "advertiser_id",
                                advertiser.id()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
    }

    /** A custom identity (a display name of the advertiser's own) for non-Spark ads. */
    public String givenCustomIdentity(Advertiser advertiser) {
        return api.businessPost(
                        advertiser.token(),
                        "/identity/create/",
                        Map.of("advertiser_id", advertiser.id(), "display_name", "Acme"))
                .data()
                .path("identity_id")
                .asString();
    }

    /** Records the region of an ad a test made with its own ad/create call. */
    public static void madeIn(String adId, String adgroupId) {
        REGION_OF_AD.put(adId, REGION_OF_ADGROUP.getOrDefault(adgroupId, "US"));
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

    /**
     * Asks for ads until the given ad is served, and returns its impression id. Equal ads take
     * turns across viewers, so each attempt comes from another viewer: with many live ads in the
     * shared test database, one viewer's ten slots need not hold this one.
     */
    public String servedImpression(String adId, String viewerId) {
        return servedImpression(adId, viewerId, regionOf(adId));
    }

    public String servedImpression(String adId, String viewerId, String region) {
        return servedImpression(adId, viewerId, region, Map.of());
    }

    /**
     * As {@link #servedImpression(String, String)}, to a viewer the ad request describes further,
     * e.g. {@code age_group} and {@code gender}: what an audience report breaks down by.
     */
    public String servedImpression(String adId, String viewerId, Map<String, Object> viewer) {
        return servedImpression(adId, viewerId, regionOf(adId), viewer);
    }

    private String servedImpression(
            String adId, String viewerId, String region, Map<String, Object> viewer) {
        return servedAd(adId, viewerId, region, viewer).path("impression_id").asString();
    }

    /** The ad as an ad request serves it (video, identity, impression id…), once it is served. */
    public JsonNode servedAd(String adId, String viewerId) {
        return servedAd(adId, viewerId, regionOf(adId), Map.of());
    }

    private JsonNode servedAd(
            String adId, String viewerId, String region, Map<String, Object> viewer) {
        java.util.concurrent.atomic.AtomicInteger attempt =
                new java.util.concurrent.atomic.AtomicInteger();
        return Eventually.await(
                Duration.ofSeconds(10),
                () -> {
                    JsonNode ad =
                            find(adId, viewerId + "-" + attempt.incrementAndGet(), region, viewer);
                    if (ad == null) {
                        throw new AssertionError("ad " + adId + " not served");
                    }
                    return ad;
                });
    }

    /**
     * Sends the host app's events on a served impression, one of each type in the order given, each
     * with an event id of its own.
     */
    public void givenEvents(String impressionId, String occurredAt, String... types) {
        List<Map<String, Object>> events = new java.util.ArrayList<>();
        for (String type : types) {
            events.add(
                    Map.of(
                            "event_id",
                            unique(),
                            "type",
                            type,
                            "occurred_at",
                            occurredAt,
                            "impression_id",
                            impressionId));
        }
        api.platform("POST", "/events", Map.of("events", events));
    }

    /** The ad as the advertiser's {@code ad/get} shows it. */
    public JsonNode ad(Advertiser advertiser, String adId) {
        JsonNode list =
                api.businessGet(
                                advertiser.token(),
                                "/ad/get/",
                                params(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "filtering",
                                        Map.of("ad_ids", List.of(adId))))
                        .data()
                        .path("list");
        assertThat(list).as("ad %s", adId).hasSize(1);
        return list.get(0);
    }

    /** The ids of the ads one ad request serves to the viewer in the region. */
    public List<String> servedAdIds(String placement, String viewerId, String region) {
        JsonNode answer =
                adRequest(placement, placement.equals("TOPVIEW") ? 1 : 10, viewerId, region);
        List<String> ids = new java.util.ArrayList<>();
        answer.path("ads").forEach(ad -> ids.add(ad.path("ad_id").asString()));
        return ids;
    }

    /** The answer's data to one ad request of the viewer in the region; it must succeed. */
    public JsonNode adRequest(String placement, int slots, String viewerId, String region) {
        var response =
                api.platform(
                        "POST",
                        "/ad_requests",
                        params(
                                "request_id",
                                unique(),
                                "placement",
                                placement,
                                "slots",
                                slots,
                                "viewer",
                                params("viewer_id", viewerId, "region", region)));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    /** Whether any of a few dozen viewers in the region is served the ad. */
    public boolean isServed(String adId, String region) {
        String viewer = unique();
        for (int i = 0; i < 40; i++) {
            if (find(adId, viewer + i, region) != null) {
                return true;
            }
        }
        return false;
    }

    /** The impression id of the ad in one ad request of the viewer, or null when not served. */
    public String impressionIn(String adId, String viewerId, String region) {
        JsonNode ad = find(adId, viewerId, region);
        return ad == null ? null : ad.path("impression_id").asString();
    }

    private JsonNode find(String adId, String viewerId, String region) {
        return find(adId, viewerId, region, Map.of());
    }

    private JsonNode find(
            String adId, String viewerId, String region, Map<String, Object> attributes) {
        Map<String, Object> viewer = new java.util.HashMap<>(attributes);
        viewer.put("viewer_id", viewerId);
        viewer.put("region", region);
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
                                viewer));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        for (JsonNode ad : response.body().path("ads")) {
            if (ad.path("ad_id").asString().equals(adId)) {
                return ad;
            }
        }
        return null;
    }

    /** The ad's lifetime figures for the metrics, from the report API, filtered to the ad. */
    public JsonNode lifetimeMetrics(Advertiser advertiser, String adId, List<String> metrics) {
        var answer =
                api.businessGet(
                        advertiser.token(),
                        "/report/integrated/get/",
                        params(
                                "advertiser_id",
                                advertiser.id(),
                                "report_type",
                                "BASIC",
                                "data_level",
                                "AUCTION_AD",
                                "dimensions",
                                List.of("ad_id"),
                                "metrics",
                                metrics,
                                "query_lifetime",
                                "true",
                                "filtering",
                                List.of(
                                        Map.of(
                                                "field_name",
                                                "ad_ids",
                                                "filter_type",
                                                "IN",
                                                "filter_value",
                                                List.of(adId)))));
        assertThat(answer.code()).as(answer.raw()).isZero();
        JsonNode list = answer.data().path("list");
        assertThat(list).as("the ad's one report row").hasSize(1);
        return list.get(0).path("metrics");
    }

    public static String unique() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
